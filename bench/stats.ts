import { mulberry32 } from '../src/sandbox/faults.js';

/** The middle value, or the mean of the two middle values of an even number of them (NaN for none). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  if (sorted.length % 2 === 1) return sorted[middle] ?? Number.NaN;
  return ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/**
 * How sure a ratio of medians is: the central `level` (0.95: 95%) of `median(a) / median(b)` over `resamples` paired
 * bootstrap resamples of the runs. Paired: run i's two values are drawn together, as they ran one right after the other
 * (the machine's load moves both). A target inside the interval is not met reliably by this run, nor missed. With as
 * few runs as a bench has (16), a percentile interval of a median covers roughly, not exactly, 95%: read it as a guide.
 */
export function ratioInterval(
  a: readonly number[],
  b: readonly number[],
  { level = 0.95, resamples = 2000, seed = 1 }: { level?: number; resamples?: number; seed?: number } = {},
): { low: number; high: number } {
  if (a.length !== b.length) throw new Error(`ratioInterval: ${a.length} values against ${b.length}, not pairs`);
  if (!(level > 0 && level < 1)) throw new Error(`ratioInterval: level ${level} is not between 0 and 1`);
  if (!Number.isInteger(resamples) || resamples < 1)
    throw new Error(`ratioInterval: ${resamples} resamples, expected a whole number of at least 1`);
  // One pair says nothing about the spread (every resample is that pair).
  if (a.length < 2) return { low: Number.NaN, high: Number.NaN };
  // Seeded: the same runs give the same interval on every print.
  const random = mulberry32(seed);
  const ratios: number[] = [];
  const drawnA = new Array<number>(a.length);
  const drawnB = new Array<number>(b.length);
  for (let r = 0; r < resamples; r += 1) {
    for (let i = 0; i < a.length; i += 1) {
      const pick = Math.floor(random() * a.length);
      drawnA[i] = a[pick] as number;
      drawnB[i] = b[pick] as number;
    }
    ratios.push(median(drawnA) / median(drawnB));
  }
  ratios.sort((x, y) => x - y);
  const tail = (1 - level) / 2;
  const at = (q: number) => ratios[Math.min(ratios.length - 1, Math.max(0, Math.round(q * (ratios.length - 1))))];
  return { low: at(tail) as number, high: at(1 - tail) as number };
}

/**
 * A count of runs from the environment variable `name` (`fallback` when it is unset or empty). It must be a whole
 * number of at least `min`; an error names the variable and the value. `even`: an interleaved line's pages take turns
 * going first, so an odd count would give one of them the lead once more; it is rounded up, and said so on stderr.
 */
export function runsFromEnv(
  name: string,
  fallback: number,
  { min = 1, even = false, env = process.env }: { min?: number; even?: boolean; env?: NodeJS.ProcessEnv } = {},
): number {
  const raw = env[name]?.trim();
  const value = raw === undefined || raw === '' ? fallback : /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min)
    throw new Error(`${name}=${raw ?? ''}: expected a whole number of at least ${min}`);
  if (even && value % 2 === 1) {
    process.stderr.write(`${name}=${value}: rounded up to ${value + 1}, so each page goes first as often\n`);
    return value + 1;
  }
  return value;
}
