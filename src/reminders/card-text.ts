/**
 * Text for the agenda card: Dutch date formatting in Amsterdam time, and escaping of user-supplied text for the
 * Markdown subset that Adaptive Card TextBlocks render.
 *
 * Why escape at all: titles, reasons, names and MT names are typed by people (also directly in SharePoint). A
 * TextBlock renders a CommonMark subset: `**bold**`, `_italic_`, `[text](url)`, lists (`- `, `1. `) at the start of a
 * line, and the DATE()/TIME() functions in `{{…}}`. Someone's "[klik hier](https://…)" must not become a link in a
 * card the bot posts with its own authority, and a `${…}` must stay text even if the card ever passes through the
 * Adaptive Card templating SDK. HTML is not rendered by Teams cards, but `<` is escaped anyway because some mobile
 * renderers switch to an HTML path when they see it.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { nl } from 'date-fns/locale';
import { AMSTERDAM, isValidCalendarDate } from '../domain/dates.js';
import type { CalendarDate } from '../domain/model.js';
import { breakLongWords } from '../domain/text-limits.js';

/**
 * Characters escaped with a backslash wherever they occur. CommonMark allows a backslash before any ASCII punctuation
 * and renders the character itself, so escaping more than strictly needed is harmless:
 * `\` (the escape itself), `*` `_` (emphasis), `` ` `` (code), `~` (strikethrough), `[` `]` (links), `<` `>`
 * (autolinks, HTML, block quotes), `&` (entity references), `{` `}` (templating `${…}` and `{{DATE(…)}}`),
 * `|` (tables), `#` (headings).
 */
const ESCAPE_EVERYWHERE = /[\\*_`~[\]<>&{}|#]/g;
/** List markers only count at the start of a line: `- `, `+ `, `1. `, `1) `. */
const LEADING_BULLET = /^([-+])/;
const LEADING_NUMBER = /^(\d+)([.)])/;
/** Line breaks, tabs and other control characters (also Unicode line/paragraph separators). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they must not reach a card.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * Cuts `text` to at most `max` characters (code points, so an emoji is never split), ending in "…" when cut.
 */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/**
 * Makes user-supplied text inert for a TextBlock: one line (line breaks and control characters become spaces, runs of
 * spaces collapse), at most `max` characters, a break opportunity in every long word (so a pasted URL or a key held
 * down wraps instead of running off the card), then every Markdown-significant character escaped with a backslash.
 * Cutting and breaking happen before escaping, so an escape is never cut or split.
 */
export function escapeCardText(text: string, max = 500): string {
  const oneLine = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  const cut = breakLongWords(truncateText(oneLine, max));
  return cut
    .replace(ESCAPE_EVERYWHERE, (c) => `\\${c}`)
    .replace(LEADING_BULLET, '\\$1')
    .replace(LEADING_NUMBER, '$1\\$2');
}

/** "dinsdag 24 november 2026, 09:00": the wall-clock time in Amsterdam, whatever the server's time zone. */
export function formatMoment(instant: Date): string {
  return format(new TZDate(instant.getTime(), AMSTERDAM), 'EEEE d MMMM yyyy, HH:mm', { locale: nl });
}

/**
 * What a button did, by whom and when (Amsterdam wall-clock time): "3.1 → Afgerond, door Secretaris CMT, 17:05".
 * The name is untrusted text; the card escapes it where it is shown.
 */
export function changedBy(wat: string, door: string, op: Date): string {
  return `${wat}, door ${door}, ${format(new TZDate(op.getTime(), AMSTERDAM), 'HH:mm')}`;
}

/** "31 december 2025" for a calendar date; a value that is not a date is shown as it is (escaped by the caller). */
export function formatDateNl(date: CalendarDate): string {
  if (!isValidCalendarDate(date)) return date;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return format(new TZDate(y, m - 1, d, 12, 0, 0, AMSTERDAM), 'd MMMM yyyy', { locale: nl });
}

/** "1 actie", "3 acties": Dutch singular and plural. */
export function countPhrase(n: number, enkelvoud: string, meervoud: string): string {
  return `${n} ${n === 1 ? enkelvoud : meervoud}`;
}

/** Average month length in days (365.25 / 12), so "maanden" does not drift over a year or two of lateness. */
const DAGEN_PER_MAAND = 365.25 / 12;

/**
 * How long ago a deadline passed, in the unit a reader takes in at a glance: "5 dagen" under a week, "3 weken" under a
 * month (up to 30 days), "17 maanden" from 31 days on. Rounded to the nearest unit, never below 1, because "511 dagen"
 * makes a reader do arithmetic and "16,8 maanden" is false precision. Singular forms: "1 dag", "1 week", "1 maand".
 * @throws RangeError for a negative or non-integer number of days (a caller bug: overdue days come from the domain).
 */
export function lateBy(dagen: number): string {
  if (!Number.isInteger(dagen) || dagen < 0)
    throw new RangeError(`lateBy: dagen moet een geheel getal ≥ 0 zijn, niet ${dagen}`);
  if (dagen < 7) return countPhrase(dagen, 'dag', 'dagen');
  if (dagen <= 30) return countPhrase(Math.max(1, Math.round(dagen / 7)), 'week', 'weken');
  return countPhrase(Math.max(1, Math.round(dagen / DAGEN_PER_MAAND)), 'maand', 'maanden');
}
