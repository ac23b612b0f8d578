import { useCallback } from 'react';
import type { DomainMessage } from '../../domain/messages.js';
import { useLocale, useT } from '../i18n/i18n.js';
import { domainMessageText } from './domain-message.js';

/** Says a domain message (a key with its values) in the UI's current language. */
export function useDomainText(): (message: DomainMessage) => string {
  const t = useT();
  const locale = useLocale();
  return useCallback((message: DomainMessage) => domainMessageText(message, t, locale), [t, locale]);
}
