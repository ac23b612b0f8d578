import { createContext, useContext } from 'react';
import type { HostInfo } from './host.js';

const HostContext = createContext<HostInfo>({
  kind: 'standalone',
  theme: 'light',
  locale: 'nl',
  frameContext: 'content',
});
export const HostProvider = HostContext.Provider;

/** Where the tab runs, for components that offer host features (share a deep link, configuration). */
export function useHost(): HostInfo {
  return useContext(HostContext);
}
