/**
 * The Outlook add-in's ribbon icons (16, 32 and 80 px, the three sizes the unified manifest's `extensions` require)
 * as scaled-down copies of the app's colour icon, into `src/addin/public/` (Vite copies them to `dist/tab/addin/`).
 * Area averaging, so the small sizes stay smooth. Usage: `tsx scripts/make-addin-icons.ts`.
 */
import { realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { encodePng, renderColorIcon, type RasterImage } from './make-icons.js';

export const ADDIN_ICON_SIZES = [16, 32, 80] as const;

/** Scales a square RGBA image down to `size` by averaging the source pixels each target pixel covers. */
export function scaleDown(source: RasterImage, size: number): RasterImage {
  const data = new Uint8Array(size * size * 4);
  const ratio = source.width / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      let n = 0;
      for (let sy = Math.floor(y * ratio); sy < Math.floor((y + 1) * ratio); sy++) {
        for (let sx = Math.floor(x * ratio); sx < Math.floor((x + 1) * ratio); sx++) {
          const i = (sy * source.width + sx) * source.channels;
          for (let c = 0; c < 4; c++) sum[c]! += c < source.channels ? source.data[i + c]! : 255;
          n++;
        }
      }
      for (let c = 0; c < 4; c++) data[(y * size + x) * 4 + c] = Math.round(sum[c]! / Math.max(1, n));
    }
  }
  return { width: size, height: size, channels: 4, data };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  const colour = renderColorIcon();
  await mkdir('src/addin/public', { recursive: true });
  for (const size of ADDIN_ICON_SIZES)
    await writeFile(`src/addin/public/icon-${size}.png`, encodePng(scaleDown(colour, size)));
  console.log(`wrote src/addin/public/icon-{${ADDIN_ICON_SIZES.join(',')}}.png`);
}
