import type { ImportField, ImportProblem, ImportProblemCode } from '../../../../data/portfolio-import.js';
import { DOMEINEN, KWARTAAL_KEUZES, PORTFOLIO_FASEN } from '../../../../domain/model.js';
import { messageTemplatesNl, type DomainMessageKey } from '../../../../domain/messages.js';
import type { MessageKey as AppMessageKey } from '../../../i18n/nl.js';
import { domainMessageText } from '../../../lib/domain-message.js';
import type { PortfolioKey } from '../i18n.js';

/** A key the portfolio can say: the app's shared catalogue or the portfolio's own texts. */
type MessageKey = AppMessageKey | PortfolioKey;

/**
 * The catalogue text of the import's own problem codes, with the values they need. A problem that is one of the
 * domain's rules is said with the catalogues' `validation.<key>`, as everywhere in the tab (no copies here).
 */
const TEXT: Partial<Record<ImportProblemCode, { key: MessageKey; values?: Record<string, number> }>> = {
  onbekendePersoon: { key: 'pf.import.problem.onbekendePersoon' },
  rijTeGroot: { key: 'pf.import.problem.rijTeGroot' },
  dubbeleRij: { key: 'pf.import.problem.dubbeleRij' },
};

/** The catalogue key a problem code is shown with, if the catalogues have one (a test checks every code the import gives). */
export function importProblemKey(code: ImportProblemCode | undefined): MessageKey | undefined {
  if (code === undefined) return undefined;
  return TEXT[code]?.key ?? (code in messageTemplatesNl ? `validation.${code as DomainMessageKey}` : undefined);
}

/**
 * A dry-run problem in the UI's language: the catalogue's text for its code, filled with its values; a domain rule
 * through the catalogues' `validation.<key>`; the Dutch message as the data layer wrote it only for a problem with
 * neither.
 */
export function importProblemText(
  problem: ImportProblem,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  known: KnownValues = {},
  locale: string = 'nl',
): string {
  const text = problem.code === undefined ? undefined : TEXT[problem.code];
  const base = text
    ? t(text.key, { ...text.values, ...problem.params })
    : problem.domain
      ? domainMessageText(problem.domain, t, locale)
      : problem.message;
  const valid = validValuesText(problem, t, known);
  return valid ? `${base} ${valid}` : base;
}

/**
 * The refused cell's value as the problems table shows it: the file's own text, or for a date cell that holds no date
 * the UI's words for that (the data layer's value is the Dutch `INVALID_DATE`).
 */
export function importProblemValue(
  problem: ImportProblem,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): string {
  return problem.ongeldigeDatum ? t('pf.import.ongeldigeDatum') : (problem.value ?? '');
}

/**
 * What the site knows that a problem can name: the people a person column may hold, and the domains of the site's
 * set-up (issue 12.8; Zoetermeer's when not given).
 */
export type KnownValues = { people?: readonly string[]; domeinen?: readonly string[] };

/** How many people an unknown-person problem names; the rest is a count. */
export const PEOPLE_SHOWN = 8;

/**
 * The values a refused cell may hold, said after the problem (issue 19: "each error says the valid values"). The
 * choices are the stored values (Dutch in both languages: they are what the file must contain).
 */
const CHOICES: Partial<Record<ImportProblemCode, readonly string[]>> = {
  faseOngeldig: PORTFOLIO_FASEN,
  ditKwartaalOngeldig: [...KWARTAAL_KEUZES, 'ja', 'nee'],
};

function validValuesText(
  problem: ImportProblem,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
  known: KnownValues,
): string | undefined {
  const code = problem.code;
  if (code === undefined) return undefined;
  const choices = code === 'domeinOngeldig' ? (known.domeinen ?? DOMEINEN) : CHOICES[code];
  if (choices) return t('pf.import.validValues', { waarden: choices.join(', ') });
  if (code === 'startOngeldig' || code === 'eindeOngeldig') return t('pf.import.validDates');
  if (code === 'onbekendePersoon' && known.people && known.people.length > 0) {
    const shown = [...known.people].sort((a, b) => a.localeCompare(b, 'nl')).slice(0, PEOPLE_SHOWN);
    const more = known.people.length - shown.length;
    return more > 0
      ? t('pf.import.knownPeopleMore', { namen: shown.join(', '), count: more })
      : t('pf.import.knownPeople', { namen: shown.join(', ') });
  }
  return undefined;
}

/** Why a write of the apply step failed, by its HTTP status (0: no answer at all), as a catalogue key. */
export function importFailureReasonKey(status: number): MessageKey {
  if (status === 0) return 'pf.import.reason.network';
  if (status === 401 || status === 403) return 'pf.import.reason.denied';
  if (status === 404) return 'pf.import.reason.notFound';
  if (status === 409 || status === 412) return 'pf.import.reason.conflict';
  if (status === 413) return 'pf.import.reason.tooLarge';
  if (status === 429 || status === 503) return 'pf.import.reason.busy';
  if (status >= 500) return 'pf.import.reason.server';
  return 'pf.import.reason.refused';
}

/**
 * The apply step's failure reason in the UI's language, with the HTTP status for whoever looks it up: never Graph's
 * own (English) message, which the tab cannot translate.
 */
export function importFailureReason(
  status: number,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): string {
  return t(importFailureReasonKey(status), { status });
}

/**
 * A field of the import in the UI's language. The Dutch labels are the file's own column headers (the export writes
 * them, a test keeps them equal), so a Dutch reader sees the names of the file's columns.
 */
export function importFieldLabelKey(field: ImportField): MessageKey {
  return `pf.import.fieldLabel.${field}`;
}
