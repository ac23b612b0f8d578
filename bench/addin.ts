/**
 * `npm run bench` (part 4): the Outlook add-in's task pane in Chromium against the sandbox, on the test Outlook
 * (tests/e2e/host/fake-office.js in place of Microsoft's Office.js). Reports, in one run: the JavaScript (gzip) the
 * pane loads before the agenda shows, from the build report and as measured in the browser (every script response of
 * the app's origin, gzipped), and the Graph requests before the agenda shows, for the organiser and the attendee.
 * Office.js itself comes from Microsoft's CDN, is cached by Outlook and is not ours to count.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';

const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const FAKE_OFFICE = readFileSync('tests/e2e/host/fake-office.js', 'utf8');

type Measured = { graphRequests: number; jsGzipBytes: number };

async function main(): Promise<void> {
  const report = JSON.parse(readFileSync('dist/tab/addin/build-report.json', 'utf8')) as {
    firstViewGzipBytes: number;
    budgetBytes: number;
  };
  const run = await startTestRun();
  const browser = await launchChromium();
  try {
    const graphBase = ((await (await fetch(`${run.appUrl}/config.json`)).json()) as { graphBaseUrl: string })
      .graphBaseUrl;
    const measure = async (outlook: Record<string, unknown>): Promise<Measured> => {
      const context = await browser.newContext({ viewport: { width: 350, height: 900 }, locale: 'nl-NL' });
      const page = await context.newPage();
      let visible = false;
      let graphRequests = 0;
      const scripts: Promise<number>[] = [];
      page.on('request', (request) => {
        if (!visible && request.url().startsWith(graphBase)) graphRequests += 1;
      });
      page.on('response', (response) => {
        if (visible || !response.url().startsWith(run.appUrl) || response.request().resourceType() !== 'script') return;
        scripts.push(
          response.body().then(
            (body) => gzipSync(body, { level: 9 }).length,
            () => 0,
          ),
        );
      });
      await page.addInitScript((state) => {
        (window as unknown as { __outlook: unknown }).__outlook = state;
      }, outlook);
      await page.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_OFFICE }));
      await page.goto(`${run.appUrl}/addin/index.html?persona=${encodeURIComponent(PERSONA)}`);
      await page.locator('.preview h2').waitFor();
      visible = true;
      const jsGzipBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
      await context.close();
      return { graphRequests, jsGzipBytes };
    };
    const organiser = await measure({
      mode: 'compose',
      subject: 'MT Sociaal Domein',
      start: '2026-12-03T12:00:00.000Z',
      body: "<p>Beste collega's,</p>",
    });
    const attendee = await measure({ mode: 'read', subject: 'MT Sociaal Domein', start: '2026-12-03T12:00:00.000Z' });
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    process.stdout.write('\nThe Outlook add-in in Chromium against the sandbox\n');
    console.table([
      {
        measure: 'task pane first view JS (gzip), build report',
        value: kb(report.firstViewGzipBytes),
        target: `<= ${kb(report.budgetBytes)}`,
      },
      {
        measure: 'task pane JS loaded before the agenda shows (gzip), measured',
        value: kb(organiser.jsGzipBytes),
        target: `<= ${kb(report.budgetBytes)}`,
      },
      {
        measure: 'Graph requests before the agenda shows, organiser',
        value: String(organiser.graphRequests),
        target: '1 ($batch)',
      },
      {
        measure: 'Graph requests before the agenda shows, attendee',
        value: String(attendee.graphRequests),
        target: '1 ($batch)',
      },
    ]);
  } finally {
    await browser.close();
    await run.close();
  }
}

await main();
