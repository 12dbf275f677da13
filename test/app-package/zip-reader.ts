import * as zlib from 'node:zlib';

/**
 * Reads a zip archive the way unzip does: from the end-of-central-directory record through the central
 * directory to each local header, inflating (or copying) each entry and checking its size and CRC-32 against
 * both headers.
 * @returns the entries by name, in archive order
 */
export function readZip(archive: Buffer): Map<string, Buffer> {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new Error('no end of central directory record');
  const count = archive.readUInt16LE(endAt + 10);
  let at = archive.readUInt32LE(endAt + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index++) {
    if (archive.readUInt32LE(at) !== 0x02014b50)
      throw new Error(`central directory entry ${index}: bad signature`);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const compressedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const skip = nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;

    if (archive.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`${name}: bad local header signature`);
    if (archive.readUInt32LE(localAt + 14) !== crc) throw new Error(`${name}: local and central CRC differ`);
    const localName = archive.toString(
      'utf8',
      localAt + 30,
      localAt + 30 + archive.readUInt16LE(localAt + 26),
    );
    if (localName !== name) throw new Error(`${name}: local header names ${localName}`);
    const bodyAt = localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    const body = archive.subarray(bodyAt, bodyAt + compressedSize);
    let data: Buffer;
    if (method === 0) data = Buffer.from(body);
    else if (method === 8) data = zlib.inflateRawSync(body);
    else throw new Error(`${name}: compression method ${method}`);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, the header says ${size}`);
    if (zlib.crc32(data) !== crc) throw new Error(`${name}: CRC-32 mismatch`);
    entries.set(name, data);
  }
  return entries;
}
