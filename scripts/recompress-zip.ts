import { deflateAsync } from '@gfx/zopfli';
import { readFile, writeFile } from 'node:fs/promises';
import { crc32, inflateRawSync } from 'node:zlib';

/**
 * Deflates every file of a zip again with Zopfli, which finds smaller deflate streams than zlib's level 9 at
 * the cost of time (under a minute for a store zip). Everything else of the zip is kept byte for byte: the
 * order, names, dates, attributes and the comment; each file is the same deflate format (method 8) that
 * every unzip reads, its CRC checked against the original's. A file Zopfli cannot shrink keeps its bytes.
 * The folder entries JSZip adds (`_locales/`, …) are left out: a zip needs none (every path names its
 * folders), and each costs about a hundred bytes of headers.
 * Enough of the format for the zips WXT writes with JSZip: no zip64, no data descriptors, no encryption.
 */
export async function recompressZip(path: string, iterations = 15): Promise<{ before: number; after: number }> {
  const zip = await readFile(path);
  const end = endOfCentralDirectory(zip, path);
  const count = zip.readUInt16LE(end + 10);
  const centralStart = zip.readUInt32LE(end + 16);
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let at = centralStart;
  let offset = 0;
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: broken central directory at ${at}`);
    const central = Buffer.from(
      zip.subarray(at, at + 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)),
    );
    at += central.length;
    if (entryName(central).endsWith('/') && central.readUInt32LE(24) === 0) continue;
    const flags = central.readUInt16LE(8);
    const method = central.readUInt16LE(10);
    const packedSize = central.readUInt32LE(20);
    const localAt = central.readUInt32LE(42);
    if (flags & 0b1001) throw new Error(`${path}: ${entryName(central)} is encrypted or has a data descriptor`);
    if (zip.readUInt32LE(localAt) !== 0x04034b50) throw new Error(`${path}: no local header for ${entryName(central)}`);
    const headerLength = 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    const header = Buffer.from(zip.subarray(localAt, localAt + headerLength));
    let data: Uint8Array = zip.subarray(localAt + headerLength, localAt + headerLength + packedSize);
    if (method === 8) {
      const content = inflateRawSync(data);
      if (crc32(content) !== central.readUInt32LE(16)) throw new Error(`${path}: ${entryName(central)} fails its CRC`);
      const smaller = await deflateAsync(content, { numiterations: iterations });
      if (smaller.length < data.length && inflateRawSync(smaller).equals(content)) {
        data = smaller;
        header.writeUInt32LE(data.length, 18);
        central.writeUInt32LE(data.length, 20);
      }
    } else if (method !== 0) throw new Error(`${path}: ${entryName(central)} uses compression method ${method}`);
    central.writeUInt32LE(offset, 42);
    locals.push(header, data);
    centrals.push(central);
    offset += header.length + data.length;
  }
  const tail = Buffer.from(zip.subarray(end));
  tail.writeUInt16LE(centrals.length, 8);
  tail.writeUInt16LE(centrals.length, 10);
  tail.writeUInt32LE(
    centrals.reduce((sum, c) => sum + c.length, 0),
    12,
  );
  tail.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, ...centrals, tail]);
  await writeFile(path, out);
  return { before: zip.length, after: out.length };
}

const entryName = (central: Buffer) => central.toString('utf8', 46, 46 + central.readUInt16LE(28));

/** The end-of-central-directory record: in the last 22 bytes, after an optional comment of up to 64 KB. */
function endOfCentralDirectory(zip: Buffer, path: string): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) if (zip.readUInt32LE(i) === 0x06054b50) return i;
  throw new Error(`${path}: not a zip (no end of central directory)`);
}
