/**
 * `npm run bench` (report part): the voortgangsrapportage with the longest texts the app allows, each one unbroken
 * word, plus hand-written SharePoint text beyond the limits (a 20,000-character explanation, a 10,000-character
 * reaction), against the report of the seeded plan, as PDF and as Word. Runs alternate so both see the same machine
 * load; the medians and their ratio are printed (the target is "about normal time": a ratio near 1, never the
 * minutes an unbroken word used to cost).
 */
import { reportPdfBuffer } from '../src/reporting/pdf-node.js';
import { reportDocxBytes } from '../src/reporting/report-docx.js';
import { fixtureModel, longTextModel } from '../tests/unit/reporting/fixture.js';
import { median } from './stats.js';

const RUNS = 3;
const PEILDATUM = '2026-06-30';

async function timed(render: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await render();
  return performance.now() - start;
}

async function main(): Promise<void> {
  const seeded = fixtureModel(PEILDATUM);
  const long = longTextModel(PEILDATUM);
  const times = {
    pdfSeeded: [] as number[],
    pdfLong: [] as number[],
    docxSeeded: [] as number[],
    docxLong: [] as number[],
  };
  // One warm-up of each, so font loading and JIT are not counted.
  await reportPdfBuffer(seeded);
  await reportDocxBytes(seeded);
  for (let i = 0; i < RUNS; i += 1) {
    times.pdfSeeded.push(await timed(() => reportPdfBuffer(seeded)));
    times.pdfLong.push(await timed(() => reportPdfBuffer(long)));
    times.docxSeeded.push(await timed(() => reportDocxBytes(seeded)));
    times.docxLong.push(await timed(() => reportDocxBytes(long)));
  }
  const pdfBytes = { seeded: (await reportPdfBuffer(seeded)).length, long: (await reportPdfBuffer(long)).length };
  const ms = (v: number[]) => Math.round(median(v));
  const ratio = (a: number[], b: number[]) => (median(a) / Math.max(1, median(b))).toFixed(2);
  console.log(
    '\nVoortgangsrapportage: longest allowed texts + SharePoint text beyond the limits, against the seeded plan',
  );
  console.log(
    `  PDF  seeded ${ms(times.pdfSeeded)} ms (${pdfBytes.seeded} bytes), long texts ${ms(times.pdfLong)} ms (${pdfBytes.long} bytes): ratio ${ratio(times.pdfLong, times.pdfSeeded)}`,
  );
  console.log(
    `  Word seeded ${ms(times.docxSeeded)} ms, long texts ${ms(times.docxLong)} ms: ratio ${ratio(times.docxLong, times.docxSeeded)}`,
  );
  console.log(`  (median of ${RUNS} alternating runs each)`);
}

await main();
