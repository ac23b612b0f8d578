/** Reads a .docx back: the paragraphs of word/document.xml with their style and text, the footer, the styles. */
import { normalise } from './pdf-text.js';
import { zipEntries } from './zip.js';

export type DocxParagraph = { style?: string; text: string };
export type DocxText = {
  paragraphs: DocxParagraph[];
  text: string;
  documentXml: string;
  footerXml: string;
  stylesXml: string;
  coreXml: string;
};

function decode(xml: string): string {
  return xml.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

function paragraphText(p: string): string {
  let out = '';
  for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t\/>|<w:br\/>|<w:tab\/>/g)) {
    if (m[1] !== undefined) out += decode(m[1]);
    else out += m[0] === '<w:br/>' ? '\n' : m[0] === '<w:tab/>' ? '\t' : '';
  }
  return out;
}

export function readDocx(bytes: Uint8Array): DocxText {
  const files = zipEntries(bytes);
  const get = (name: string) => {
    const f = files.get(name);
    if (!f) throw new Error(`${name} missing from the .docx`);
    return f.toString('utf8');
  };
  const documentXml = get('word/document.xml');
  const footerName = [...files.keys()].find((n) => /^word\/footer\d*\.xml$/.test(n));
  const paragraphs: DocxParagraph[] = [];
  for (const m of documentXml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>|<w:p\/>/g)) {
    const body = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1];
    paragraphs.push({ ...(style ? { style } : {}), text: paragraphText(body) });
  }
  return {
    paragraphs,
    text: normalise(paragraphs.map((p) => p.text).join('\n')),
    documentXml,
    footerXml: footerName ? get(footerName) : '',
    stylesXml: get('word/styles.xml'),
    coreXml: get('docProps/core.xml'),
  };
}
