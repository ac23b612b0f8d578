import { describe, expect, it, vi } from 'vitest';
import { median, ratioInterval, runsFromEnv } from '../../../bench/stats.js';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe('ratioInterval', () => {
  it('is a single point when every run has the same ratio', () => {
    const bare = [200, 180, 260, 210, 190, 230];
    const app = bare.map((v) => v * 1.25);
    const { low, high } = ratioInterval(app, bare);
    expect(low).toBeCloseTo(1.25, 10);
    expect(high).toBeCloseTo(1.25, 10);
  });

  it('holds the ratio of the medians, and is wider for noisier runs', () => {
    const bare = [200, 210, 190, 205, 195, 200, 215, 185, 200, 210, 190, 205, 195, 200, 215, 185];
    const steady = bare.map((v, i) => v * (1.3 + (i % 2 === 0 ? 0.02 : -0.02)));
    const noisy = bare.map((v, i) => v * (1.3 + (i % 2 === 0 ? 0.3 : -0.3)));
    const point = median(steady) / median(bare);
    const narrow = ratioInterval(steady, bare);
    const wide = ratioInterval(noisy, bare);
    expect(narrow.low).toBeLessThanOrEqual(point);
    expect(narrow.high).toBeGreaterThanOrEqual(point);
    expect(wide.high - wide.low).toBeGreaterThan(narrow.high - narrow.low);
    expect(wide.low).toBeLessThan(1.3);
    expect(wide.high).toBeGreaterThan(1.3);
  });

  it('resamples the runs in pairs: a load swing that moves both pages leaves the ratio alone', () => {
    // The machine slows down and speeds up; the app is always 1.2x the bare page run by run.
    const bare = [150, 250, 160, 240, 155, 245, 165, 235, 150, 250];
    const app = bare.map((v) => v * 1.2);
    const paired = ratioInterval(app, bare);
    expect(paired.high - paired.low).toBeLessThan(1e-9);
  });

  it('gives the same interval for the same runs and seed, and another for another seed', () => {
    const bare = [200, 230, 180, 260, 210, 190, 240, 205];
    const app = [260, 300, 250, 310, 240, 270, 330, 255];
    expect(ratioInterval(app, bare)).toEqual(ratioInterval(app, bare));
    expect(ratioInterval(app, bare, { seed: 2 })).not.toEqual(ratioInterval(app, bare, { seed: 1 }));
  });

  it('takes the central share of the resampled ratios that the level asks for', () => {
    // Two pairs: a resample's ratio of medians is 3/2, (3+5)/2/2 or 5/2, a quarter, a half and a quarter of the time.
    expect(ratioInterval([3, 5], [2, 2], { level: 0.95 })).toEqual({ low: 1.5, high: 2.5 });
    expect(ratioInterval([3, 5], [2, 2], { level: 0.4 })).toEqual({ low: 2, high: 2 });
  });

  it('widens with the level', () => {
    const bare = [200, 230, 180, 260, 210, 190, 240, 205, 220, 215];
    const app = [260, 300, 250, 310, 240, 270, 330, 255, 280, 265];
    const ninety = ratioInterval(app, bare, { level: 0.9 });
    const ninetyNine = ratioInterval(app, bare, { level: 0.99 });
    expect(ninetyNine.low).toBeLessThanOrEqual(ninety.low);
    expect(ninetyNine.high).toBeGreaterThanOrEqual(ninety.high);
  });

  it('refuses runs that are not pairs, a level outside (0, 1) or no resamples, and has no interval for fewer than two pairs', () => {
    expect(() => ratioInterval([1, 2], [1])).toThrow(/not pairs/);
    expect(() => ratioInterval([1, 2], [1, 2], { level: 1 })).toThrow(/level/);
    expect(() => ratioInterval([1, 2], [1, 2], { resamples: 0 })).toThrow(/resamples/);
    for (const [a, b] of [
      [[], []],
      [[3], [2]],
    ]) {
      const none = ratioInterval(a as number[], b as number[]);
      expect(none.low).toBeNaN();
      expect(none.high).toBeNaN();
    }
  });
});

describe('runsFromEnv', () => {
  it('takes the fallback when the variable is unset or empty, and a whole number when set', () => {
    expect(runsFromEnv('BENCH_X_RUNS', 8, { env: {} })).toBe(8);
    expect(runsFromEnv('BENCH_X_RUNS', 8, { env: { BENCH_X_RUNS: '' } })).toBe(8);
    expect(runsFromEnv('BENCH_X_RUNS', 8, { env: { BENCH_X_RUNS: ' 12 ' } })).toBe(12);
  });

  it('names the variable and its value when it is not a whole number of at least the minimum', () => {
    for (const bad of ['abc', '2.5', '0', '-3', '1e1', '0x10', '+8', '1e21', '9007199254740993'])
      expect(() => runsFromEnv('BENCH_X_RUNS', 8, { env: { BENCH_X_RUNS: bad } })).toThrow(
        `BENCH_X_RUNS=${bad}: expected a whole number of at least 1`,
      );
    expect(() => runsFromEnv('BENCH_X_RUNS', 8, { min: 2, env: { BENCH_X_RUNS: '1' } })).toThrow(/at least 2/);
  });

  it('rounds an odd count up where the pages take turns, and leaves it where they do not', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(runsFromEnv('BENCH_X_RUNS', 8, { even: true, env: { BENCH_X_RUNS: '15' } })).toBe(16);
      expect(runsFromEnv('BENCH_X_RUNS', 8, { even: true, env: { BENCH_X_RUNS: '16' } })).toBe(16);
      expect(runsFromEnv('BENCH_X_RUNS', 8, { env: { BENCH_X_RUNS: '15' } })).toBe(15);
      expect(runsFromEnv('BENCH_X_RUNS', 8, { env: { BENCH_X_RUNS: '07' } })).toBe(7);
      expect(write.mock.calls).toEqual([['BENCH_X_RUNS=15: rounded up to 16, so each page goes first as often\n']]);
    } finally {
      write.mockRestore();
    }
  });
});
