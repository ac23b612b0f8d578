import { createContext, createElement, useCallback, useContext, useState, type ReactNode } from 'react';
import type { Inrichting } from '../../domain/inrichting-basis.js';
import type { Domein } from '../../domain/model.js';
import { TEXT_MAX } from '../../domain/text-limits.js';
import type { FrameContext } from './host.js';
import { VIEWS, type ViewName } from './router.js';

/**
 * How this tab instance is set up: a channel tab of an MT carries its domain in the content URL
 * (`index.html?domein=Sociaal%20Domein#/roadmap`), chosen on the configuration page.
 */
export type TabScope = {
  domein?: Domein;
  /** `full` in a tab or browser, `compact` in a meeting side panel, `stage` on the shared meeting stage. */
  layout: 'full' | 'compact' | 'stage';
  defaultView: ViewName;
  canEdit: boolean;
};

/**
 * A domain name as a URL or the browser's memory carries it: the set-up (read with the plan) decides later whether the
 * municipality has it (`knownDomeinOf`); here only an empty or overlong value is no domain.
 */
function domeinNaam(value: string | null): Domein | undefined {
  const naam = value?.trim() ?? '';
  return naam === '' || naam.length > TEXT_MAX.regel ? undefined : naam;
}

/**
 * The chosen domain if the municipality's set-up has it; before the set-up is known (the plan still loading) the
 * choice stands. An unknown value (an old link, a hand-edited URL, another municipality's domain) is no choice.
 */
export function knownDomeinOf(gekozen: Domein | undefined, inrichting: Inrichting | undefined): Domein | undefined {
  if (gekozen === undefined || inrichting === undefined) return gekozen;
  return inrichting.domeinen.some((d) => d.naam === gekozen) ? gekozen : undefined;
}

export function readScope(search: string, frameContext: FrameContext): TabScope {
  const params = new URLSearchParams(search);
  const domein = domeinNaam(params.get('domein'));
  const view = VIEWS.find((v) => v === params.get('view'));
  const layout = frameContext === 'sidePanel' ? 'compact' : frameContext === 'meetingStage' ? 'stage' : 'full';
  return {
    ...(domein ? { domein } : {}),
    layout,
    defaultView: view ?? 'roadmap',
    // What is on the shared stage is shown to everyone in the meeting; changes are made in a tab or the side panel.
    canEdit: layout !== 'stage',
  };
}

const ScopeContext = createContext<TabScope>({ layout: 'full', defaultView: 'roadmap', canEdit: true });
export const ScopeProvider = ScopeContext.Provider;
export function useScope(): TabScope {
  return useContext(ScopeContext);
}

/** Where the header's domain choice is remembered between visits (per browser profile, as Teams keeps it per user). */
export const DOMEIN_CHOICE_KEY = 'actieplan.domein';

/**
 * The domain the whole tab shows, chosen once in the header. The URL wins (a channel tab's content URL carries its
 * MT's domain, and a shared link carries the sender's choice); without one, the last choice made in this browser;
 * otherwise every domain. Whether the municipality has that domain is for its set-up to say (`knownDomeinOf`).
 */
export function initialDomeinChoice(search: string, remembered: string | null): Domein | undefined {
  const fromUrl = new URLSearchParams(search).get('domein');
  if (fromUrl !== null) return domeinNaam(fromUrl);
  return domeinNaam(remembered);
}

/** The page's search string with the domain choice set or cleared, keeping every other parameter. */
export function searchWithDomein(search: string, domein: Domein | undefined): string {
  const params = new URLSearchParams(search);
  if (domein) params.set('domein', domein);
  else params.delete('domein');
  const next = params.toString();
  return next ? `?${next}` : '';
}

function readRemembered(): string | null {
  try {
    return window.localStorage.getItem(DOMEIN_CHOICE_KEY);
  } catch {
    return null; // storage refused (a locked-down browser profile): the choice then lives in the URL only
  }
}

/**
 * The header's domain choice: read from the URL or memory once, then kept in the URL (so a reload and a copied
 * link keep it) and remembered for the next visit. "Alle domeinen" is remembered too, as an empty string.
 */
/** The header's domain choice and its setter (the URL's domain first, then the one remembered). */
export type DomeinChoice = [Domein | undefined, (next: Domein | undefined) => void];

function useDomeinChoiceState(): DomeinChoice {
  const [domein, setState] = useState<Domein | undefined>(() =>
    initialDomeinChoice(window.location.search, readRemembered()),
  );
  const choose = useCallback((next: Domein | undefined) => {
    setState(next);
    try {
      window.localStorage.setItem(DOMEIN_CHOICE_KEY, next ?? '');
    } catch {
      // storage refused: the URL below still carries the choice
    }
    const url = `${window.location.pathname}${searchWithDomein(window.location.search, next)}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }, []);
  return [domein, choose];
}

const DomeinChoiceContext = createContext<DomeinChoice | undefined>(undefined);

/**
 * Holds the header's domain choice for everything below it: the plan (PlanProvider shows a shared action with the
 * chosen domain's own row) and the shell (its header and views), so both always mean the same domain.
 */
export function DomeinChoiceProvider({ children }: { children: ReactNode }) {
  return createElement(DomeinChoiceContext.Provider, { value: useDomeinChoiceState() }, children);
}

/** The header's domain choice, held by `DomeinChoiceProvider` (app.tsx puts it above the plan and the shell). */
export function useDomeinChoice(): DomeinChoice {
  const shared = useContext(DomeinChoiceContext);
  if (!shared) throw new Error('useDomeinChoice outside DomeinChoiceProvider');
  return shared;
}

/**
 * The domain the tab shows: the side panel always its MT's (the URL's), everywhere else the header's choice; undefined
 * for "Alle domeinen", or a choice the set-up does not know.
 */
export function viewedDomein(
  scope: Pick<TabScope, 'layout' | 'domein'>,
  choice: Domein | undefined,
  inrichting: Inrichting | undefined,
): Domein | undefined {
  return knownDomeinOf(scope.layout === 'compact' ? scope.domein : choice, inrichting);
}
