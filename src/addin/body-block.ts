/**
 * Puts the agenda block into an invitation's HTML body, or replaces the block inserted earlier, leaving everything
 * the organiser wrote around it as it was.
 *
 * The block is found by its id. Outlook rewrites bodies it hands back: Outlook on the web and new Outlook prefix ids
 * and classes with `x_` in some paths, and every client may add wrapping elements, so the search accepts an optional
 * `x_` prefix and finds the block's end by counting nested `<div>`s rather than by a fixed closing text. Works on the
 * HTML as a string (no DOM), so the same code runs in the task pane and in Node unit tests.
 */
import { AGENDA_BLOCK_ID } from './agenda-html.js';

/** The earlier block is there but its end cannot be found (the organiser edited the HTML); nothing is changed. */
export class DamagedAgendaBlockError extends Error {
  override readonly name = 'DamagedAgendaBlockError';
  constructor() {
    super('The agenda block inserted earlier has no end; the body was left unchanged.');
  }
}

const BLOCK_START = new RegExp(`<div\\b[^>]*\\bid\\s*=\\s*["']?(?:x_)?${AGENDA_BLOCK_ID}["'\\s/>][^>]*>`, 'gi');
const DIV_TAG = /<(\/?)div\b[^>]*>/gi;

/** Start and end (exclusive) of every agenda block in `html`, in document order. */
export function findAgendaBlocks(html: string): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  BLOCK_START.lastIndex = 0;
  for (let match = BLOCK_START.exec(html); match; match = BLOCK_START.exec(html)) {
    const start = match.index;
    DIV_TAG.lastIndex = start + match[0].length;
    let depth = 1;
    let end: number | undefined;
    for (let tag = DIV_TAG.exec(html); tag; tag = DIV_TAG.exec(html)) {
      depth += tag[1] === '/' ? -1 : 1;
      if (depth === 0) {
        end = tag.index + tag[0].length;
        break;
      }
    }
    if (end === undefined) throw new DamagedAgendaBlockError();
    blocks.push({ start, end });
    BLOCK_START.lastIndex = end;
  }
  return blocks;
}

/** Whether the body already holds an agenda block (the pane then offers "bijwerken" instead of "invoegen"). */
export function hasAgendaBlock(html: string): boolean {
  return findAgendaBlocks(html).length > 0;
}

/**
 * The body with `block` in it: in place of the first earlier block (further copies, e.g. pasted twice by hand, are
 * removed), or else at the top of the body, right after `<body …>` when the HTML is a whole document. Everything
 * else is returned byte for byte.
 */
export function upsertAgendaBlock(html: string, block: string): { html: string; replaced: boolean } {
  const blocks = findAgendaBlocks(html);
  if (blocks.length > 0) {
    let out = '';
    let from = 0;
    blocks.forEach((b, i) => {
      out += html.slice(from, b.start) + (i === 0 ? block : '');
      from = b.end;
    });
    return { html: out + html.slice(from), replaced: true };
  }
  const bodyTag = /<body\b[^>]*>/i.exec(html);
  const at = bodyTag ? bodyTag.index + bodyTag[0].length : 0;
  return { html: html.slice(0, at) + block + html.slice(at), replaced: false };
}
