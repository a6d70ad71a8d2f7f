import { readFile } from 'node:fs/promises';

/** One file in a zip: its name and its packed (compressed) size in bytes. */
export interface ZipEntry {
  name: string;
  packed: number;
}

/**
 * The files in a zip with their packed sizes, read from its central directory (no unzip tool needed).
 * Enough of the format for the zips WXT writes: no zip64, no multi-disk archives.
 */
export async function zipEntries(path: string): Promise<ZipEntry[]> {
  const zip = await readFile(path);
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment of ≤ 64 KB.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error(`${path}: not a zip (no end of central directory)`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: broken central directory at ${at}`);
    const packed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), packed });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}
