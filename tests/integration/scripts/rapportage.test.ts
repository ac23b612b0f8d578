import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as rapportageMain } from '../../../scripts/rapportage.js';
import { createActiesStore } from '../../../src/data/acties-store.js';
import { loadPlan } from '../../../src/data/plan-store.js';
import { resolveSite } from '../../../src/data/site.js';
import { amsterdamDate } from '../../../src/domain/dates.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { readDocx } from '../../support/documents/docx-text.js';
import { readPdf } from '../../support/documents/pdf-text.js';
import { runInProcess } from '../../support/cli.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');

type Run = { code: number | null; stdout: string; stderr: string };

/** `npm run rapportage` in this process: the script's own `main`, with these arguments and environment. */
const rapportage = (args: string[], env: Record<string, string>): Promise<Run> =>
  runInProcess(rapportageMain, args, env);

/** Runs `scripts/rapportage.ts` as its own OS process (as `npm run rapportage` does) to its end: for exit codes and usage. */
function rapportageProcess(args: string[], env: Record<string, string>): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/rapportage.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, stdout, stderr })));
}

// Rendering a PDF takes seconds, more when the whole suite runs on two workers.
describe('npm run rapportage (scripts/rapportage.ts)', { timeout: 90_000 }, () => {
  let sandbox: TestSandbox;
  let out: string;
  const env = (s: TestSandbox, extra: Record<string, string> = {}) => ({
    GRAPH_BASE_URL: s.graphUrl,
    TOKEN_URL: s.tokenUrl,
    SHAREPOINT_SITE_URL: s.siteUrl,
    GEMEENTE: 'Gemeente Teststad',
    ...extra,
  });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await seedSite(sandbox.graph(), sandbox.siteUrl);
    out = mkdtempSync(join(tmpdir(), 'rapportage-'));
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes the PDF for today with every advies, the municipality and the page numbers; stdout is the path', async () => {
    const file = join(out, 'vandaag.pdf');
    const run = await rapportage(['--env', 'sandbox', '--out', file], env(sandbox));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(file);
    const pdf = await readPdf(new Uint8Array(readFileSync(file)));
    const text = pdf.pages.map((p) => p.text).join(' ');
    for (const advies of zoetermeerPlan.adviezen) expect(text).toContain(`Advies ${advies.nummer}. ${advies.titel}`);
    // The seeded site has Zoetermeer's set-up of its own, which names the municipality; GEMEENTE does not override it.
    expect(text).toContain('Gemeente Zoetermeer');
    expect(text).not.toContain('Gemeente Teststad');
    expect(pdf.pages.at(-1)?.text).toContain(`Pagina ${pdf.numPages} van ${pdf.numPages}`);
    expect(text).toContain(`${zoetermeerPlan.acties.length} acties`);
    // The borging of 11.5 per MT, from the reminder log (empty on a new site) and the MTs.
    expect(text).toContain('Borging advies 11.5');
    expect(text).toContain('MT Sociaal Domein 0 0 0 (0%) 0 0');
  });

  it('lists the status changes since --sinds from the version history', async () => {
    const graph = sandbox.graph();
    const siteId = (await resolveSite(graph, sandbox.siteUrl)).id;
    const plan = await loadPlan(graph, siteId);
    const store = createActiesStore(graph, siteId, plan);
    const actie = plan.acties.find((a) => a.value.nummer === '8.1')!;
    await store.update(actie, { status: 'Loopt' });
    const file = join(out, 'sinds.pdf');
    const today = amsterdamDate(new Date());
    const run = await rapportage(['--env', 'sandbox', '--sinds', today, '--out', file], env(sandbox));
    expect(run.code, run.stderr).toBe(0);
    const text = (await readPdf(new Uint8Array(readFileSync(file)))).pages.map((p) => p.text).join(' ');
    const section = text.slice(text.indexOf('Advies 8. '), text.indexOf('Advies 9. '));
    expect(section).toContain('8.1');
    expect(section).toContain('van Niet gestart naar Loopt');
    expect(text.slice(text.indexOf('Advies 1. '), text.indexOf('Advies 2. '))).toContain('Geen statuswijzigingen.');
  });

  it('writes Word when the file name asks for it', async () => {
    const file = join(out, 'vandaag.docx');
    const run = await rapportage(['--env', 'sandbox', '--out', file], env(sandbox));
    expect(run.code, run.stderr).toBe(0);
    expect(
      readDocx(new Uint8Array(readFileSync(file))).paragraphs.filter((p) => /^Advies \d+\. /.test(p.text)),
    ).toHaveLength(11);
  });

  it('refuses a date in the future and a wrong extension with exit code 2 and writes nothing', async () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000);
    const future = await rapportageProcess(
      ['--env', 'sandbox', '--datum', amsterdamDate(tomorrow), '--out', join(out, 'x.pdf')],
      env(sandbox),
    );
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('toekomst');
    const wrong = await rapportageProcess(
      ['--env', 'sandbox', '--format', 'docx', '--out', join(out, 'x.pdf')],
      env(sandbox),
    );
    expect(wrong.code).toBe(2);
    expect(() => readFileSync(join(out, 'x.pdf'))).toThrow();
  });

  it('names the municipality of the site’s own set-up; GEMEENTE only when the site has none; a broken set-up stops it with the fault named', async () => {
    const graph = sandbox.graph();
    const siteId = (await resolveSite(graph, sandbox.siteUrl)).id;
    const items = () =>
      graph.getAll<{ id: string; fields: Record<string, unknown> }>(
        `/sites/${siteId}/lists/Inrichting/items?$expand=fields&$top=999`,
      );
    const gemeente = (await items()).find((i) => i.fields['Soort'] === 'Gemeente')!;
    await graph.patch(`/sites/${siteId}/lists/Inrichting/items/${gemeente.id}/fields`, {
      Title: 'Gemeente Westerveld',
    });
    const file = join(out, 'westerveld.docx');
    const named = await rapportage(['--env', 'sandbox', '--out', file], env(sandbox));
    expect(named.code, named.stderr).toBe(0);
    const docx = readDocx(new Uint8Array(readFileSync(file)));
    expect(JSON.stringify(docx)).toContain('Gemeente Westerveld');
    expect(JSON.stringify(docx)).not.toContain('Gemeente Teststad');

    // A second Gemeente item typed in SharePoint: no name can be chosen; exit 2, the fault named, no file.
    await graph.post(`/sites/${siteId}/lists/Inrichting/items`, {
      fields: { Title: 'Gemeente Oosterveld', Soort: 'Gemeente', Volgorde: 2 },
    });
    const broken = await rapportage(['--env', 'sandbox', '--out', join(out, 'kapot.pdf')], env(sandbox));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(
      'De inrichting in de lijst Inrichting klopt niet: De inrichting noemt meer dan één gemeente (Gemeente Westerveld, Gemeente Oosterveld); er hoort er één te zijn.',
    );
    expect(() => readFileSync(join(out, 'kapot.pdf'))).toThrow();

    // Without a set-up of its own (the list emptied), the report takes GEMEENTE.
    for (const item of await items()) await graph.delete(`/sites/${siteId}/lists/Inrichting/items/${item.id}`);
    const fallback = join(out, 'teststad.docx');
    const setting = await rapportage(['--env', 'sandbox', '--out', fallback], env(sandbox));
    expect(setting.code, setting.stderr).toBe(0);
    expect(JSON.stringify(readDocx(new Uint8Array(readFileSync(fallback))))).toContain('Gemeente Teststad');
  });

  it("says in Dutch that a site without the plan's lists must be provisioned first, and creates nothing", async () => {
    const empty = await startTestSandbox();
    try {
      const graph = empty.graph();
      const listsUrl = `/sites/${(await resolveSite(graph, empty.siteUrl)).id}/lists`;
      const before = await graph.get<{ value: { name: string }[] }>(listsUrl);
      const run = await rapportage(['--env', 'sandbox', '--out', join(out, 'leeg.pdf')], env(empty));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('npm run provision -- --seed');
      const after = await graph.get<{ value: { name: string }[] }>(listsUrl);
      expect(after.value.map((l) => l.name)).toEqual(before.value.map((l) => l.name));
      expect(after.value.map((l) => l.name)).not.toContain('Acties');
      expect(() => readFileSync(join(out, 'leeg.pdf'))).toThrow();
    } finally {
      await empty.close();
    }
  });
});
