import { readFileSync, existsSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';
const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
type Node = { id: number; parent?: number; children?: number[]; callFrame: { url: string; functionName: string; lineNumber: number; columnNumber: number } };
const maps = new Map<string, TraceMap | undefined>();
const dist = process.env.X_DIST ?? 'dist/tab';
function src(n: Node): string {
  const { url, lineNumber, columnNumber } = n.callFrame;
  const file = url.replace(/^https?:\/\/[^/]+\//, dist + '/') + '.map';
  if (!maps.has(file)) maps.set(file, existsSync(file) ? new TraceMap(readFileSync(file, 'utf8')) : undefined);
  const m = maps.get(file);
  if (!m || lineNumber < 0) return url.replace(/^.*\//, '');
  const o = originalPositionFor(m, { line: lineNumber + 1, column: columnNumber });
  return (o.source ?? '?').replace(/^.*node_modules\//, 'nm:').replace(/^.*\/src\//, 'src/');
}
const run = await startTestRun(process.env.X_DIST ? { TAB_DIST_DIR: process.env.X_DIST } : {});
const browser = await launchChromium();
const totChunk = new Map<string, number>(); const totSrc = new Map<string, number>();
const N = Number(process.env.PROFILE_RUNS ?? 5);
try {
  for (let i = 0; i <= N; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
    const page = await context.newPage();
    await page.goto(`${run.appUrl}/#/roadmap`);
    await page.getByTestId('roadmap-card').first().waitFor();
    await page.waitForTimeout(400);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await page.reload();
    await page.getByTestId('roadmap-card').first().waitFor();
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
    await context.close();
    if (i === 0) continue;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
    for (let k = 1; k < profile.samples.length; k += 1) {
      const dt = (profile.timeDeltas[k] ?? 0) / 1000;
      let n: Node | undefined = byId.get(profile.samples[k]!);
      if (!n || n.callFrame.functionName === '(idle)') continue;
      const self = n.callFrame.functionName || '(anon)';
      while (n && !n.callFrame.url) n = n.parent ? byId.get(n.parent) : undefined;
      const chunk = n ? n.callFrame.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '') : `(${self})`;
      totChunk.set(chunk, (totChunk.get(chunk) ?? 0) + dt / N);
      const s = n && n.callFrame.url.includes('/assets/') ? src(n) : chunk;
      totSrc.set(s, (totSrc.get(s) ?? 0) + dt / N);
    }
  }
  const show = (name: string, m: Map<string, number>, k: number) => {
    console.log(`\n${name}: ${[...m.values()].reduce((a, b) => a + b, 0).toFixed(0)} ms per run`);
    for (const [key, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, k)) console.log(`  ${v.toFixed(1).padStart(6)}  ${key}`);
  };
  show('by chunk (native work to its JS caller)', totChunk, 15);
  show('by source', totSrc, 45);
} finally { await browser.close(); await run.close(); }
