import { launchChromium } from '../tests/e2e/support/browser.js';
import { startTestRun } from '../tests/support/local-run.js';
const PERSONA = 'informatiemanager.sociaal-domein@zoetermeer.example';
const run = await startTestRun(process.env.X_DIST ? { TAB_DIST_DIR: process.env.X_DIST } : {});
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  await context.addInitScript((persona) => window.localStorage.setItem('actieplan.persona', persona), PERSONA);
  const page = await context.newPage();
  await page.goto(`${run.appUrl}/#/roadmap`);
  await page.getByTestId('roadmap-card').first().waitFor();
  console.log(await page.evaluate(`(() => {
    const root = document.getElementById('root');
    const all = root.querySelectorAll('*').length;
    const header = document.querySelector('header')?.querySelectorAll('*').length;
    const grid = document.querySelector('[data-testid=roadmap]')?.querySelectorAll('*').length;
    const card = document.querySelector('[data-testid=roadmap-card]')?.querySelectorAll('*').length;
    const rules = [...document.styleSheets].reduce((n, s) => { try { return n + s.cssRules.length } catch { return n } }, 0);
    const styles = document.querySelectorAll('style').length;
    return { all, header, grid, card, cards: document.querySelectorAll('[data-testid=roadmap-card]').length, rules, styles, html: document.querySelector('header')?.outerHTML.length };
  })()`));
  await page.screenshot({ path: '/tmp/xbench/first.png' });
} finally { await browser.close(); await run.close(); }
