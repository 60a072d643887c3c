/**
 * Just enough PNG decoding (8-bit RGB/RGBA, not interlaced — what Chromium's screenshots are) to
 * tell whether a map was drawn: the share of pixels that differ from the commonest colour.
 */
import { inflateSync } from 'node:zlib';

export interface PixelSummary {
  width: number;
  height: number;
  /** The commonest colour, as #rrggbb (the map background when little is drawn). */
  background: string;
  /** Share (0–1) of pixels differing from it by more than `tolerance` in any channel. */
  drawn_share: number;
}

export function summarizePng(png: Buffer, tolerance = 8): PixelSummary {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('png-pixels: not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const [depth, colorType, , , interlace] = data.subarray(8, 13);
      if (depth !== 8 || interlace !== 0 || (colorType !== 2 && colorType !== 6)) {
        throw new Error('png-pixels: only 8-bit, non-interlaced RGB(A) PNGs');
      }
      channels = colorType === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? px[y * stride + i - channels] : 0;
      const b = y > 0 ? px[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? px[(y - 1) * stride + i - channels] : 0;
      let pred = 0;
      if (filter === 1) pred = a;
      else if (filter === 2) pred = b;
      else if (filter === 3) pred = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        pred = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      px[y * stride + i] = (raw[src + i] + pred) & 0xff;
    }
  }
  const counts = new Map<number, number>();
  for (let p = 0; p < width * height; p++) {
    const key = (px[p * channels] << 16) | (px[p * channels + 1] << 8) | px[p * channels + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const bg = [...counts.entries()].reduce((m, e) => (e[1] > m[1] ? e : m))[0];
  const [br, bgG, bb] = [bg >> 16, (bg >> 8) & 0xff, bg & 0xff];
  let drawn = 0;
  for (let p = 0; p < width * height; p++) {
    const o = p * channels;
    if (
      Math.abs(px[o] - br) > tolerance ||
      Math.abs(px[o + 1] - bgG) > tolerance ||
      Math.abs(px[o + 2] - bb) > tolerance
    )
      drawn++;
  }
  return {
    width,
    height,
    background: `#${bg.toString(16).padStart(6, '0')}`,
    drawn_share: drawn / (width * height),
  };
}
