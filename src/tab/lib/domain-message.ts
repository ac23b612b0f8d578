/**
 * The domain's messages in the UI's language (issue 17): the domain returns a key with its values
 * (`DomainMessage`), never a sentence; the tab says it with its catalogues' `validation.<key>`, the statuses in the
 * UI's words and lists in the locale's form. nl's texts are the domain's own Dutch templates, en has its own.
 */
import { messageValues, type DomainMessage } from '../../domain/messages.js';
import type { ActieStatus, Domein } from '../../domain/model.js';
import { checkTransition } from '../../domain/status.js';
import type { MessageKey } from '../i18n/nl.js';
import { domeinLabel, STATUS_LABEL } from './labels.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A domain message in the UI's language. */
export function domainMessageText(message: DomainMessage, t: T, locale: string): string {
  return t(
    `validation.${message.key}`,
    messageValues(message, {
      locale,
      status: (s: ActieStatus) => t(STATUS_LABEL[s]),
      // A domain without a catalogue text (another set-up's, or typed by hand) is said by its own name.
      domein: (d: Domein) => domeinLabel(t, d),
    }),
  );
}

/**
 * Why a status change from `van` to `naar` is refused (with the reason given so far), in the UI's language, with the
 * field the domain says it belongs to; undefined when the change is allowed.
 */
export function transitionMessageText(
  van: ActieStatus,
  naar: ActieStatus,
  toelichting: string | undefined,
  t: T,
  locale: string,
): { field: 'status' | 'statusToelichting'; text: string } | undefined {
  const check = checkTransition(van, naar, toelichting);
  return check.ok ? undefined : { field: check.field, text: domainMessageText(check.message, t, locale) };
}
