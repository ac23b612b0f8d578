/**
 * A V8 CPU profile of one cold first view (issue 16), self time per original source file (via the build's source
 * maps), split at the `$batch` response: what runs before it and what runs between it and the first card.
 * `npx tsx bench/cold-profile.ts` (not part of `npm run bench`). The page first opens /healthz on the app's origin so
 * the profiler survives the navigation (same renderer); nothing of the app is cached by that.
 */
import { readFileSync, existsSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';
import { runsFromEnv } from './stats.js';

const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
type Node = { id: number; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number } };
const maps = new Map<string, TraceMap | undefined>();
function mapOf(url: string): TraceMap | undefined {
  const file = url.replace(/^https?:\/\/[^/]+\//, 'dist/tab/') + '.map';
  if (!maps.has(file)) maps.set(file, existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : undefined);
  return maps.get(file);
}
function where(n: Node): string {
  const { url, lineNumber, columnNumber, functionName } = n.callFrame;
  if (!url) return `(${functionName || 'program'})`;
  const m = mapOf(url);
  if (!m) return url.replace(/^.*\//, '');
  const o = originalPositionFor(m, { line: lineNumber + 1, column: columnNumber });
  const src = (o.source ?? '?').replace(/^.*node_modules\//, 'nm:').replace(/^.*\/src\//, 'src/');
  const pkg = src.startsWith('nm:')
    ? src
        .split('/')
        .slice(0, src.startsWith('nm:@') ? 2 : 1)
        .join('/')
    : src;
  return pkg;
}

const run = await startTestRun();
const browser = await launchChromium();
try {
  for (let i = 0, runs = runsFromEnv('PROFILE_RUNS', 2); i < runs; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
    const page = await context.newPage();
    await page.goto(`${run.appUrl}/healthz`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    let batchEnd = 0;
    page.on('requestfinished', (r) => {
      if (r.url().endsWith('/$batch')) batchEnd = Date.now();
    });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.goto(`${run.appUrl}/#/roadmap`);
    await page.getByTestId('roadmap-card').first().waitFor();
    const tCard = Date.now();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: { nodes: Node[]; startTime: number; samples: number[]; timeDeltas: number[] };
    };
    await context.close();
    if (i === 0) continue;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const before = new Map<string, number>();
    const after = new Map<string, number>();
    let t = profile.startTime / 1000; // ms, monotonic
    const samples = profile.samples.map((id, k) => {
      t += (profile.timeDeltas[k] ?? 0) / 1000;
      return { id, t };
    });
    const start = samples[0]?.t ?? 0;
    const end = samples[samples.length - 1]?.t ?? 0;
    // Map wall clock to profile clock by the ends (both span goto→card).
    const split = batchEnd ? start + ((batchEnd - t0) / (tCard - t0)) * (end - start) : end;
    for (let k = 1; k < samples.length; k += 1) {
      const s = samples[k]!;
      const dt = s.t - samples[k - 1]!.t;
      const key = where(byId.get(s.id)!);
      if (key === '(idle)') continue;
      const bucket = s.t < split ? before : after;
      bucket.set(key, (bucket.get(key) ?? 0) + dt);
    }
    const show = (name: string, m: Map<string, number>) => {
      const total = [...m.values()].reduce((a, b) => a + b, 0);
      console.log(`\n${name}: ${total.toFixed(0)} ms busy`);
      for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, 22))
        console.log(`  ${v.toFixed(0).padStart(5)}  ${k}`);
    };
    console.log(`\nrun ${i}: goto→card ${tCard - t0} ms, $batch done at ${batchEnd - t0} ms`);
    show('before the $batch answer', before);
    show('from the $batch answer to the first card', after);
  }
} finally {
  await browser.close();
  await run.close();
}
