/**
 * Reads a tagged PDF's structure tree back with pdfjs-dist (legacy build, for Node), as an assistive technology
 * would: per page the structure elements (`getStructTree()`), each with the text of the marked content it owns
 * (`getTextContent({ includeMarkedContent: true })`). The tests check the tree a reader gets, not what we meant to tag.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { lineBreakAfter, normalise } from './pdf-text.js';

/** A structure element: its role (H1, P, Table, TH, …), its alternate text, its own text and its children in order. */
export type StructNode = { role: string; alt?: string; text: string; children: StructNode[] };

type RawNode = { role?: string; alt?: string; type?: string; id?: string; children?: RawNode[] };
type MarkedItem = { type?: string; id?: string | null; str?: string; hasEOL?: boolean };

/** The text of every marked-content id on a page (nested marks give their text to each enclosing id). */
function textPerId(items: readonly MarkedItem[]): Map<string, string> {
  const texts = new Map<string, string>();
  const open: (string | null)[] = [];
  // The separator the previous run asked for: a space, or nothing after a line broken at a word's own hyphen.
  let separator = ' ';
  for (const item of items) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? null);
    else if (item.type === 'endMarkedContent') open.pop();
    else if (typeof item.str === 'string') {
      for (const id of open)
        if (id) texts.set(id, `${texts.get(id) ?? ''}${texts.has(id) ? separator : ''}${item.str}`);
      separator = lineBreakAfter(item.str, item.hasEOL === true) === '' ? '' : ' ';
    }
  }
  return texts;
}

function convert(raw: RawNode, texts: Map<string, string>): StructNode {
  const children: StructNode[] = [];
  let own = '';
  for (const child of raw.children ?? []) {
    if (child.type === 'content' && child.id) own += ` ${texts.get(child.id) ?? ''}`;
    else if (child.role !== undefined) children.push(convert(child, texts));
  }
  const text = normalise([own, ...children.map((c) => c.text)].join(' '));
  return { role: raw.role ?? '', ...(raw.alt ? { alt: raw.alt } : {}), text, children };
}

/** The structure tree of every page (its root's children), in page order. */
export async function readStructure(bytes: Uint8Array): Promise<StructNode[][]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: StructNode[][] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const tree = (await page.getStructTree()) as RawNode | null;
      const content = await page.getTextContent({ includeMarkedContent: true });
      const texts = textPerId(content.items as MarkedItem[]);
      pages.push(tree ? convert(tree, texts).children : []);
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** Every element of the trees, depth first in reading order. */
export function allNodes(roots: readonly StructNode[]): StructNode[] {
  return roots.flatMap((r) => [r, ...allNodes(r.children)]);
}

/** The children of `node` with this role. */
export function childrenWithRole(node: StructNode, role: string): StructNode[] {
  return node.children.filter((c) => c.role === role);
}
