/**
 * Puts the agenda block into an invitation's HTML body, or replaces the block inserted earlier, leaving everything
 * the organiser wrote around it as it was.
 *
 * The block is found by its id. Outlook rewrites bodies it hands back: Outlook on the web and new Outlook prefix ids
 * and classes with `x_` in some paths, and every client may add wrapping elements, so the search accepts an optional
 * `x_` prefix and finds the block's end by counting nested `<div>`s rather than by a fixed closing text. The block's
 * stamp (block-stamp.ts) tells whether the organiser typed in it since: that text is kept on an update. Works on the
 * HTML as a string (no DOM), so the same code runs in the task pane and in Node unit tests.
 */
import { AGENDA_BLOCK_ID, escapeHtml } from './agenda-html.js';
import { blockStamp, stampInTag } from './block-stamp.js';

/** The earlier block is there but its end cannot be found (the organiser edited the HTML); nothing is changed. */
export class DamagedAgendaBlockError extends Error {
  override readonly name = 'DamagedAgendaBlockError';
  constructor() {
    super('The agenda block inserted earlier has no end; the body was left unchanged.');
  }
}

const BLOCK_START = new RegExp(`<div\\b[^>]*\\bid\\s*=\\s*["']?(?:x_)?${AGENDA_BLOCK_ID}["'\\s/>][^>]*>`, 'gi');
const DIV_TAG = /<(\/?)div\b[^>]*>/gi;

/** An agenda block in a body: where it starts and ends, where its content is, and its stamp (block-stamp.ts). */
export type AgendaBlock = { start: number; end: number; contentStart: number; contentEnd: number; stamp?: string };

/** Start and end (exclusive) of every agenda block in `html`, in document order, with its content and stamp. */
export function findAgendaBlocks(html: string): AgendaBlock[] {
  const blocks: AgendaBlock[] = [];
  BLOCK_START.lastIndex = 0;
  for (let match = BLOCK_START.exec(html); match; match = BLOCK_START.exec(html)) {
    const start = match.index;
    const contentStart = start + match[0].length;
    DIV_TAG.lastIndex = contentStart;
    let depth = 1;
    let end: number | undefined;
    let contentEnd = contentStart;
    for (let tag = DIV_TAG.exec(html); tag; tag = DIV_TAG.exec(html)) {
      depth += tag[1] === '/' ? -1 : 1;
      if (depth === 0) {
        contentEnd = tag.index;
        end = tag.index + tag[0].length;
        break;
      }
    }
    if (end === undefined) throw new DamagedAgendaBlockError();
    const stamp = stampInTag(match[0]);
    blocks.push({ start, end, contentStart, contentEnd, ...(stamp ? { stamp } : {}) });
    BLOCK_START.lastIndex = end;
  }
  return blocks;
}

/**
 * Whether someone typed in the block after it was inserted: its words no longer match its stamp. A block without a
 * stamp (inserted before blocks had one) cannot tell, and is replaced as it always was: keeping every such block
 * would put a second, outdated agenda in each invitation on its first update.
 */
export function isEditedBlock(html: string, block: AgendaBlock): boolean {
  return block.stamp !== undefined && block.stamp !== blockStamp(html.slice(block.contentStart, block.contentEnd));
}

/**
 * What the body holds: no agenda block, the block as inserted, or a block with the organiser's own edits in it (the
 * pane then offers "bijwerken" instead of "invoegen", and says whether edits will be kept).
 */
export function agendaBlockState(html: string): 'none' | 'inserted' | 'edited' {
  const blocks = findAgendaBlocks(html);
  if (blocks.length === 0) return 'none';
  return blocks.some((b) => isEditedBlock(html, b)) ? 'edited' : 'inserted';
}

/**
 * The body with `block` in it: in place of the first earlier block (further copies, e.g. pasted twice by hand, are
 * removed), or else at the top of the body, right after `<body …>` when the HTML is a whole document. Everything
 * else is returned byte for byte. An earlier block with the organiser's own edits in it is not thrown away: its
 * content stays right after the new block, as ordinary text under `keptLabel` (plain text, escaped here), without the
 * block's id, so a later update leaves it alone.
 * @returns `keptEdits`: an edited block's text was kept
 */
export function upsertAgendaBlock(
  html: string,
  block: string,
  keptLabel = '',
): { html: string; replaced: boolean; keptEdits: boolean } {
  const blocks = findAgendaBlocks(html);
  if (blocks.length > 0) {
    let out = '';
    let from = 0;
    let keptEdits = false;
    blocks.forEach((b, i) => {
      out += html.slice(from, b.start) + (i === 0 ? block : '');
      if (isEditedBlock(html, b)) {
        keptEdits = true;
        out += `<div><p><em>${escapeHtml(keptLabel)}</em></p>${html.slice(b.contentStart, b.contentEnd)}</div>`;
      }
      from = b.end;
    });
    return { html: out + html.slice(from), replaced: true, keptEdits };
  }
  const bodyTag = /<body\b[^>]*>/i.exec(html);
  const at = bodyTag ? bodyTag.index + bodyTag[0].length : 0;
  return { html: html.slice(0, at) + block + html.slice(at), replaced: false, keptEdits: false };
}
