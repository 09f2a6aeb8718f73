#!/usr/bin/env node
// Small S3 client for the benchmark harness. It sends unsigned requests, so it works only against the local
// S3 server that the harness starts with authorization disabled, on 127.0.0.1.
//
// Usage:
//   node s3tool.js put-rate PORT BUCKET COUNT CONCURRENCY SIZE   PUTs COUNT objects of SIZE bytes, prints JSON
//   node s3tool.js make-bucket PORT BUCKET
//   node s3tool.js delete-bucket PORT BUCKET                      deletes every object, then the bucket
//   node s3tool.js list PORT BUCKET PREFIX                        prints JSON {count, bytes, sizes: {key: size}}
'use strict';

const http = require('http');
const crypto = require('crypto');

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function request(port, method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path, agent, headers: { ...headers, 'content-length': body ? body.length : 0 } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body) {
      req.write(body);
    }
    req.end();
  });
}

function check(response, what) {
  if (response.status >= 300) {
    throw new Error(`${what} failed with HTTP ${response.status}: ${response.body.slice(0, 300)}`);
  }
  return response;
}

function xmlValues(xml, tag) {
  const values = [];
  const pattern = new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g');
  for (let match = pattern.exec(xml); match; match = pattern.exec(xml)) {
    values.push(match[1]);
  }
  return values;
}

function unescapeXml(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Lists every object under the prefix with ListObjectsV2, 1,000 keys a page. */
async function listAll(port, bucket, prefix) {
  const sizes = {};
  let token = null;
  do {
    const query = new URLSearchParams({ 'list-type': '2', 'max-keys': '1000', prefix });
    if (token) {
      query.set('continuation-token', token);
    }
    const response = check(await request(port, 'GET', `/${bucket}?${query}`), `listing ${bucket}`);
    const contents = response.body.split('<Contents>').slice(1);
    for (const entry of contents) {
      const key = unescapeXml(xmlValues(entry, 'Key')[0]);
      sizes[key] = Number(xmlValues(entry, 'Size')[0]);
    }
    const truncated = xmlValues(response.body, 'IsTruncated')[0] === 'true';
    token = truncated ? unescapeXml(xmlValues(response.body, 'NextContinuationToken')[0]) : null;
  } while (token);
  return sizes;
}

async function putRate(port, bucket, count, concurrency, size) {
  const body = crypto.randomBytes(size);
  let next = 0;
  const start = process.hrtime.bigint();
  async function worker() {
    while (next < count) {
      const index = next++;
      check(await request(port, 'PUT', `/${bucket}/putrate/${index}`, body), `PUT ${index}`);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { count, concurrency, size, seconds, putsPerSecond: count / seconds };
}

async function deleteBucket(port, bucket) {
  const keys = Object.keys(await listAll(port, bucket, ''));
  for (let i = 0; i < keys.length; i += 1000) {
    const objects = keys.slice(i, i + 1000).map((key) => `<Object><Key>${escapeXml(key)}</Key></Object>`).join('');
    const body = Buffer.from(`<Delete><Quiet>true</Quiet>${objects}</Delete>`);
    const md5 = crypto.createHash('md5').update(body).digest('base64');
    check(await request(port, 'POST', `/${bucket}?delete`, body, { 'content-md5': md5 }), `deleting from ${bucket}`);
  }
  check(await request(port, 'DELETE', `/${bucket}`), `deleting bucket ${bucket}`);
}

async function main() {
  const [command, portText, bucket, ...rest] = process.argv.slice(2);
  const port = Number(portText);
  switch (command) {
    case 'put-rate': {
      const [count, concurrency, size] = rest.map(Number);
      console.log(JSON.stringify(await putRate(port, bucket, count, concurrency, size)));
      break;
    }
    case 'make-bucket':
      check(await request(port, 'PUT', `/${bucket}`), `creating bucket ${bucket}`);
      break;
    case 'delete-bucket':
      await deleteBucket(port, bucket);
      break;
    case 'list': {
      const sizes = await listAll(port, bucket, rest[0] || '');
      const values = Object.values(sizes);
      console.log(JSON.stringify({ count: values.length, bytes: values.reduce((a, b) => a + b, 0), sizes }));
      break;
    }
    default:
      throw new Error(`unknown command ${command}`);
  }
}

main().catch((error) => {
  console.error(`s3tool: ${error.message}`);
  process.exit(1);
});
