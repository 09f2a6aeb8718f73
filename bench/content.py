"""Generates Live update content shaped like a Defold release, seeded and reproducible.

A release has N resource entries named by a 40-character hex SHA-1. Each is a 16-byte header (big-endian
uint32 payload size, a flags byte, 11 zero bytes) and a random payload. The release also has
liveupdate.game.dmanifest, a protobuf that lists every resource with Defold's field numbers. Payload sizes are log-uniform from 256 B to 64 KiB,
except resource indexes 7, 2007, 4007, ... whose payloads are 2 to 8 MiB, so 1,000 resources hold one large
file, 10,000 hold 5 and 100,000 hold 50.

Release 2 drops the first 10% of release 1's resources, adds as many new ones, and has a new manifest. The
same seed always gives the same bytes.
"""

import hashlib
import math
import os
import random
import shutil
import struct
import zipfile
import zlib

MANIFEST = "liveupdate.game.dmanifest"
HEADER_SIZE = 16
FLAG_EXCLUDED = 2
FLAG_BUNDLED = 1
LARGE_EVERY = 2000
LARGE_OFFSET = 7
SMALL_MIN = 256
SMALL_MAX = 64 * 1024
LARGE_MIN = 2 * 1024 * 1024
LARGE_MAX = 8 * 1024 * 1024
BUNDLED = 3
# Fixed zip entry time (2000-01-01), so the zip's bytes do not depend on the clock.
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
# Bump when the output changes, so cached content is generated again.
GENERATOR_VERSION = "1"


def resource_hash(seed, index):
    return hashlib.sha1(f"bench resource {seed} {index}".encode()).hexdigest()


def payload_size(seed, index):
    rng = random.Random(seed * 1_000_003 + index)
    if index % LARGE_EVERY == LARGE_OFFSET:
        return rng.randint(LARGE_MIN, LARGE_MAX)
    return int(math.exp(rng.uniform(math.log(SMALL_MIN), math.log(SMALL_MAX))))


def resource_entry(seed, index):
    size = payload_size(seed, index)
    rng = random.Random(f"payload {seed} {index}")
    return struct.pack(">IB11x", size, 0) + rng.randbytes(size)


def _varint(value):
    out = bytearray()
    while value > 0x7F:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _bytes_field(field, data):
    return _varint(field << 3 | 2) + _varint(len(data)) + data


def _varint_field(field, value):
    return _varint(field << 3) + _varint(value)


def _resource_message(url, hash_hex, flags, size):
    url_bytes = url.encode()
    return _bytes_field(
        3,
        _bytes_field(1, url_bytes)
        + _varint_field(2, zlib.crc32(url_bytes))
        + _bytes_field(3, _bytes_field(1, bytes.fromhex(hash_hex)))
        + _varint_field(5, flags)
        + _varint_field(6, size),
    )


def manifest(seed, indexes, version):
    """Returns the manifest bytes: ManifestFile { data = 1 (ManifestData), signature = 2 }."""
    parts = [
        _bytes_field(1, _varint_field(1, 2) + _bytes_field(2, f"version {version}".encode())),
        _bytes_field(2, _bytes_field(1, hashlib.sha1(f"engine {version}".encode()).digest())),
    ]
    for index in indexes:
        size = HEADER_SIZE + payload_size(seed, index)
        parts.append(_resource_message(f"/bench/resource{index}.texturec", resource_hash(seed, index), FLAG_EXCLUDED, size))
    for index in range(BUNDLED):
        bundled = hashlib.sha1(f"bench bundled {seed} {index} {version}".encode()).hexdigest()
        parts.append(_resource_message(f"/bench/bundled{index}.scriptc", bundled, FLAG_BUNDLED, 32))
    data = b"".join(parts)
    signature = hashlib.sha1(f"signature {version}".encode()).digest()
    return _bytes_field(1, data) + _bytes_field(2, signature)


def release_indexes(count, release):
    """Returns the resource indexes of a release: 0..N-1 for release 1, shifted by N/10 for release 2."""
    shift = (count // 10) * (release - 1)
    return range(shift, shift + count)


def _write_zip(path, seed, indexes, manifest_bytes):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for index in indexes:
            info = zipfile.ZipInfo(resource_hash(seed, index), ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, resource_entry(seed, index), compresslevel=1)
        info = zipfile.ZipInfo(MANIFEST, ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, manifest_bytes)


def generate(directory, count, seed):
    """Writes the content of both releases under directory, unless a complete copy is already there.

    Layout: r1/ (release 1 as a folder), r1.zip, r2-new/ (the resources release 2 adds and its manifest),
    r2-removed.txt (the names release 2 drops), r2.zip. Returns the directory.
    """
    stamp = os.path.join(directory, "complete")
    expected = f"{GENERATOR_VERSION} {count} {seed}\n"
    if os.path.exists(stamp) and open(stamp).read() == expected:
        return directory
    shutil.rmtree(directory, ignore_errors=True)
    os.makedirs(os.path.join(directory, "r1"))
    os.makedirs(os.path.join(directory, "r2-new"))

    r1 = release_indexes(count, 1)
    r2 = release_indexes(count, 2)
    r1_manifest = manifest(seed, r1, "1")
    r2_manifest = manifest(seed, r2, "2")
    for index in r1:
        with open(os.path.join(directory, "r1", resource_hash(seed, index)), "wb") as out:
            out.write(resource_entry(seed, index))
    with open(os.path.join(directory, "r1", MANIFEST), "wb") as out:
        out.write(r1_manifest)
    for index in range(r1.stop, r2.stop):
        with open(os.path.join(directory, "r2-new", resource_hash(seed, index)), "wb") as out:
            out.write(resource_entry(seed, index))
    with open(os.path.join(directory, "r2-new", MANIFEST), "wb") as out:
        out.write(r2_manifest)
    with open(os.path.join(directory, "r2-removed.txt"), "w") as out:
        for index in range(r1.start, r2.start):
            out.write(resource_hash(seed, index) + "\n")
    _write_zip(os.path.join(directory, "r1.zip"), seed, r1, r1_manifest)
    _write_zip(os.path.join(directory, "r2.zip"), seed, r2, r2_manifest)

    with open(stamp, "w") as out:
        out.write(expected)
    return directory


def folder_bytes(folder):
    """Returns the number of files and their total size."""
    count = 0
    total = 0
    with os.scandir(folder) as entries:
        for entry in entries:
            count += 1
            total += entry.stat().st_size
    return count, total
