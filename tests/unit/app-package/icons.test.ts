import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodePng, renderIcons } from '../../../scripts/make-icons.js';
import { decodePng, DEFAULT_APP_PACKAGE_DIR, outlineIconProblems } from '../../../scripts/validate-manifest.js';

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

  it('have the sizes Teams requires: a 192×192 opaque colour icon and a 32×32 outline', async () => {
    // renderIcons() is encodePng(renderColorIcon()) and encodePng(renderOutlineIcon()).
    const color = await decodePng(icons()['color.png']);
    expect([color.width, color.height, color.hasAlpha]).toEqual([192, 192, false]);
    const outline = await decodePng(icons()['outline.png']);
    expect([outline.width, outline.height, outline.hasAlpha]).toEqual([32, 32, true]);
    expect(outlineIconProblems(outline)).toEqual([]);
  });

  it('colour icon uses the manifest accent colour as its background', async () => {
    const manifest = JSON.parse(await readFile(path.join(DEFAULT_APP_PACKAGE_DIR, 'manifest.json'), 'utf8')) as {
      accentColor: string;
    };
    const color = await decodePng(icons()['color.png']);
    const corner = Array.from(color.rgba.subarray(0, 3), (v) => v.toString(16).padStart(2, '0')).join('');
    expect(`#${corner}`.toLowerCase()).toBe(manifest.accentColor.toLowerCase());
  });
});

describe('PNG encoding and decoding (pngjs)', () => {
  it('gives back the pixels it encoded, with and without alpha', async () => {
    const rgba = new Uint8Array(5 * 4 * 4).map((_, i) => (i * 37 + (i >> 3) * 11) & 0xff);
    const decoded = await decodePng(encodePng({ width: 5, height: 4, channels: 4, data: rgba }));
    expect([decoded.width, decoded.height, decoded.hasAlpha]).toEqual([5, 4, true]);
    expect(Array.from(decoded.rgba)).toEqual(Array.from(rgba));

    const rgb = new Uint8Array(3 * 2 * 3).map((_, i) => (i * 53) & 0xff);
    const opaque = await decodePng(encodePng({ width: 3, height: 2, channels: 3, data: rgb }));
    expect([opaque.width, opaque.height, opaque.hasAlpha]).toEqual([3, 2, false]);
    expect(Array.from(opaque.rgba.filter((_, i) => i % 4 !== 3))).toEqual(Array.from(rgb));
    expect(opaque.rgba.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
  });

  it('refuses pixel data that does not fit the size', () => {
    expect(() => encodePng({ width: 2, height: 2, channels: 4, data: new Uint8Array(15) })).toThrow(
      'expected 16 bytes, got 15',
    );
  });

  it('rejects what is not a PNG', async () => {
    await expect(decodePng(Buffer.from('GIF89a is not a PNG, whatever its length'))).rejects.toThrow(
      /Invalid file signature/,
    );
  });

  it('detects a corrupted chunk through its CRC', async () => {
    const png = encodePng({ width: 2, height: 2, channels: 4, data: new Uint8Array(16) });
    png[20] = (png[20] ?? 0) ^ 0xff; // inside the IHDR data
    await expect(decodePng(png)).rejects.toThrow(/Crc error/);
  });
});
