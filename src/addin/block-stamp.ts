/**
 * The agenda block's stamp: a fingerprint of its text, put on the block when it is inserted (a class on its `<div>`),
 * so that "bijwerken" can tell a block as the add-in wrote it from one the organiser typed in. Pure, on the HTML as a
 * string: the same code runs in the task pane and in Node unit tests.
 *
 * Outlook rewrites the HTML it hands back (`x_` prefixes, wrapping spans and paragraphs, `&nbsp;` for spaces, entities
 * for characters, Word's list markup with its bullet characters), but not the words. So the fingerprint is taken over
 * the runs of ASCII letters and digits of the text only: tags, comments, style and script blocks, entities,
 * punctuation, whitespace and other characters only separate them. An edit that changes only those (an accent, bold
 * or a highlight) goes unnoticed; any changed, added or removed word or number is seen.
 */

const STAMP_PREFIX = 'actieplan-tekst-';
const STAMP_CLASS = new RegExp(`(?:^|\\s)(?:x_)?${STAMP_PREFIX}([0-9a-z]+)(?=\\s|$)`);

/**
 * The words and numbers of an HTML fragment's text: its runs of ASCII letters and digits, one space between them.
 * Tags, entities and every other character separate runs, so "3.1" and "31" differ, and a tag or a `&nbsp;` Outlook
 * puts between two words changes nothing.
 */
export function blockWords(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(style|script)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<(?:[^>"']|"[^"]*"|'[^']*')*>/g, ' ')
    .replace(/&(?:#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, ' ')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .join(' ');
}

/** The stamp of an HTML fragment: 32-bit FNV-1a over its words, base 36. Not a security measure: a change detector. */
export function blockStamp(innerHtml: string): string {
  let hash = 0x811c9dc5;
  for (const char of blockWords(innerHtml)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** The class that carries `innerHtml`'s stamp on the block's `<div>`. */
export function stampClass(innerHtml: string): string {
  return `${STAMP_PREFIX}${blockStamp(innerHtml)}`;
}

/** The stamp in a block's start tag (`<div id=… class=…>`), with or without Outlook's `x_` prefix; none: undefined. */
export function stampInTag(startTag: string): string | undefined {
  const classes = /\sclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(startTag);
  const value = classes ? (classes[1] ?? classes[2] ?? classes[3] ?? '') : '';
  return STAMP_CLASS.exec(value)?.[1];
}
