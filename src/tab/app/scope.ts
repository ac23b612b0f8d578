import { createContext, useContext } from 'react';
import { DOMEINEN, type Domein } from '../../domain/model.js';
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

export function readScope(search: string, frameContext: FrameContext): TabScope {
  const params = new URLSearchParams(search);
  const domein = DOMEINEN.find((d) => d === params.get('domein'));
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
