/**
 * The kept first screen (issue 16): a picture of the roadmap as the page last showed it, painted by index.html's inline
 * script on the next start, before any of the app's code has arrived, and replaced by React's first commit.
 *
 * A warm start shows the plan from IndexedDB, but only once the app's chunks have evaluated and React has rendered the
 * shell and the roadmap: about as long as a bare React page takes to show anything at all. The kept screen is the
 * markup of `#root` and the page's style rules (kept when the roadmap has been painted and after changes: see
 * `keepScreenForNextStart`), stored in localStorage beside the plan cache's mark; the inline script reads it
 * synchronously while the HTML is parsed, so the person sees their roadmap in the first frame. It is `inert` (no focus, no clicks, hidden from assistive technology):
 * nothing on it can be used or typed into, so nothing can be lost when React's first commit replaces it a moment later
 * with the live roadmap (React clears its container on the first commit; `dropKeptScreen` removes the kept style rules
 * in the same frame, and the picture too should React ever leave it).
 *
 * Kept and shown only where it is the same screen:
 * - the boot's own path (`bootTarget`: the sandbox's persona sign-in, a remembered person, no host frame). In a
 *   Microsoft 365 host the theme and the language come from the host, after teams-js has answered; the host shows its
 *   own loading indicator until the tab says it is ready;
 * - the same person and site (the plan cache's key), and the plan cache as it was when the screen was kept (its mark's
 *   stamp, which changes with every write: a plan written since, by another tab, is not preceded by an older picture;
 *   and a page whose plan another tab has overwritten keeps nothing, `heldPlanStamp`);
 * - the same build (the page's scripts, whose names carry their content's hash), the same address (view and filters)
 *   and remembered domain choice, the same browser language and colour scheme, a window no taller than the one it
 *   was kept in (the cards below that window are not in it);
 * - the roadmap on screen, with no dialog open. Its rows below the first screen may still hold their cards' places (a
 *   page left right after its first view): the picture is what the person saw.
 * Otherwise the start is as before. One screen is kept per browser (the last one), and it is removed with the plan
 * cache's mark (plan-cache-mark.ts). What it holds is cleaned when it is kept and again when it is shown (parsed into
 * an inert template first): only markup and style, nothing that could run. Should React never commit (a chunk that
 * failed to load), the picture goes after `KEPT_SCREEN_MAX_MS`: an inert roadmap is worse than the empty page.
 */
import type { TabConfig } from '../../app/config.js';
import { DOMEIN_CHOICE_KEY } from '../../app/domein-choice-key.js';
import {
  heldPlanKey,
  heldPlanStamp,
  KEPT_SCREEN_STORAGE_KEY as STORAGE_KEY,
  onPlanHeld,
  planCacheKey,
  planCacheStamp,
} from './plan-cache-mark.js';
import { bootTarget } from './token-prefetch.js';

/** Bump when what is kept changes: an older entry is then not shown. */
const FORMAT = 2;
/** How long the picture may stand in for the app: React's first commit replaces it long before. */
export const KEPT_SCREEN_MAX_MS = 10_000;
/** The `<style>` element that holds the kept rules while the picture shows. */
export const KEPT_STYLE_ID = 'actieplan-kept-screen-style';
/** The attribute of the element that holds the picture inside `#root`. */
export const KEPT_SCREEN_ATTRIBUTE = 'data-kept-screen';

type Kept = {
  format: number;
  planKey: string;
  stamp: string;
  fingerprint: string;
  /** The window's height when it was kept: cards below it are not in the picture. */
  height: number;
  html: string;
  css: string;
};

/**
 * What the page was started with that its screen depends on: its scripts (their names change with their content) and
 * the browser's language (the app reads it once, at the start). Read when the page starts, and only from what
 * index.html itself holds (scripts the app adds later are not counted), so the inline script and the page that keeps
 * the screen compute the same.
 */
export function screenLook(win: Window): string {
  const scripts = [...win.document.querySelectorAll('head > script[src]')].map((s) => s.getAttribute('src'));
  return JSON.stringify([scripts, win.navigator.language]);
}

/**
 * What must be the same for a kept screen to be shown: the page's look (above), its address (view and filters), the
 * remembered domain choice (the roadmap of an address without `?domein` shows it) and the colour scheme (the app
 * follows a change while it runs, so it is read when the screen is kept).
 */
function screenFingerprint(win: Window, look: string): string {
  const matches = (query: string) => typeof win.matchMedia === 'function' && win.matchMedia(query).matches;
  let domein: string | null = null;
  try {
    domein = win.localStorage.getItem(DOMEIN_CHOICE_KEY);
  } catch {
    // no storage: no remembered choice
  }
  return JSON.stringify([
    look,
    win.location.pathname,
    win.location.search,
    win.location.hash,
    domein,
    matches('(prefers-color-scheme: dark)'),
    matches('(forced-colors: active)'),
  ]);
}

/** The page's style rules as text, each sheet's media condition kept (Griffel puts media rules in sheets of their own). */
function styleText(doc: Document): string {
  const parts: string[] = [];
  for (const sheet of doc.styleSheets) {
    if (!(sheet.ownerNode instanceof HTMLStyleElement) || sheet.ownerNode.id === KEPT_STYLE_ID) continue;
    let rules: string;
    try {
      rules = Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');
    } catch {
      continue; // a sheet whose rules cannot be read
    }
    const media = sheet.media.mediaText;
    parts.push(media ? `@media ${media}{${rules}}` : rules);
  }
  return parts.join('\n');
}

/** Elements that could run, load or change the page, and are never part of the picture. */
const DROPPED_ELEMENTS = 'script, iframe, frame, frameset, object, embed, template, base, meta, link, style, noscript';
/** Attribute values that could run: `javascript:` and the like, with the blanks a browser ignores in a URL. */
const RUNNABLE_URL = /^(?:javascript|vbscript|data):/i;

/** `value` without the ASCII control characters and spaces a browser skips in a URL (`java\tscript:`). */
function withoutBlanks(value: string): string {
  return [...value].filter((c) => c.charCodeAt(0) > 0x20).join('');
}

/**
 * Leaves only markup and style: no element that could run or load (`DROPPED_ELEMENTS`), no event handler, no
 * attribute that runs or loads from a URL React does not render (`srcdoc`, `formaction`, `javascript:` and `data:`
 * URLs anywhere), no focus marks and no autofocus. React renders none of these; this makes sure, when the screen is kept
 * and again when it is shown (localStorage is the page's, but not only the app writes it).
 */
function clean(root: Element | DocumentFragment): void {
  root.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove());
  for (const element of root.querySelectorAll('*')) {
    for (const { name, value } of [...element.attributes]) {
      const lower = name.toLowerCase();
      if (
        lower.startsWith('on') ||
        lower === 'srcdoc' ||
        lower === 'formaction' ||
        lower === 'autofocus' ||
        lower.startsWith('data-fui-focus') ||
        RUNNABLE_URL.test(withoutBlanks(value))
      )
        element.removeAttribute(name);
    }
  }
}

/** The markup of `root` as a picture of what the window shows: form fields show their current values, and `clean`. */
function pictureOf(root: Element, viewportHeight: number): string {
  // Only the screen: cards that begin below the window are left out (each one is layout and style work on the next
  // start's first frame, for nothing seen; React's first commit shows them too only after its first paint). Found on
  // the page, since a copy has no layout, and taken out of the copy by their place in document order (the page itself is
  // not touched: a change to it would count as a change to keep again).
  const cards = '[data-testid="roadmap-card"]';
  const below = new Set<number>();
  root.querySelectorAll(cards).forEach((card, i) => {
    if (card.getBoundingClientRect().top >= viewportHeight) below.add(i);
  });
  const copy = root.cloneNode(true) as Element;
  copy.querySelectorAll(cards).forEach((card, i) => {
    if (below.has(i)) card.remove();
  });
  const live = root.querySelectorAll('input, select, textarea');
  const copied = copy.querySelectorAll('input, select, textarea');
  live.forEach((field, i) => {
    const target = copied[i];
    if (!target) return;
    if (field instanceof HTMLSelectElement)
      target
        .querySelectorAll('option')
        .forEach((option, j) => option.toggleAttribute('selected', j === field.selectedIndex));
    else if (field instanceof HTMLTextAreaElement) target.textContent = field.value;
    else if (field instanceof HTMLInputElement) {
      if (field.type === 'checkbox' || field.type === 'radio') target.toggleAttribute('checked', field.checked);
      else if (field.type !== 'password') target.setAttribute('value', field.value);
    }
  });
  clean(copy);
  return copy.innerHTML;
}

/**
 * Keeps the screen `win` shows now for the next start, when it is the roadmap with no dialog open (see the module
 * comment); otherwise leaves what was kept before (shown only while its plan stamp still holds).
 * @returns whether it kept one
 */
export function keepFirstScreen(
  win: Window,
  planKey: string,
  stamp: string | null,
  look: string,
): 'kept' | 'not-now' | 'refused' {
  const doc = win.document;
  const root = doc.getElementById('root');
  const roadmap = root?.querySelector('[data-testid="roadmap"]');
  if (!root || !roadmap || !stamp) return 'not-now';
  if (doc.querySelector('[role="dialog"], [role="alertdialog"]') || root.querySelector(`[${KEPT_SCREEN_ATTRIBUTE}]`))
    return 'not-now';
  const kept: Kept = {
    format: FORMAT,
    planKey,
    stamp,
    fingerprint: screenFingerprint(win, look),
    height: win.innerHeight,
    html: pictureOf(root, win.innerHeight),
    css: styleText(doc),
  };
  try {
    win.localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
    return 'kept';
  } catch {
    return 'refused'; // storage full or blocked: the next start is an ordinary warm start
  }
}

/**
 * Paints the kept screen into the empty `#root` when it was kept for this person, plan, build, address and look (index
 * html's inline script, as the HTML is parsed).
 * @returns whether it painted
 */
export function showKeptScreen(win: Window, planKey: string, stamp: string | null): boolean {
  const doc = win.document;
  const root = doc.getElementById('root');
  if (!root || root.firstChild || !stamp) return false;
  let kept: Partial<Kept>;
  try {
    kept = JSON.parse(win.localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<Kept>;
  } catch {
    return false;
  }
  if (
    !kept ||
    kept.format !== FORMAT ||
    kept.planKey !== planKey ||
    kept.stamp !== stamp ||
    kept.fingerprint !== screenFingerprint(win, screenLook(win)) ||
    typeof kept.height !== 'number' ||
    win.innerHeight > kept.height ||
    typeof kept.html !== 'string' ||
    typeof kept.css !== 'string' ||
    // A browser without `inert` would let the picture be clicked and typed into.
    !('inert' in (win as unknown as typeof globalThis).HTMLElement.prototype)
  )
    return false;
  // Parsed into a template first (nothing in it loads or runs), cleaned, then moved in.
  const template = doc.createElement('template');
  template.innerHTML = kept.html;
  clean(template.content);
  const style = doc.createElement('style');
  style.id = KEPT_STYLE_ID;
  style.textContent = kept.css;
  doc.head.append(style);
  const picture = doc.createElement('div');
  picture.setAttribute(KEPT_SCREEN_ATTRIBUTE, stamp);
  // No box of its own: the picture lays out as the app's own children of #root do.
  picture.style.display = 'contents';
  picture.inert = true;
  picture.append(template.content);
  root.append(picture);
  win.setTimeout(() => dropKeptScreen(doc), KEPT_SCREEN_MAX_MS);
  return true;
}

/** Removes the kept picture and its style rules (React's first commit, before the browser paints it). */
export function dropKeptScreen(doc: Document): void {
  doc.getElementById(KEPT_STYLE_ID)?.remove();
  doc.querySelector(`[${KEPT_SCREEN_ATTRIBUTE}]`)?.remove();
}

/** The plan cache's key where the kept screen applies (the boot's own path), else undefined. */
function keptScreenKey(win: Window, config: TabConfig | undefined, persona: string | undefined): string | undefined {
  const target = bootTarget(config, persona, win.parent !== win || Boolean(win.opener));
  return target && planCacheKey(target.config.siteUrl, target.persona);
}

/**
 * index.html's inline script: paints the kept screen when it applies (see the module comment).
 * @returns whether it painted
 */
export function showFirstScreen(win: Window, config: TabConfig | undefined, persona: string | undefined): boolean {
  const key = keptScreenKey(win, config, persona);
  return (
    key !== undefined &&
    showKeptScreen(
      win,
      key,
      planCacheStamp(key, () => win.localStorage),
    )
  );
}

/** Attributes Fluent and its focus manager change as focus moves: not a change to the picture. */
const FOCUS_ATTRIBUTE = /^data-(fui-focus|tabster)/;

/**
 * Keeps the screen for the next start (main.tsx): the first time right after the roadmap has been painted (or as soon
 * as the plan it shows has its stamp: a cold start's plan is written as it shows, often just after the first paint),
 * then once the page has been quiet for a moment after a change to `#root` or the address (an idle callback). When the
 * page is hidden or left, only if it kept nothing yet or the plan was written since: that work (10–30 ms) runs while
 * the next page loads, in the same renderer, and held a reload's first view back (a trace showed a 60–80 ms task when
 * both `visibilitychange` and `pagehide` kept it). A change left within the idle moment is then not in the picture; the
 * picture shows until React's first commit, which shows the change. Kept for the person whose plan the page shows
 * (`heldPlanKey`), and only while that is still the remembered person (`current`; another tab may switch).
 */
export function keepScreenForNextStart(
  win: Window,
  current: () => { config: TabConfig | undefined; persona: string | undefined },
): void {
  const look = screenLook(win);
  // A picture painted on this start stands for what is kept already, until something changes.
  const painted = win.document.querySelector(`[${KEPT_SCREEN_ATTRIBUTE}]`)?.getAttribute(KEPT_SCREEN_ATTRIBUTE);
  let kept = Boolean(painted);
  let keptStamp: string | null = painted ?? null;
  let changed = !painted;
  let scheduled = false;
  /** The stamp whose keeping the browser refused (storage full): not tried again until the plan changes. */
  let refused: string | null = null;
  const keep = (leaving: boolean) => {
    if (!leaving) scheduled = false;
    try {
      const { config, persona } = current();
      const key = heldPlanKey();
      if (!key || keptScreenKey(win, config, persona) !== key) return;
      // The stamp of the plan this page shows, while the cache still holds it (not when another tab wrote it since).
      const stamp = heldPlanStamp(key);
      if ((kept && stamp === keptStamp && (leaving || !changed)) || (stamp !== null && stamp === refused)) return;
      const outcome = keepFirstScreen(win, key, stamp, look);
      if (outcome === 'kept') {
        kept = true;
        changed = false;
        keptStamp = stamp;
      } else if (outcome === 'refused') refused = stamp;
    } catch (error) {
      console.warn('First screen not kept', error); // the next start is an ordinary warm start
    }
  };
  const later = () => {
    changed = true;
    if (scheduled) return;
    scheduled = true;
    if (!kept) win.requestAnimationFrame(() => win.setTimeout(() => keep(false), 0));
    else if (typeof win.requestIdleCallback === 'function')
      win.requestIdleCallback(() => keep(false), { timeout: 2000 });
    else win.setTimeout(() => keep(false), 500);
  };
  const root = win.document.getElementById('root');
  if (root)
    new MutationObserver((records) => {
      if (records.some((r) => r.type !== 'attributes' || !FOCUS_ATTRIBUTE.test(r.attributeName ?? ''))) later();
    }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  win.addEventListener('hashchange', later);
  // The plan written (or read) with a new stamp: a cold start's plan is written as it shows, often just after its
  // first paint, and the picture needs that stamp.
  onPlanHeld(later);
  win.addEventListener('pagehide', () => keep(true));
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') keep(true);
  });
}
