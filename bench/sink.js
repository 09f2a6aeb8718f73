#!/usr/bin/env node
// A purpose-built S3 sink for the upload benchmark, with a latency layer and request counters in the same
// process. It is not a general S3 server: it keeps each object's metadata (size, MD5 ETag, time, headers,
// x-amz-meta-*) and drops the content, does not check signatures or checksums, and listens on 127.0.0.1 only.
//
// Operations: CreateBucket, HeadBucket, GetBucketLocation, DeleteBucket, ListObjects (V1 and V2, with prefix,
// delimiter, pagination and encoding-type=url), PutObject (plain or aws-chunked body), CopyObject, HeadObject,
// DeleteObject, DeleteObjects, and multipart uploads (create, upload part, complete, abort). GetObject returns
// 501 because no content is kept. Anything else returns 501 and is logged.
//
// Latency: every response waits --delay ms before it is sent, standing for one round trip to an S3 region.
// A request with "Expect: 100-continue" waits once more before "100 Continue", as a second round trip.
//
// Control paths (bucket names cannot contain an underscore, so no S3 request uses them):
//   GET  /_bench/counts       the counts since the last reset, as JSON
//   POST /_bench/reset        sets the counts to zero
//   POST /_bench/delay?ms=N   changes the delay
//
// Usage: node sink.js [--port PORT] [--delay MS] [--port-file FILE]
'use strict';

const http = require('http');
const crypto = require('crypto');
const fs = require('fs');

const options = { port: 0, delay: 0, portFile: null };
for (let i = 2; i < process.argv.length; i += 2) {
  const value = process.argv[i + 1];
  switch (process.argv[i]) {
    case '--port': options.port = Number(value); break;
    case '--delay': options.delay = Number(value); break;
    case '--port-file': options.portFile = value; break;
    default: throw new Error(`unknown option ${process.argv[i]}`);
  }
}

/** Buckets by name. Each has objects (key to metadata), a key list sorted on demand, and multipart uploads. */
const buckets = new Map();
let uploadCounter = 0;
let counts = newCounts();
let unsupportedLogged = 0;

function newCounts() {
  return { total: 0, put: 0, copy: 0, head: 0, list: 0, get: 0, post: 0, delete: 0, other: 0, continues: 0 };
}

function newBucket() {
  return { objects: new Map(), sortedKeys: [], sorted: true, uploads: new Map() };
}

function sortedKeys(bucket) {
  if (!bucket.sorted) {
    bucket.sortedKeys = Array.from(bucket.objects.keys()).sort(compareKeys);
    bucket.sorted = true;
  }
  return bucket.sortedKeys;
}

/** Orders keys by their UTF-8 bytes, as S3 does; plain code-unit order is the same for these keys. */
function compareKeys(a, b) {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function storeObject(bucket, key, object) {
  if (!bucket.objects.has(key)) {
    bucket.sorted = false;
  }
  bucket.objects.set(key, object);
}

function deleteObject(bucket, key) {
  if (bucket.objects.delete(key)) {
    bucket.sorted = false;
  }
}

// ---- responses ----

function escapeXml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function later(action) {
  if (options.delay > 0) {
    setTimeout(action, options.delay);
  } else {
    action();
  }
}

function send(res, status, headers, body) {
  later(() => {
    const payload = body === undefined || body === null ? '' : body;
    res.writeHead(status, { 'content-length': Buffer.byteLength(payload), ...headers });
    res.end(payload);
  });
}

function sendXml(res, status, xml, headers = {}) {
  send(res, status, { 'content-type': 'application/xml', ...headers }, `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
}

function sendError(res, status, code, message) {
  sendXml(res, status, `<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`);
}

function objectHeaders(object) {
  const headers = {
    etag: object.etag,
    'last-modified': new Date(object.lastModified).toUTCString(),
    'content-type': object.contentType,
    'accept-ranges': 'bytes',
  };
  if (object.cacheControl) {
    headers['cache-control'] = object.cacheControl;
  }
  for (const [name, value] of Object.entries(object.metadata)) {
    headers[`x-amz-meta-${name}`] = value;
  }
  return headers;
}

// ---- request bodies ----

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Returns the payload of an aws-chunked body: "hex-size[;extensions]\r\n data \r\n" chunks, then trailers. */
function decodeAwsChunked(body) {
  const parts = [];
  let position = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', position);
    if (lineEnd < 0) {
      throw new Error('aws-chunked body ends inside a chunk header');
    }
    const size = parseInt(body.toString('latin1', position, lineEnd).split(';')[0], 16);
    if (Number.isNaN(size)) {
      throw new Error('aws-chunked body has an invalid chunk size');
    }
    position = lineEnd + 2;
    if (size === 0) {
      return Buffer.concat(parts);
    }
    parts.push(body.subarray(position, position + size));
    position += size + 2;
  }
}

function isAwsChunked(req) {
  const encoding = req.headers['content-encoding'] || '';
  const sha = req.headers['x-amz-content-sha256'] || '';
  return encoding.includes('aws-chunked') || sha.startsWith('STREAMING-');
}

async function readPayload(req) {
  const body = await readBody(req);
  return isAwsChunked(req) ? decodeAwsChunked(body) : body;
}

function userMetadata(req) {
  const metadata = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith('x-amz-meta-')) {
      metadata[name.slice('x-amz-meta-'.length)] = value;
    }
  }
  return metadata;
}

function contentTypeOf(req) {
  return req.headers['content-type'] || 'binary/octet-stream';
}

// ---- operations ----

function listObjects(res, bucketName, bucket, query) {
  const v2 = query.get('list-type') === '2';
  const prefix = query.get('prefix') || '';
  const delimiter = query.get('delimiter') || '';
  const maxKeys = Math.min(Number(query.get('max-keys') || 1000), 1000);
  const urlEncoded = query.get('encoding-type') === 'url';
  const after = v2
    ? (query.get('continuation-token') ? Buffer.from(query.get('continuation-token'), 'base64').toString() : query.get('start-after') || '')
    : query.get('marker') || '';
  const encode = (text) => escapeXml(urlEncoded ? encodeURIComponent(text).replace(/%2F/g, '/') : text);

  const keys = sortedKeys(bucket);
  let low = 0;
  let high = keys.length;
  const start = after > prefix ? after : prefix;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle] < start || (keys[middle] === after && after !== '')) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  const contents = [];
  const commonPrefixes = [];
  let last = null;
  let truncated = false;
  for (let i = low; i < keys.length; i++) {
    const key = keys[i];
    if (key <= after) {
      continue;
    }
    if (!key.startsWith(prefix)) {
      break;
    }
    if (contents.length + commonPrefixes.length >= maxKeys) {
      truncated = true;
      break;
    }
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (cut >= 0) {
      const common = key.slice(0, cut + delimiter.length);
      commonPrefixes.push(common);
      last = common;
      // Skip every key under this common prefix.
      while (i + 1 < keys.length && keys[i + 1].startsWith(common)) {
        i++;
      }
      last = keys[i];
      continue;
    }
    const object = bucket.objects.get(key);
    contents.push(
      `<Contents><Key>${encode(key)}</Key><LastModified>${new Date(object.lastModified).toISOString()}</LastModified>`
        + `<ETag>${escapeXml(object.etag)}</ETag><Size>${object.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
    );
    last = key;
  }
  let xml = `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${escapeXml(bucketName)}</Name>`
    + `<Prefix>${encode(prefix)}</Prefix><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>`;
  if (delimiter) {
    xml += `<Delimiter>${encode(delimiter)}</Delimiter>`;
  }
  if (urlEncoded) {
    xml += '<EncodingType>url</EncodingType>';
  }
  if (v2) {
    xml += `<KeyCount>${contents.length + commonPrefixes.length}</KeyCount>`;
    if (query.get('continuation-token')) {
      xml += `<ContinuationToken>${escapeXml(query.get('continuation-token'))}</ContinuationToken>`;
    }
    if (truncated) {
      xml += `<NextContinuationToken>${Buffer.from(last).toString('base64')}</NextContinuationToken>`;
    }
  } else {
    xml += `<Marker>${encode(after)}</Marker>`;
    if (truncated) {
      xml += `<NextMarker>${encode(last)}</NextMarker>`;
    }
  }
  xml += contents.join('');
  for (const common of commonPrefixes) {
    xml += `<CommonPrefixes><Prefix>${encode(common)}</Prefix></CommonPrefixes>`;
  }
  sendXml(res, 200, `${xml}</ListBucketResult>`);
}

async function putObject(req, res, bucket, key) {
  const payload = await readPayload(req);
  const etag = `"${crypto.createHash('md5').update(payload).digest('hex')}"`;
  storeObject(bucket, key, {
    size: payload.length,
    etag,
    lastModified: Date.now(),
    contentType: contentTypeOf(req),
    cacheControl: req.headers['cache-control'],
    metadata: userMetadata(req),
  });
  send(res, 200, { etag });
}

async function copyObject(req, res, bucket, key) {
  await readBody(req);
  const source = decodeURIComponent(req.headers['x-amz-copy-source'].split('?')[0]).replace(/^\//, '');
  const slash = source.indexOf('/');
  const sourceBucket = buckets.get(source.slice(0, slash));
  const original = sourceBucket && sourceBucket.objects.get(source.slice(slash + 1));
  if (!original) {
    sendError(res, 404, 'NoSuchKey', `The copy source ${source} does not exist.`);
    return;
  }
  const replace = (req.headers['x-amz-metadata-directive'] || '').toUpperCase() === 'REPLACE';
  const copy = {
    ...original,
    lastModified: Date.now(),
    contentType: replace ? contentTypeOf(req) : original.contentType,
    cacheControl: replace ? req.headers['cache-control'] : original.cacheControl,
    metadata: replace ? userMetadata(req) : { ...original.metadata },
  };
  storeObject(bucket, key, copy);
  sendXml(res, 200, `<CopyObjectResult><LastModified>${new Date(copy.lastModified).toISOString()}</LastModified>`
    + `<ETag>${escapeXml(copy.etag)}</ETag></CopyObjectResult>`);
}

function createMultipartUpload(req, res, bucketName, bucket, key) {
  const uploadId = `upload-${++uploadCounter}`;
  bucket.uploads.set(uploadId, {
    key,
    parts: new Map(),
    contentType: contentTypeOf(req),
    cacheControl: req.headers['cache-control'],
    metadata: userMetadata(req),
  });
  req.resume();
  sendXml(res, 200, `<InitiateMultipartUploadResult><Bucket>${escapeXml(bucketName)}</Bucket><Key>${escapeXml(key)}</Key>`
    + `<UploadId>${uploadId}</UploadId></InitiateMultipartUploadResult>`);
}

async function uploadPart(req, res, bucket, query) {
  const upload = bucket.uploads.get(query.get('uploadId'));
  const payload = await readPayload(req);
  if (!upload) {
    sendError(res, 404, 'NoSuchUpload', 'The specified multipart upload does not exist.');
    return;
  }
  const md5 = crypto.createHash('md5').update(payload).digest();
  upload.parts.set(Number(query.get('partNumber')), { size: payload.length, md5 });
  send(res, 200, { etag: `"${md5.toString('hex')}"` });
}

async function completeMultipartUpload(req, res, bucketName, bucket, key, query) {
  const body = (await readBody(req)).toString('utf8');
  const uploadId = query.get('uploadId');
  const upload = bucket.uploads.get(uploadId);
  if (!upload) {
    sendError(res, 404, 'NoSuchUpload', 'The specified multipart upload does not exist.');
    return;
  }
  const numbers = Array.from(body.matchAll(/<PartNumber>(\d+)<\/PartNumber>/g), (match) => Number(match[1]));
  let size = 0;
  const digests = [];
  for (const number of numbers) {
    const part = upload.parts.get(number);
    if (!part) {
      sendError(res, 400, 'InvalidPart', `Part ${number} was not uploaded.`);
      return;
    }
    size += part.size;
    digests.push(part.md5);
  }
  const etag = `"${crypto.createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${numbers.length}"`;
  storeObject(bucket, key, {
    size,
    etag,
    lastModified: Date.now(),
    contentType: upload.contentType,
    cacheControl: upload.cacheControl,
    metadata: upload.metadata,
  });
  bucket.uploads.delete(uploadId);
  sendXml(res, 200, `<CompleteMultipartUploadResult><Bucket>${escapeXml(bucketName)}</Bucket><Key>${escapeXml(key)}</Key>`
    + `<ETag>${escapeXml(etag)}</ETag></CompleteMultipartUploadResult>`);
}

async function deleteObjects(req, res, bucket) {
  const body = (await readBody(req)).toString('utf8');
  const keys = Array.from(body.matchAll(/<Key>([^<]*)<\/Key>/g), (match) => match[1]
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
  for (const key of keys) {
    deleteObject(bucket, key);
  }
  const quiet = /<Quiet>\s*true\s*<\/Quiet>/i.test(body);
  const deleted = quiet ? '' : keys.map((key) => `<Deleted><Key>${escapeXml(key)}</Key></Deleted>`).join('');
  sendXml(res, 200, `<DeleteResult>${deleted}</DeleteResult>`);
}

// ---- dispatch ----

function countRequest(req, key, query) {
  counts.total++;
  let operation;
  switch (req.method) {
    case 'PUT': operation = req.headers['x-amz-copy-source'] ? 'copy' : 'put'; break;
    case 'HEAD': operation = 'head'; break;
    case 'GET': operation = key === '' && !query.has('location') ? 'list' : 'get'; break;
    case 'POST': operation = 'post'; break;
    case 'DELETE': operation = 'delete'; break;
    default: operation = 'other';
  }
  counts[operation]++;
}

function unsupported(req, res) {
  if (unsupportedLogged++ < 20) {
    console.error(`sink: unsupported request ${req.method} ${req.url}`);
  }
  req.resume();
  sendError(res, 501, 'NotImplemented', `The benchmark sink does not support ${req.method} ${req.url}.`);
}

async function handle(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  const query = url.searchParams;
  const path = url.pathname.slice(1);
  const slash = path.indexOf('/');
  const bucketName = decodeURIComponent(slash < 0 ? path : path.slice(0, slash));
  const key = slash < 0 ? '' : decodeURIComponent(path.slice(slash + 1));
  countRequest(req, key, query);
  const bucket = buckets.get(bucketName);

  if (key === '') {
    if (req.method === 'PUT') {
      if (!bucket) {
        buckets.set(bucketName, newBucket());
      }
      req.resume();
      send(res, 200, { location: `/${bucketName}` });
      return;
    }
    if (!bucket) {
      req.resume();
      sendError(res, 404, 'NoSuchBucket', `The bucket ${bucketName} does not exist.`);
      return;
    }
    if (req.method === 'HEAD') {
      send(res, 200, { 'x-amz-bucket-region': 'us-east-1' });
    } else if (req.method === 'GET' && query.has('location')) {
      sendXml(res, 200, '<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/"></LocationConstraint>');
    } else if (req.method === 'GET') {
      listObjects(res, bucketName, bucket, query);
    } else if (req.method === 'POST' && query.has('delete')) {
      await deleteObjects(req, res, bucket);
    } else if (req.method === 'DELETE') {
      buckets.delete(bucketName);
      send(res, 204, {});
    } else {
      unsupported(req, res);
    }
    return;
  }

  if (!bucket) {
    req.resume();
    sendError(res, 404, 'NoSuchBucket', `The bucket ${bucketName} does not exist.`);
    return;
  }
  if (req.method === 'PUT' && req.headers['x-amz-copy-source']) {
    await copyObject(req, res, bucket, key);
  } else if (req.method === 'PUT' && query.has('uploadId')) {
    await uploadPart(req, res, bucket, query);
  } else if (req.method === 'PUT') {
    await putObject(req, res, bucket, key);
  } else if (req.method === 'POST' && query.has('uploads')) {
    createMultipartUpload(req, res, bucketName, bucket, key);
  } else if (req.method === 'POST' && query.has('uploadId')) {
    await completeMultipartUpload(req, res, bucketName, bucket, key, query);
  } else if (req.method === 'DELETE' && query.has('uploadId')) {
    bucket.uploads.delete(query.get('uploadId'));
    req.resume();
    send(res, 204, {});
  } else if (req.method === 'DELETE') {
    deleteObject(bucket, key);
    req.resume();
    send(res, 204, {});
  } else if (req.method === 'HEAD') {
    const object = bucket.objects.get(key);
    if (object) {
      later(() => {
        res.writeHead(200, { ...objectHeaders(object), 'content-length': object.size });
        res.end();
      });
    } else {
      send(res, 404, {});
    }
  } else {
    unsupported(req, res);
  }
}

function control(req, res) {
  const url = new URL(req.url, 'http://127.0.0.1');
  req.resume();
  if (req.method === 'GET' && url.pathname === '/_bench/counts') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(counts));
  } else if (req.method === 'POST' && url.pathname === '/_bench/reset') {
    counts = newCounts();
    res.writeHead(204).end();
  } else if (req.method === 'POST' && url.pathname === '/_bench/delay') {
    options.delay = Number(url.searchParams.get('ms'));
    res.writeHead(204).end();
  } else {
    res.writeHead(404).end();
  }
}

function dispatch(req, res) {
  if (req.url.startsWith('/_bench/')) {
    control(req, res);
    return;
  }
  handle(req, res).catch((error) => {
    console.error(`sink: ${req.method} ${req.url} failed: ${error.message}`);
    if (!res.headersSent) {
      sendError(res, 400, 'InvalidRequest', error.message);
    }
  });
}

const server = http.createServer(dispatch);
server.on('checkContinue', (req, res) => {
  counts.continues++;
  later(() => {
    res.writeContinue();
    dispatch(req, res);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;
server.listen(options.port, '127.0.0.1', () => {
  const port = server.address().port;
  if (options.portFile) {
    fs.writeFileSync(options.portFile, String(port));
  }
  console.log(`sink: listening on 127.0.0.1:${port}, delay ${options.delay} ms`);
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
