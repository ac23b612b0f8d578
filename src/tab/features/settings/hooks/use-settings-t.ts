import { useCallback } from 'react';
import { useFeatureT } from '../../../i18n/feature-catalogue.js';
import { useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { settingsTexts, type SettingsKey, type SettingsMessageKey } from '../i18n.js';

/** Says a shared key through the app's catalogue and an `inst.` key through Instellingen's own lazy texts. */
export function useSettingsT(): (key: SettingsMessageKey, values?: Record<string, string | number>) => string {
  const t = useT();
  const ft = useFeatureT(settingsTexts);
  return useCallback(
    (key: SettingsMessageKey, values?: Record<string, string | number>) => {
      const own = key.startsWith('inst.') ? key.slice('inst.'.length) : undefined;
      return own !== undefined && Object.hasOwn(settingsTexts.nl, own)
        ? ft(own as SettingsKey, values)
        : t(key as MessageKey, values);
    },
    [t, ft],
  );
}
