/**
 * The digitalisering agenda item as HTML for an Outlook invitation: a heading, lists, and a link to each action in
 * the tab. Built from the domain's `composeAgenda` output only, so the invitation, the reminder card and the meeting
 * side panel always list the same actions.
 *
 * Every text that people typed (titles, reasons, names, MT names, decisions) is escaped: the HTML goes into an
 * invitation the organiser sends with their own name, so a title like `<img onerror=…>` must stay text. Links are
 * built here from the configured tab address and an encoded item id; no typed text ever becomes an attribute.
 *
 * Only plain, semantic elements (h2, h3, p, ul, li, a, strong): Outlook drops `<style>` and scripts and rewrites
 * classes, and screen readers in every Outlook client navigate by headings and lists.
 */
import { mtListPath } from '../shared/tab-links.js';
import type { Agenda, AgendaActie } from '../domain/agenda.js';
import { AMSTERDAM } from '../domain/dates.js';
import type { CalendarDate } from '../domain/model.js';
import { stampClass } from './block-stamp.js';
import { addinTranslator, type AddinLocale, type AddinTranslate } from './texts.js';

/** The id that marks the inserted block, so that inserting again finds and replaces it (see body-block.ts). */
export const AGENDA_BLOCK_ID = 'actieplan-agendapunt-digitalisering';

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * The tab address an invitation may link to: http(s) only, without a fragment. Anything else (a `javascript:` URL
 * from a bad configuration) is refused, so a link in an invitation can only ever open the tab.
 */
export function checkedTabUrl(tabUrl: string): string {
  let url: URL;
  try {
    url = new URL(tabUrl);
  } catch {
    throw new Error(`TAB_ENDPOINT is not a URL: "${tabUrl}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`TAB_ENDPOINT must be an http(s) URL, not "${tabUrl}"`);
  url.hash = '';
  return url.toString().replace(/\/+$/, '');
}

/** The tab's web link to one action (the router's deep-link form `#/actie/<id>`). */
export function actieLink(tabUrl: string, actieId: string): string {
  return `${checkedTabUrl(tabUrl)}/index.html#/actie/${encodeURIComponent(actieId)}`;
}

/** The tab's web link to the list of an MT's domains, as the card's "Open in actieplan" (`mtListPath`). */
export function planLink(tabUrl: string, domeinen: readonly string[]): string {
  return `${checkedTabUrl(tabUrl)}/index.html${mtListPath(domeinen)}`;
}

const LOCALE_TAG: Record<AddinLocale, string> = { nl: 'nl-NL', en: 'en-GB' };

/** "dinsdag 24 november 2026 09:00": the meeting's wall-clock time in Amsterdam, whatever the client's zone. */
export function formatMeetingMoment(instant: Date, locale: AddinLocale): string {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    timeZone: AMSTERDAM,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/** "31 december 2025"; a value that is not a calendar date (typed in SharePoint) is shown as it is. */
export function formatCalendarDate(date: CalendarDate, locale: AddinLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const noonUtc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12));
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(noonUtc);
}

export type AgendaHtmlOptions = {
  /** The tab's base address (TAB_ENDPOINT); links to actions are built from it. */
  tabUrl: string;
  locale: AddinLocale;
};

function actieItem(
  t: AddinTranslate,
  tabUrl: string,
  locale: AddinLocale,
  actie: AgendaActie,
  extra: string[] = [],
  /** In place of "deadline {datum}" (a standing commitment's date is where it starts, not a deadline). */
  when?: string,
): string {
  const details: string[] = [];
  if (when) details.push(when);
  else if (actie.deadline)
    details.push(
      t(actie.doorlopend ? 'block.doorlopend' : 'block.deadline', {
        datum: formatCalendarDate(actie.deadline, locale),
      }),
    );
  details.push(...extra);
  const per = actie.eigenaarPerDomein;
  if (actie.eigenaar) details.push(t('block.owner', { naam: actie.eigenaar.displayName }));
  else if (per)
    details.push(
      per.belegd === per.totaal
        ? t('block.ownerPerDomein')
        : t('block.ownerSomeDomeinen', { belegd: per.belegd, totaal: per.totaal }),
    );
  const link = `<a href="${escapeHtml(actieLink(tabUrl, actie.id))}">${escapeHtml(`${actie.nummer} ${actie.titel}`)}</a>`;
  return `<li>${link}${details.length > 0 ? ` (${escapeHtml(details.join('; '))})` : ''}</li>`;
}

function section(heading: string, items: string[]): string {
  return items.length === 0 ? '' : `<h3>${escapeHtml(heading)}</h3><ul>${items.join('')}</ul>`;
}

/**
 * Renders the agenda item as one `<div id="actieplan-agendapunt-digitalisering">` block, stamped with its text.
 * Sections without items are left out; when nothing needs attention the block says so in one sentence.
 */
export function renderAgendaHtml(agenda: Agenda, options: AgendaHtmlOptions): string {
  const { tabUrl, locale } = options;
  const t = addinTranslator(locale);
  const item = (a: AgendaActie, extra?: string[], when?: string) => actieItem(t, tabUrl, locale, a, extra, when);
  const late = (n: number) => (n === 1 ? t('block.dayLate') : t('block.daysLate', { n }));

  const sections = [
    // The secretary's "Ook bespreken" (issue 14.3) first, as on the card; "Niet nodig" ones are off every section.
    section(
      t('block.ookBespreken', { n: agenda.ookBespreken.length }),
      agenda.ookBespreken.map((a) => item(a)),
    ),
    section(
      t('block.overdue', { n: agenda.overdue.length }),
      // A standing commitment ("… en verder") is late for not having started, as the card says: its date is where
      // it starts, never a deadline it is "days late" for.
      agenda.overdue.map((a) =>
        a.doorlopend && a.deadline
          ? item(a, [], t('block.doorlopendLate', { datum: formatCalendarDate(a.deadline, locale) }))
          : item(a, [late(a.dagenTeLaat)]),
      ),
    ),
    section(
      t('block.blocked', { n: agenda.blocked.length }),
      agenda.blocked.map((a) => {
        const extra: string[] = [];
        if (a.reden) extra.push(a.reden);
        if (a.geblokkeerdDoor.length > 0)
          extra.push(t('block.blockedBy', { acties: a.geblokkeerdDoor.map((d) => d.nummer).join(', ') }));
        return item(a, extra);
      }),
    ),
    section(
      t('block.due', { n: agenda.dueBeforeNextMeeting.length }),
      agenda.dueBeforeNextMeeting.map((a) => item(a)),
    ),
    section(
      t('block.changed', { n: agenda.changedSinceLastMeeting.length }),
      agenda.changedSinceLastMeeting.map((c) =>
        c.kind === 'removed'
          ? `<li>${escapeHtml(`${c.nummer}: ${t('block.removed')}`)}</li>`
          : item(
              c.actie,
              c.kind === 'new'
                ? [t('block.new')]
                : c.changes.map((ch) => `${ch.field}: ${ch.from ?? '–'} → ${ch.to ?? '–'}`),
            ),
      ),
    ),
    section(
      t('block.withoutOwner', { n: agenda.withoutOwner.length }),
      agenda.withoutOwner.map((a) => item(a)),
    ),
    section(
      t('block.portfolio', { n: agenda.portfolioChanges.length }),
      agenda.portfolioChanges.map((c) => {
        const what =
          c.kind === 'new'
            ? t('block.new')
            : c.changes.map((ch) => `${ch.field}: ${ch.from ?? '–'} → ${ch.to ?? '–'}`).join('; ');
        return `<li>${escapeHtml(`${c.item.titel} (${what})`)}</li>`;
      }),
    ),
    // The CMT's "Geagendeerd door de MT's" (issue 12.6): the same items as its card and side panel, escaped as text.
    section(
      t('block.geagendeerd', { n: agenda.geagendeerd.length }),
      agenda.geagendeerd.map(
        (g) =>
          `<li>${escapeHtml(`${g.nummer} ${g.titel}`.trim())}<br>${escapeHtml(t('block.geagendeerdMeta', { domein: g.domein, door: g.door ?? '–', sinds: formatMeetingMoment(new Date(g.sinds), locale) }))}<br>${escapeHtml(t('block.geagendeerdReden', { reden: g.reden }))}</li>`,
      ),
    ),
    section(
      t('block.previousDecisions', { n: agenda.previousDecisions.length }),
      agenda.previousDecisions.map((d) => `<li>${escapeHtml(d)}</li>`),
    ),
  ].filter((s) => s !== '');

  const attention =
    agenda.overdue.length +
    agenda.blocked.length +
    agenda.dueBeforeNextMeeting.length +
    agenda.changedSinceLastMeeting.length +
    agenda.withoutOwner.length +
    agenda.portfolioChanges.length +
    agenda.geagendeerd.length +
    agenda.ookBespreken.length;
  const parts = [
    `<h2>${escapeHtml(t('block.heading', { mt: agenda.mt.naam }))}</h2>`,
    `<p>${escapeHtml(t('block.intro', { datum: formatMeetingMoment(new Date(agenda.occurrence.start), locale) }))}</p>`,
    ...(attention === 0 ? [`<p>${escapeHtml(t('block.nothing'))}</p>`] : []),
    ...sections,
    `<h3>${escapeHtml(t('block.reflection'))}</h3><p>${escapeHtml(agenda.reflectionQuestion.tekst)}</p>`,
    `<p>${escapeHtml(t('block.footer', { moment: formatMeetingMoment(new Date(agenda.generatedAt), locale) }))} <a href="${escapeHtml(planLink(tabUrl, agenda.mt.domeinen))}">${escapeHtml(t('block.openPlan'))}</a></p>`,
  ];
  // Stamped with its own text (block-stamp.ts): "bijwerken" then sees whether the organiser typed in it.
  const inner = parts.join('');
  return `<div id="${AGENDA_BLOCK_ID}" lang="${locale}" class="${stampClass(inner)}">${inner}</div>`;
}
