/**
 * Just enough XML to check a view's CAML (`ViewQuery`): a fragment parser for elements,
 * attributes and text, without DTDs, comments, CDATA or processing instructions.
 */
import { badArgument } from './errors.js';

export type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[] };

const NAME = /^[A-Za-z_][\w.-]*/;

/** Parses an XML fragment (several top-level elements allowed). Throws 400 on anything malformed. */
export function parseXmlFragment(text: string): XmlElement[] {
  let pos = 0;
  const fail = (message: string): never => {
    throw badArgument(`The view query is not well-formed XML: ${message} at position ${pos}.`);
  };

  const parseAttributes = (): Record<string, string> => {
    const attributes: Record<string, string> = {};
    for (;;) {
      const ws = /^\s*/.exec(text.slice(pos));
      pos += ws?.[0].length ?? 0;
      const name = NAME.exec(text.slice(pos))?.[0];
      if (!name) return attributes;
      pos += name.length;
      const eq = /^\s*=\s*/.exec(text.slice(pos));
      if (!eq) fail(`attribute '${name}' has no value`);
      pos += eq?.[0].length ?? 0;
      const quote = text[pos];
      if (quote !== '"' && quote !== "'") fail(`attribute '${name}' is not quoted`);
      const end = text.indexOf(quote ?? '"', pos + 1);
      if (end < 0) fail(`attribute '${name}' is not closed`);
      if (name in attributes) fail(`attribute '${name}' appears twice`);
      attributes[name] = text.slice(pos + 1, end);
      pos = end + 1;
    }
  };

  const parseChildren = (closing: string | undefined): XmlElement[] => {
    const children: XmlElement[] = [];
    while (pos < text.length) {
      const lt = text.indexOf('<', pos);
      if (lt < 0) {
        pos = text.length;
        break;
      }
      pos = lt;
      if (text.startsWith('</', pos)) {
        pos += 2;
        const name = NAME.exec(text.slice(pos))?.[0];
        if (!name || name !== closing)
          fail(`unexpected closing tag '${name ?? ''}'${closing ? ` (expected '${closing}')` : ''}`);
        pos += name?.length ?? 0;
        const gt = /^\s*>/.exec(text.slice(pos));
        if (!gt) fail(`closing tag '${name ?? ''}' is not closed`);
        pos += gt?.[0].length ?? 0;
        return children;
      }
      if (text.startsWith('<!', pos) || text.startsWith('<?', pos))
        fail('comments, CDATA and processing instructions are not allowed');
      pos += 1;
      const name = NAME.exec(text.slice(pos))?.[0];
      if (!name) fail('an element has no name');
      pos += name?.length ?? 0;
      const attributes = parseAttributes();
      const rest = text.slice(pos);
      const selfClosing = /^\s*\/>/.exec(rest);
      if (selfClosing) {
        pos += selfClosing[0].length;
        children.push({ name: name ?? '', attributes, children: [] });
        continue;
      }
      const gt = /^\s*>/.exec(rest);
      if (!gt) fail(`element '${name ?? ''}' is not closed`);
      pos += gt?.[0].length ?? 0;
      children.push({ name: name ?? '', attributes, children: parseChildren(name) });
    }
    if (closing !== undefined) fail(`element '${closing}' is never closed`);
    return children;
  };

  return parseChildren(undefined);
}

/** Every element of a tree, depth first. */
export function allElements(elements: readonly XmlElement[]): XmlElement[] {
  return elements.flatMap((e) => [e, ...allElements(e.children)]);
}
