import { zlibAsync } from '@gfx/zopfli';
import { crc32, inflateSync } from 'node:zlib';

/**
 * A PNG made smaller without changing a pixel, as zopflipng does: the image written as a palette when it has
 * at most 256 colours (alpha included), each row's filter chosen several ways, and the smallest result of
 * Zopfli's deflate kept. For the 8-bit RGBA screenshots `npm run icons` takes (scripts/icons.ts); the result
 * is decoded again and compared with the original's pixels before it is returned.
 */
export async function optimisePng(png: Buffer): Promise<Buffer> {
  const { width, height, rgba } = decodeRgba(png);
  const colours = new Map<number, number>();
  for (let i = 0; i < rgba.length && colours.size <= 256; i += 4) {
    const colour = rgba.readUInt32BE(i);
    if (!colours.has(colour)) colours.set(colour, colours.size);
  }
  const candidates: Array<{ colourType: number; bpp: number; pixels: Buffer; extra: Buffer[] }> = [
    { colourType: 6, bpp: 4, pixels: rgba, extra: [] },
  ];
  if (colours.size <= 256) {
    const palette = Buffer.alloc(colours.size * 3);
    const alpha = Buffer.alloc(colours.size);
    for (const [colour, index] of colours) {
      palette.writeUIntBE(colour >>> 8, index * 3, 3);
      alpha[index] = colour & 0xff;
    }
    const indices = Buffer.alloc(width * height);
    for (let p = 0; p < indices.length; p++) indices[p] = colours.get(rgba.readUInt32BE(p * 4))!;
    candidates.push({ colourType: 3, bpp: 1, pixels: indices, extra: [chunk('PLTE', palette), chunk('tRNS', alpha)] });
  }
  let best: Buffer | null = null;
  for (const { colourType, bpp, pixels, extra } of candidates) {
    for (const strategy of [0, 1, 2, 3, 4, 'minsum'] as const) {
      const data = Buffer.from(await zlibAsync(filterRows(pixels, width * bpp, height, bpp, strategy), { numiterations: 15 }));
      const header = Buffer.alloc(13);
      header.writeUInt32BE(width, 0);
      header.writeUInt32BE(height, 4);
      header[8] = 8;
      header[9] = colourType;
      const out = Buffer.concat([
        SIGNATURE,
        chunk('IHDR', header),
        ...extra,
        chunk('IDAT', data),
        chunk('IEND', Buffer.alloc(0)),
      ]);
      if (!best || out.length < best.length) best = out;
    }
  }
  if (best!.length >= png.length) return png;
  if (!decodeRgba(best!).rgba.equals(rgba)) throw new Error('optimisePng changed the pixels');
  return best!;
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

const paeth = (a: number, b: number, c: number) => {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
};

/** The filtered value of byte `i` of `row` under filter `type` (PNG spec, section 9). */
function filterByte(type: number, row: Buffer, prior: Buffer | null, i: number, bpp: number): number {
  const a = i >= bpp ? row[i - bpp]! : 0;
  const b = prior ? prior[i]! : 0;
  const c = prior && i >= bpp ? prior[i - bpp]! : 0;
  const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type]!;
  return (row[i]! - predictor) & 0xff;
}

/** Rows with a filter byte each: one filter for all, or per row the one with the smallest sum of |bytes|. */
function filterRows(pixels: Buffer, stride: number, height: number, bpp: number, strategy: number | 'minsum'): Buffer {
  const out = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prior = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    const filtered = (type: number) => Buffer.from(row.map((_, i) => filterByte(type, row, prior, i, bpp)));
    let type = strategy === 'minsum' ? 0 : strategy;
    let bytes = filtered(type);
    if (strategy === 'minsum') {
      const cost = (b: Buffer) => b.reduce((sum, v) => sum + (v < 128 ? v : 256 - v), 0);
      for (let t = 1; t <= 4; t++) {
        const candidate = filtered(t);
        if (cost(candidate) < cost(bytes)) [type, bytes] = [t, candidate];
      }
    }
    out[y * (stride + 1)] = type;
    bytes.copy(out, y * (stride + 1) + 1);
  }
  return out;
}

/** The pixels of an 8-bit, non-interlaced RGBA or palette PNG, as RGBA. */
export function decodeRgba(png: Buffer): { width: number; height: number; rgba: Buffer } {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let width = 0;
  let height = 0;
  let colourType = 0;
  let palette: Buffer = Buffer.alloc(0);
  let alpha: Buffer = Buffer.alloc(0);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      [width, height, colourType] = [data.readUInt32BE(0), data.readUInt32BE(4), data[9]!];
      if (data[8] !== 8 || data[12] !== 0 || (colourType !== 6 && colourType !== 3))
        throw new Error('only 8-bit, non-interlaced RGBA or palette PNGs');
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') alpha = data;
    else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const bpp = colourType === 6 ? 4 : 1;
  const stride = width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)]!;
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    const prior = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp]! : 0;
      const b = prior ? prior[i]! : 0;
      const c = prior && i >= bpp ? prior[i - bpp]! : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type]!;
      row[i] = (raw[y * (stride + 1) + 1 + i]! + predictor) & 0xff;
    }
  }
  if (colourType === 6) return { width, height, rgba: pixels };
  const rgba = Buffer.alloc(width * height * 4);
  for (let p = 0; p < pixels.length; p++) {
    const index = pixels[p]!;
    palette.copy(rgba, p * 4, index * 3, index * 3 + 3);
    rgba[p * 4 + 3] = index < alpha.length ? alpha[index]! : 255;
  }
  return { width, height, rgba };
}
