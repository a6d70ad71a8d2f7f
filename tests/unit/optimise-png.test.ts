import { deflateSync } from 'node:zlib';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeRgba, optimisePng } from '../../scripts/optimise-png';

/** An 8-bit RGBA PNG of `rgba`, every row unfiltered and deflated by zlib, as a plain encoder writes it. */
function plainPng(width: number, height: number, rgba: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 8, 6, 0, 0, 0]);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  const rows = Buffer.concat(
    Array.from({ length: height }, (_, y) =>
      Buffer.concat([Buffer.from([0]), rgba.subarray(y * width * 4, (y + 1) * width * 4)]),
    ),
  );
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('optimisePng (npm run icons)', () => {
  it('writes an icon of few colours as a palette, smaller, every pixel and its alpha kept', async () => {
    const [w, h] = [48, 48];
    const colours = Array.from({ length: 16 }, (_, i) => ((0x0f766e00 + i * 0x0a0b0c00) | (i * 16 + 15)) >>> 0);
    const rgba = Buffer.alloc(w * h * 4);
    for (let p = 0; p < w * h; p++) rgba.writeUInt32BE(colours[((p * 2654435761) >>> 0) >>> 28]!, p * 4);
    const png = plainPng(w, h, rgba);
    const out = await optimisePng(png);
    expect(out.length).toBeLessThan(png.length);
    expect(out[25]).toBe(3);
    expect(decodeRgba(out)).toEqual({ width: w, height: h, rgba });
  });

  it('keeps RGBA for more than 256 colours, each row filtered as pays best', async () => {
    const [w, h] = [40, 40];
    const rgba = Buffer.alloc(w * h * 4);
    for (let p = 0; p < w * h; p++) rgba.writeUInt32BE((((p * 2654435761) >>> 8) & 0xffffff00) | 0xff, p * 4);
    for (let p = 0; p < w * h; p++) rgba[p * 4] = (p % w) * 6;
    const png = plainPng(w, h, rgba);
    const out = await optimisePng(png);
    expect(out.length).toBeLessThanOrEqual(png.length);
    expect(out[25]).toBe(6);
    expect(decodeRgba(out).rgba.equals(rgba)).toBe(true);
  });
});
