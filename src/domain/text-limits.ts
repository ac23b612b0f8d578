/**
 * How long a free text may be, and how a text that is longer anyway (typed in SharePoint itself) is shown.
 *
 * The numbers come from the data up: a SharePoint single line of text holds at most 255 characters; a multiple-lines
 * (note) column holds far more, so the app sets its own maximum per field, large enough for every text in the seeds
 * (the longest, a finding's explanation, is under 300 characters) and small enough that a card, a table cell and a report
 * page stay readable. Validation refuses longer input with these numbers; the tab's inputs, the card's inputs, the
 * import and the report use the same ones.
 *
 * Length is counted in UTF-16 code units, as SharePoint, the card's `maxLength` and an HTML `maxlength` count it.
 */

/** Maximum length per free-text field (characters). */
export const TEXT_MAX = {
  /** A SharePoint single line of text: titles, keys, names, planning, lopend traject, the college's planning. */
  regel: 255,
  /** Why an action or a portfolio item has its status (note column; the card's input takes the same). */
  statusToelichting: 1000,
  /** The college's reaction to an advies (note column). */
  collegeReactie: 2000,
  /** A finding's explanation (note column). */
  bevindingToelichting: 2000,
  /** A description (note column): a portfolio item's, an advies' or an action's (the report's own words, issue 12). */
  omschrijving: 2000,
  /** A quarter goal (note column). */
  kwartaaldoel: 500,
  /** Why a quarter goal was not (fully) achieved (note column). */
  reden: 1000,
  /** A decision recorded on the card or in the meeting panel (a single line, the Besluiten list's title). */
  besluit: 255,
} as const;

export type TextFieldName = keyof typeof TEXT_MAX;

/**
 * The longest run of characters without a break opportunity that documents and cards get: longer "words" (a pasted
 * URL, a key held down) get a zero-width space every this many characters, so a line breaker never has to split a
 * 10,000-character word letter by letter (which made the PDF take minutes).
 */
export const WORD_MAX = 30;

/** U+200B ZERO WIDTH SPACE: an invisible break opportunity (Unicode line breaking class ZW), in every font we use. */
export const BREEKPUNT = '\u200B';

/** The ellipsis that marks a cut text. */
export const AFGEKAPT = '…';

/**
 * `text` cut to at most `max` characters, ending in "…" when it was longer (the cut never splits a surrogate pair).
 * For texts that exceed their field's maximum anyway, for instance typed in SharePoint itself.
 */
export function withinLimit(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - AFGEKAPT.length);
  // Do not keep half of a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}${AFGEKAPT}`;
}

/**
 * `text` with a zero-width space after every `every` characters of a run without whitespace or break opportunity;
 * shorter words are left alone. Linear in the text's length.
 */
export function breakLongWords(text: string, every: number = WORD_MAX): string {
  if (every < 1) throw new RangeError('every must be at least 1');
  let out = '';
  let run = 0;
  for (const ch of text) {
    if (/\s/.test(ch) || ch === BREEKPUNT || ch === '-' || ch === '\u00AD') {
      run = 0;
      out += ch;
      continue;
    }
    if (run === every) {
      out += BREEKPUNT;
      run = 0;
    }
    out += ch;
    run += 1;
  }
  return out;
}

/** A free text as documents and cards show it: cut to its field's maximum (with "…"), long words breakable. */
export function displayText(text: string, veld: TextFieldName): string {
  return breakLongWords(withinLimit(text, TEXT_MAX[veld]));
}
