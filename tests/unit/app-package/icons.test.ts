import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodePng, renderIcons } from '../../../scripts/make-icons.js';
import { decodePng, DEFAULT_APP_PACKAGE_DIR, outlineIconProblems, readPngInfo } from '../../../scripts/validate-manifest.js';

/** Builds a PNG whose rows use the given filter types, to exercise every unfiltering path. */
function filteredPng(width: number, height: number, rgba: Uint8Array, filters: readonly number[]): Buffer {
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  const at = (x: number, y: number) => (x < 0 || y < 0 ? 0 : (rgba[y * stride + x] ?? 0));
  for (let y = 0; y < height; y++) {
    const filter = filters[y % filters.length] ?? 0;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const left = at(x - 4, y);
      const up = at(x, y - 1);
      const upLeft = at(x - 4, y - 1);
      const p = left + up - upLeft;
      const paeth =
        Math.abs(p - left) <= Math.abs(p - up) && Math.abs(p - left) <= Math.abs(p - upLeft)
          ? left
          : Math.abs(p - up) <= Math.abs(p - upLeft)
            ? up
            : upLeft;
      const predictor = [0, left, up, (left + up) >> 1, paeth][filter] ?? 0;
      raw[y * (stride + 1) + 1 + x] = (at(x, y) - predictor) & 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Drawing the icons supersampled takes about a second, more when the suite runs on two busy workers.
describe('app icons', { timeout: 30_000 }, () => {
  // Drawing the icons (supersampled) is the slow part: the tests that read the drawn icons share one drawing.
  let drawn: ReturnType<typeof renderIcons> | undefined;
  const icons = () => (drawn ??= renderIcons());

  it('are committed exactly as scripts/make-icons.ts draws them', async () => {
    for (const [name, bytes] of Object.entries(icons())) {
      const committed = await readFile(path.join(DEFAULT_APP_PACKAGE_DIR, name));
      expect(committed.equals(bytes), `${name} is stale: run tsx scripts/make-icons.ts`).toBe(true);
    }
  });

  it('are drawn deterministically', () => {
    const first = icons();
    const second = renderIcons();
    expect(first['color.png'].equals(second['color.png'])).toBe(true);
    expect(first['outline.png'].equals(second['outline.png'])).toBe(true);
  });

  it('have the sizes Teams requires: a 192×192 opaque colour icon and a 32×32 outline', () => {
    // renderIcons() is encodePng(renderColorIcon()) and encodePng(renderOutlineIcon()).
    const color = decodePng(icons()['color.png']);
    expect([color.width, color.height, color.hasAlpha]).toEqual([192, 192, false]);
    const outline = decodePng(icons()['outline.png']);
    expect([outline.width, outline.height, outline.hasAlpha]).toEqual([32, 32, true]);
    expect(outlineIconProblems(outline)).toEqual([]);
  });

  it('colour icon uses the manifest accent colour as its background', async () => {
    const manifest = JSON.parse(await readFile(path.join(DEFAULT_APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as { accentColor: string };
    const color = decodePng(icons()['color.png']);
    const corner = Array.from(color.rgba.subarray(0, 3), (v) => v.toString(16).padStart(2, '0')).join('');
    expect(`#${corner}`.toLowerCase()).toBe(manifest.accentColor.toLowerCase());
  });
});

describe('PNG and CRC helpers', () => {
  it('decodes every PNG row filter back to the original pixels', () => {
    const width = 5;
    const height = 10;
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 37 + (i >> 3) * 11) & 0xff);
    const decoded = decodePng(filteredPng(width, height, rgba, [0, 1, 2, 3, 4]));
    expect(Array.from(decoded.rgba)).toEqual(Array.from(rgba));
  });

  it('reads the size from the header and rejects what is not a PNG', () => {
    expect(readPngInfo(encodePng({ width: 3, height: 2, channels: 3, data: new Uint8Array(18) }))).toMatchObject({ width: 3, height: 2 });
    expect(() => readPngInfo(Buffer.from('GIF89a'))).toThrow('not a PNG file');
  });

  it('detects a corrupted chunk through its CRC', () => {
    const png = encodePng({ width: 2, height: 2, channels: 4, data: new Uint8Array(16) });
    png[20] = (png[20] ?? 0) ^ 0xff; // inside the IHDR data
    expect(() => readPngInfo(png)).toThrow(/CRC mismatch/);
  });
});
