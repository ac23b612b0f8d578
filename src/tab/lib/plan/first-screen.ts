/**
 * The kept first screen (issue 16): a picture of the roadmap as the page last showed it, painted by index.html's inline
 * script on the next start, before any of the app's code has arrived, and replaced by React's first commit.
 *
 * A warm start shows the plan from IndexedDB, but only once the app's chunks have evaluated and React has rendered the
 * shell and the roadmap: about as long as a bare React page takes to show anything at all. The kept screen is the
 * markup of `#root` and the style rules the page had when it was left (`pagehide`, or the page hidden), stored in
 * localStorage beside the plan cache's mark; the inline script reads it synchronously while the HTML is parsed, so the
 * person sees their roadmap in the first frame. It is `inert` (no focus, no clicks, hidden from assistive technology):
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
 * - the same build (the page's scripts, whose names carry their content's hash), the same address (view and filters),
 *   the same browser language and colour scheme;
 * - the roadmap on screen, with no dialog open. Its rows below the first screen may still hold their cards' places (a
 *   page left right after its first view): the picture is what the person saw.
 * Otherwise the start is as before. One screen is kept per browser (the last one), and it is removed with the plan
 * cache's mark (plan-cache-mark.ts).
 */
import type { TabConfig } from '../../app/config.js';
import {
  heldPlanStamp,
  KEPT_SCREEN_STORAGE_KEY as STORAGE_KEY,
  onPlanHeld,
  planCacheKey,
  planCacheStamp,
} from './plan-cache-mark.js';
import { bootTarget } from './token-prefetch.js';

/** Bump when what is kept changes: an older entry is then not shown. */
const FORMAT = 1;
/** The `<style>` element that holds the kept rules while the picture shows. */
export const KEPT_STYLE_ID = 'actieplan-kept-screen-style';
/** The attribute of the element that holds the picture inside `#root`. */
export const KEPT_SCREEN_ATTRIBUTE = 'data-kept-screen';

type Kept = { format: number; planKey: string; stamp: string; fingerprint: string; html: string; css: string };

/**
 * What the page was started with that its screen depends on: its scripts (their names change with their content), the
 * browser's language and its colour scheme. Read once when the page starts (the app reads the language and the scheme
 * then too), and only from what index.html itself holds (scripts the app adds later are not counted), so the inline
 * script and the page that keeps the screen compute the same.
 */
export function screenLook(win: Window): string {
  const scripts = [...win.document.querySelectorAll('head > script[src]')].map((s) => s.getAttribute('src'));
  const matches = (query: string) => typeof win.matchMedia === 'function' && win.matchMedia(query).matches;
  return JSON.stringify([
    scripts,
    win.navigator.language,
    matches('(prefers-color-scheme: dark)'),
    matches('(forced-colors: active)'),
  ]);
}

/** What must be the same for a kept screen to be shown: the page's look (above) and its address (view and filters). */
function screenFingerprint(win: Window, look: string): string {
  return JSON.stringify([look, win.location.pathname, win.location.search, win.location.hash]);
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

/**
 * The markup of `root` as a picture of what the window shows: form fields show their current values, no element carries focus marks, and
 * nothing that could run is kept (scripts, frames, event-handler attributes, `javascript:` links; React renders none
 * of them, this makes sure).
 */
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
  copy.querySelectorAll('script, iframe, object, embed, template').forEach((element) => element.remove());
  for (const element of copy.querySelectorAll('*')) {
    for (const { name, value } of [...element.attributes]) {
      const lower = name.toLowerCase();
      if (
        lower.startsWith('on') ||
        lower === 'autofocus' ||
        lower === 'data-fui-focus-visible' ||
        lower === 'data-fui-focus-within' ||
        ((lower === 'href' || lower === 'src' || lower === 'action') && /^\s*javascript:/i.test(value))
      )
        element.removeAttribute(name);
    }
  }
  return copy.innerHTML;
}

/**
 * Keeps the screen `win` shows now for the next start, when it is the roadmap with no dialog open (see the module
 * comment); otherwise leaves what was kept before (shown only while its plan stamp still holds).
 * @returns whether it kept one
 */
export function keepFirstScreen(win: Window, planKey: string, stamp: string | null, look: string): boolean {
  const doc = win.document;
  const root = doc.getElementById('root');
  const roadmap = root?.querySelector('[data-testid="roadmap"]');
  if (!root || !roadmap || !stamp) return false;
  if (doc.querySelector('[role="dialog"], [role="alertdialog"]') || root.querySelector(`[${KEPT_SCREEN_ATTRIBUTE}]`))
    return false;
  const kept: Kept = {
    format: FORMAT,
    planKey,
    stamp,
    fingerprint: screenFingerprint(win, look),
    html: pictureOf(root, win.innerHeight),
    css: styleText(doc),
  };
  try {
    win.localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
    return true;
  } catch {
    return false; // storage full or blocked: the next start is an ordinary warm start
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
    typeof kept.html !== 'string' ||
    typeof kept.css !== 'string'
  )
    return false;
  const style = doc.createElement('style');
  style.id = KEPT_STYLE_ID;
  style.textContent = kept.css;
  doc.head.append(style);
  const picture = doc.createElement('div');
  picture.setAttribute(KEPT_SCREEN_ATTRIBUTE, '');
  // No box of its own: the picture lays out as the app's own children of #root do.
  picture.style.display = 'contents';
  picture.inert = true;
  picture.innerHTML = kept.html;
  root.append(picture);
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

/**
 * Keeps the screen for the next start (main.tsx), for the person and configuration of that moment (`current`: a person
 * may switch meanwhile): the first time right after the roadmap has been painted, then once the page has been quiet for
 * a moment after a change to `#root` or the address (an idle callback). When the page is hidden or left, only if it
 * kept nothing yet or the plan was written since: that work (10–30 ms) runs while the next page loads, in the same
 * renderer, and held a reload's first view back (a trace showed a 60–80 ms task when both `visibilitychange` and
 * `pagehide` kept it). A change left within the idle moment is then not in the picture; the picture shows until React's
 * first commit, which shows the change.
 */
export function keepFirstScreenOnLeave(
  win: Window,
  current: () => { config: TabConfig | undefined; persona: string | undefined },
): void {
  const look = screenLook(win);
  let kept = false;
  let keptStamp: string | null = null;
  let changed = true;
  let scheduled = false;
  const keep = (leaving: boolean) => {
    if (!leaving) scheduled = false;
    const { config, persona } = current();
    const key = keptScreenKey(win, config, persona);
    if (!key) return;
    // The stamp of the plan this page shows, while the cache still holds it (not when another tab wrote it since).
    const stamp = heldPlanStamp(key);
    if (kept && stamp === keptStamp && (leaving || !changed)) return;
    if (keepFirstScreen(win, key, stamp, look)) {
      kept = true;
      changed = false;
      keptStamp = stamp;
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
    new MutationObserver(later).observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  win.addEventListener('hashchange', later);
  // The plan written (or read) with a new stamp: a cold start's plan is written as it shows, often just after its
  // first paint, and the picture needs that stamp.
  onPlanHeld(later);
  win.addEventListener('pagehide', () => keep(true));
  win.document.addEventListener('visibilitychange', () => {
    if (win.document.visibilityState === 'hidden') keep(true);
  });
}
