/// <reference lib="dom" />
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { createGraph, type Graph } from '../../../src/data/graph/client.js';
import { createPersonaTokenSource } from '../../../src/data/graph/token-source.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import type { LoadedPlan } from '../../../src/data/plan-store.js';
import type { Actie } from '../../../src/domain/model.js';
import type { Loaded } from '../../../src/data/lists/field-reader.js';

export const UPN = {
  imSociaal: 'informatiemanager.sociaal-domein@zoetermeer.example',
  portfolio: 'portfoliomanager.ia@zoetermeer.example',
  hr: 'afdelingshoofd.hr@zoetermeer.example',
  secretaris: 'secretaris.cmt@zoetermeer.example',
  gemeentesecretaris: 'gemeentesecretaris@zoetermeer.example',
} as const;

type TabConfig = { graphBaseUrl: string; tokenUrl: string; siteUrl: string; clientId: string };

/** The tab's own public configuration, as the browser gets it. */
export async function tabConfig(appUrl: string): Promise<TabConfig> {
  const response = await fetch(`${appUrl}/config.json`);
  return (await response.json()) as TabConfig;
}

/**
 * A second client for the tests: the app's own Graph client and data code, signed in as another persona, so a
 * test can read what the UI saved and change items behind the UI's back.
 */
export async function otherClient(
  appUrl: string,
  persona: string = UPN.secretaris,
): Promise<{ graph: Graph; siteUrl: string; plan(): Promise<LoadedPlan & { siteId: string }> }> {
  const config = await tabConfig(appUrl);
  const graph = createGraph({
    graphBaseUrl: config.graphBaseUrl,
    tokens: createPersonaTokenSource({ tokenUrl: config.tokenUrl, clientId: config.clientId, persona }),
  });
  return {
    graph,
    siteUrl: config.siteUrl,
    plan: async () => {
      const snapshot = await loadPlanCold(graph, config.siteUrl);
      return { ...snapshot.plan, siteId: snapshot.siteId };
    },
  };
}

/** The app's own Graph client and data code, signed in as another persona (`otherClient`). */
export type OtherClient = Awaited<ReturnType<typeof otherClient>>;

export function byNummer(plan: LoadedPlan, nummer: string): Loaded<Actie> {
  const item = plan.acties.find((a) => a.value.nummer === nummer);
  if (!item) throw new Error(`Action ${nummer} not in the plan`);
  return item;
}

/**
 * A fresh browser context (own storage) signed in as a persona, the way a remembered choice works. `clock`: the pages'
 * time is Playwright's fake clock, which runs as usual until the test lets time pass at once (`whileTimePasses` in
 * waits.ts), for what the app does after a wait of its own (a poll, the retries' back-off after a dropped connection).
 */
export async function personaContext(
  browser: Browser,
  upn: string,
  options: { locale?: string; colorScheme?: 'light' | 'dark'; width?: number; clock?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'nl-NL',
    colorScheme: options.colorScheme ?? 'light',
  });
  if (options.clock) await context.clock.install();
  await context.addInitScript((persona) => {
    if (!window.localStorage.getItem('actieplan.persona')) window.localStorage.setItem('actieplan.persona', persona);
  }, upn);
  return context;
}

/**
 * Opens the detail of action `actieId` in a new context of `persona`, in the tab of `domein` (an MT's channel tab)
 * or the whole plan, and waits for its heading `nummer`. The test closes `page.context()`.
 */
export async function openActionDetail(
  browser: Browser,
  appUrl: string,
  { persona, domein, actieId, nummer }: { persona: string; domein?: string; actieId: string; nummer: string },
): Promise<{ page: Page; dialog: Locator; errors: string[] }> {
  const context = await personaContext(browser, persona);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${appUrl}/${domein ? `?domein=${encodeURIComponent(domein)}` : ''}#/lijst?actie=${actieId}`);
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('heading', { name: new RegExp(`^${nummer.replace('.', '\\.')} `) }).waitFor();
  return { page, dialog, errors };
}

/**
 * Storage full or blocked for some keys (a browser policy, a full quota): from now on, in this page, every
 * `localStorage.setItem` of a key starting with one of `prefixes` throws the browser's QuotaExceededError.
 */
export async function refuseStorage(page: Page, prefixes: readonly string[]): Promise<void> {
  await page.evaluate((refused) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (refused.some((prefix) => key.startsWith(prefix)))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  }, prefixes);
}

/** Collects uncaught errors of a page, so a test fails on a crash it did not look for. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
};

/**
 * Runs axe-core (WCAG 2.1 A/AA rules and best practices) in the page or frame and returns the serious and
 * critical violations. Fluent's focus manager (tabster) inserts invisible 1-pixel sentinels
 * (`<i data-tabster-dummy aria-hidden tabindex=0>`) that move focus on to real content; they are not content,
 * and are the only thing excluded.
 *
 * axe reads a field's `aria-labelledby` label only when that label is on screen, so a labelled field that is
 * scrolled out of its panel, with a hint (`aria-describedby`), counts as labelled by its description only
 * (`label-title-only`; CI at stop 19: the domain's deadline in the action's panel, once the panel had scrolled to
 * the escalation form below it). Such a node is checked again scrolled into view, the scroll put back after: it
 * is reported only when it fails there too, as a person who scrolls to the field would find it. (In a frame, the
 * frame's own scrolling is put back; the tests' host pages around it do not scroll.)
 */
export async function seriousViolations(target: Page | Frame): Promise<AxeViolation[]> {
  // Once per document: a test that checks one page in several widths and themes reuses it.
  if (!(await target.evaluate(() => 'axe' in window))) await target.addScriptTag({ path: AXE_PATH });
  const violations = await target.evaluate(
    async ({ onScreenRules }) => {
      type Result = {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      };
      const axe = (
        window as unknown as {
          axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Result[] }> };
        }
      ).axe;
      const result = await axe.run(
        { include: [document], exclude: [['[data-tabster-dummy]']] },
        {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
          resultTypes: ['violations'],
        },
      );
      const found: Result[] = [];
      for (const v of result.violations) {
        let nodes = v.nodes;
        if (onScreenRules.includes(v.id)) {
          const stillFailing: Result['nodes'] = [];
          for (const n of v.nodes) {
            const element = n.target.length === 1 ? document.querySelector(n.target[0] ?? '') : null;
            if (!element) {
              stillFailing.push(n);
              continue;
            }
            const scrolled: [Element, number, number][] = [];
            for (let e: Element | null = element.parentElement; e; e = e.parentElement)
              scrolled.push([e, e.scrollTop, e.scrollLeft]);
            element.scrollIntoView({ block: 'center', behavior: 'instant' });
            const again = await axe.run(
              { include: [element] },
              { runOnly: { type: 'rule', values: [v.id] }, resultTypes: ['violations'] },
            );
            for (const [e, top, left] of scrolled) e.scrollTo({ left, top, behavior: 'instant' });
            if (again.violations.length > 0) stillFailing.push(n);
          }
          nodes = stillFailing;
        }
        if (nodes.length > 0) found.push({ ...v, nodes });
      }
      return found.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    },
    { onScreenRules: AXE_ON_SCREEN_RULES },
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** axe rules whose verdict on a node depends on whether its label is scrolled into view (see above). */
const AXE_ON_SCREEN_RULES = ['label-title-only'];

/**
 * A `fetch` the tab made, in its own page's clock (`performance.now()`), when the app's main chunk had evaluated, and
 * when main.tsx asked React to render.
 */
export type FetchOrder = {
  fetches: { method: string; url: string; at: number }[];
  /** `performance.mark('tab:main-chunk')` of main.tsx: the main chunk's modules have evaluated (once per page). */
  mainChunk: number[];
  /** `performance.mark('tab:react-render')` of main.tsx: React is asked to render the app (once per page). */
  reactRender: number[];
};

/**
 * Records, in the tab's own document (a frame in a host too), every `fetch` it starts with the time it started, so a
 * test can put the data path and React's first render (a performance mark, same clock) in order. Call before `goto`.
 */
export async function recordFetches(page: Page, appUrl: string): Promise<void> {
  await page.addInitScript((appOrigin: string) => {
    if (window.location.origin !== appOrigin) return;
    const fetches: FetchOrder['fetches'] = [];
    (window as unknown as { tabFetches: FetchOrder['fetches'] }).tabFetches = fetches;
    const original = window.fetch.bind(window);
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : undefined;
      fetches.push({
        method: (init?.method ?? request?.method ?? 'GET').toUpperCase(),
        url: request ? request.url : String(input),
        at: performance.now(),
      });
      return original(input, init);
    };
  }, new URL(appUrl).origin);
}

/** What `recordFetches` saw so far in the tab's document, with main.tsx's marks. */
export function fetchOrder(target: Page | Frame): Promise<FetchOrder> {
  return target.evaluate(() => ({
    fetches: (window as unknown as { tabFetches?: FetchOrder['fetches'] }).tabFetches ?? [],
    mainChunk: performance.getEntriesByName('tab:main-chunk').map((e) => e.startTime),
    reactRender: performance.getEntriesByName('tab:react-render').map((e) => e.startTime),
  }));
}
