/**
 * The domain's messages in the UI's language (issue 17, in part): the domain says a Dutch sentence, and each fixed one
 * has a key in `validationMessages` (`validationMessageKey`); the tab shows the catalogue's text for that key. A refused
 * status change is shown from its statuses. A message the catalogues have no key for is shown as the domain wrote it.
 */
import type { ActieStatus } from '../../domain/model.js';
import { validationMessageKey } from '../../domain/messages.js';
import { allowedTransitions, checkTransition } from '../../domain/status.js';
import { nl, type MessageKey } from '../i18n/nl.js';
import { STATUS_LABEL } from './labels.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Whether the catalogues have a text for the domain message `key` (nl has every key, and a test holds en to it). */
function catalogueKey(key: string | undefined): MessageKey | undefined {
  const k = `validation.${key ?? ''}`;
  return key !== undefined && k in nl ? (k as MessageKey) : undefined;
}

/** A domain sentence (a validation issue's message) in the UI's language; the Dutch sentence when it has no key. */
export function domainMessageText(message: string, t: T): string {
  const key = catalogueKey(validationMessageKey(message));
  return key ? t(key) : message;
}

/**
 * Why a status change from `van` to `naar` is refused (with the reason given so far), in the UI's language, with the
 * statuses in the UI's words (quoted; the allowed ones as "A", "B" or "C" in the locale's list form); undefined when
 * the change is allowed.
 */
export function transitionMessageText(
  van: ActieStatus,
  naar: ActieStatus,
  toelichting: string | undefined,
  t: T,
  locale: string,
): { field: 'status' | 'statusToelichting'; text: string } | undefined {
  const check = checkTransition(van, naar, toelichting);
  if (check.ok) return undefined;
  const label = (s: ActieStatus) => t(STATUS_LABEL[s]);
  if (check.field === 'statusToelichting') return { field: check.field, text: domainMessageText(check.message, t) };
  if (van === naar) return { field: check.field, text: t('validation.zelfdeStatus', { van: label(van) }) };
  const allowed = allowedTransitions(van).map((s) => `"${label(s)}"`);
  return {
    field: check.field,
    text: t('validation.overgangNietToegestaan', {
      van: label(van),
      naar: label(naar),
      toegestaan: new Intl.ListFormat(locale, { type: 'disjunction' }).format(allowed),
    }),
  };
}
