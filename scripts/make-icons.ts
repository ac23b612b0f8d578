/**
 * Draws the two Teams app icons and writes them as PNG files into `appPackage/`.
 *
 * - `color.png`: 192×192, full colour. A winding route (the roadmap of the action plan) in white
 *   on a solid blue background, with a start, a midway and a goal marker.
 * - `outline.png`: 32×32, the same route in pure white on a transparent background. Teams tints
 *   this icon itself, so it may hold nothing but white pixels with varying alpha.
 *
 * No graphics library draws them: the shapes are signed-distance tests sampled on a fixed grid
 * (anti-aliasing without a graphics library), and pngjs encodes the PNG. No trigonometry is
 * involved, so every run produces the same bytes.
 *
 * Usage: `tsx scripts/make-icons.ts` (write) or `tsx scripts/make-icons.ts --check` (exit 1 when
 * the committed icons differ from what this script draws).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';

/** Colours of the icon set. The background doubles as the manifest's `accentColor`. */
export const ICON_COLOURS = {
  /** A Zoetermeer-like blue; Teams shows the colour icon on top of the accent colour. */
  background: [0x00, 0x69, 0xb4],
  route: [0xff, 0xff, 0xff],
  /** The goal marker: the "Excelleren" plateau the route leads to. */
  goal: [0xff, 0xc2, 0x0e],
} as const satisfies Record<string, Rgb>;

type Rgb = readonly [number, number, number];

/** An image in 8-bit channels, row-major, `channels` values per pixel. */
export type RasterImage = {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array;
};

// ---------------------------------------------------------------------------------------------
// PNG encoding
// ---------------------------------------------------------------------------------------------

/**
 * Encodes an 8-bit RGB or RGBA image as a non-interlaced PNG with pngjs. Filter 0 (none) on
 * every scanline and a fixed zlib level and strategy, so equal pixels always give equal bytes.
 */
export function encodePng(image: RasterImage): Buffer {
  const { width, height, channels, data } = image;
  if (data.length !== width * height * channels) {
    throw new Error(`encodePng: expected ${width * height * channels} bytes, got ${data.length}`);
  }
  const colorType = channels === 4 ? 6 : 2; // truecolour with or without alpha
  return PNG.sync.write({ width, height, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) } as PNG, {
    colorType,
    inputColorType: colorType,
    inputHasAlpha: channels === 4,
    filterType: 0,
    deflateLevel: 9,
    deflateStrategy: 0,
  });
}

// ---------------------------------------------------------------------------------------------
// Geometry: the route, in unit coordinates (0..1, y pointing down)
// ---------------------------------------------------------------------------------------------

type Point = readonly [number, number];

/** A piece of the route: a straight segment, or a half circle bulging left or right. */
type RoutePart =
  | { kind: 'line'; from: Point; to: Point }
  | { kind: 'halfCircle'; centre: Point; radius: number; side: 'left' | 'right' };

const ROW_BOTTOM = 0.76;
const ROW_MIDDLE = 0.5;
const ROW_TOP = 0.24;
const TURN_RADIUS = (ROW_BOTTOM - ROW_MIDDLE) / 2;
const X_LEFT = 0.25;
const X_RIGHT = 0.75;
const X_TURN_RIGHT = 0.63;
const X_TURN_LEFT = 0.37;

/**
 * A switchback road: right along the bottom, a turn up, left through the middle, a turn up,
 * and right along the top to the goal. Point-symmetric around the centre of the icon.
 */
const ROUTE: readonly RoutePart[] = [
  { kind: 'line', from: [X_LEFT, ROW_BOTTOM], to: [X_TURN_RIGHT, ROW_BOTTOM] },
  { kind: 'halfCircle', centre: [X_TURN_RIGHT, ROW_BOTTOM - TURN_RADIUS], radius: TURN_RADIUS, side: 'right' },
  { kind: 'line', from: [X_TURN_RIGHT, ROW_MIDDLE], to: [X_TURN_LEFT, ROW_MIDDLE] },
  { kind: 'halfCircle', centre: [X_TURN_LEFT, ROW_MIDDLE - TURN_RADIUS], radius: TURN_RADIUS, side: 'left' },
  { kind: 'line', from: [X_TURN_LEFT, ROW_TOP], to: [X_RIGHT, ROW_TOP] },
];

const START: Point = [X_LEFT, ROW_BOTTOM];
const MIDWAY: Point = [0.5, ROW_MIDDLE];
const GOAL: Point = [X_RIGHT, ROW_TOP];

function distance(a: Point, b: Point): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

function distanceToPart(p: Point, part: RoutePart): number {
  if (part.kind === 'line') {
    const [ax, ay] = part.from;
    const [bx, by] = part.to;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (dx * dx + dy * dy)));
    return distance(p, [ax + t * dx, ay + t * dy]);
  }
  const [cx, cy] = part.centre;
  const onBulgeSide = part.side === 'right' ? p[0] >= cx : p[0] <= cx;
  if (onBulgeSide) return Math.abs(distance(p, part.centre) - part.radius);
  // Outside the half circle's span the nearest point is one of its two ends.
  return Math.min(distance(p, [cx, cy - part.radius]), distance(p, [cx, cy + part.radius]));
}

function distanceToRoute(p: Point): number {
  let best = Number.POSITIVE_INFINITY;
  for (const part of ROUTE) best = Math.min(best, distanceToPart(p, part));
  return best;
}

/** A filled shape: `inside` answers for one sample point in unit coordinates. */
type Layer = { colour: Rgb; inside: (p: Point) => boolean };

const disc = (centre: Point, radius: number) => (p: Point) => distance(p, centre) <= radius;
const stroke = (halfWidth: number) => (p: Point) => distanceToRoute(p) <= halfWidth;

/**
 * Rasterises layers painted in order over a background (or transparency when `background` is
 * undefined). Each pixel averages `samples`² sub-pixel samples, which gives smooth edges.
 */
function rasterise(size: number, layers: readonly Layer[], background: Rgb | undefined, samples = 6): RasterImage {
  const channels = background ? 3 : 4;
  const data = new Uint8Array(size * size * channels);
  const perPixel = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const p: Point = [(px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size];
          let colour = background;
          for (const layer of layers) if (layer.inside(p)) colour = layer.colour;
          if (colour) {
            covered++;
            sum[0] = (sum[0] ?? 0) + colour[0];
            sum[1] = (sum[1] ?? 0) + colour[1];
            sum[2] = (sum[2] ?? 0) + colour[2];
          }
        }
      }
      const offset = (py * size + px) * channels;
      if (covered > 0) {
        // Average over the covered samples only: edges keep their colour and fade through alpha.
        data[offset] = Math.round((sum[0] ?? 0) / covered);
        data[offset + 1] = Math.round((sum[1] ?? 0) / covered);
        data[offset + 2] = Math.round((sum[2] ?? 0) / covered);
      }
      if (channels === 4) data[offset + 3] = Math.round((covered / perPixel) * 255);
    }
  }
  return { width: size, height: size, channels, data };
}

/** The 192×192 colour icon: white route with ring markers on the accent blue, a yellow goal. */
export function renderColorIcon(): RasterImage {
  const { background, route, goal } = ICON_COLOURS;
  return rasterise(
    192,
    [
      { colour: route, inside: stroke(0.036) },
      { colour: route, inside: disc(START, 0.078) },
      { colour: background, inside: disc(START, 0.04) },
      { colour: route, inside: disc(MIDWAY, 0.078) },
      { colour: background, inside: disc(MIDWAY, 0.04) },
      { colour: route, inside: disc(GOAL, 0.095) },
      { colour: goal, inside: disc(GOAL, 0.058) },
    ],
    background,
  );
}

/** The 32×32 outline icon: the same route in white on transparency, markers as solid dots. */
export function renderOutlineIcon(): RasterImage {
  const white = ICON_COLOURS.route;
  return rasterise(
    32,
    [
      { colour: white, inside: stroke(0.05) },
      { colour: white, inside: disc(START, 0.095) },
      { colour: white, inside: disc(MIDWAY, 0.095) },
      { colour: white, inside: disc(GOAL, 0.115) },
    ],
    undefined,
    8,
  );
}

/** The icon files this script owns, by file name inside `appPackage/`. */
export function renderIcons(): Record<'color.png' | 'outline.png', Buffer> {
  return {
    'color.png': encodePng(renderColorIcon()),
    'outline.png': encodePng(renderOutlineIcon()),
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes('--check');
  const appPackageDir = fileURLToPath(new URL('../appPackage/', import.meta.url));
  let stale = 0;
  for (const [name, bytes] of Object.entries(renderIcons())) {
    const target = path.join(appPackageDir, name);
    if (check) {
      const current = await readFile(target).catch(() => undefined);
      if (!current || !current.equals(bytes)) {
        stale++;
        console.error(`✗ ${path.relative(process.cwd(), target)} differs from what scripts/make-icons.ts draws`);
      }
    } else {
      await writeFile(target, bytes);
      console.log(`wrote ${path.relative(process.cwd(), target)} (${bytes.length} bytes)`);
    }
  }
  if (check && stale === 0) console.log('✓ icons are up to date');
  return stale === 0 ? 0 : 1;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
