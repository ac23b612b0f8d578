/**
 * The path below `_api/` of a SharePoint REST request, as segments with optional arguments:
 * `web/lists/getByTitle('Acties')/views('1f…')/viewfields/addviewfield('Status')`, `items(3)`,
 * `lists(guid'1f…')`. Quotes inside string arguments are doubled (`'O''Brien'`), as OData v3 writes them.
 */
import { SharePointError, SP_CODES } from './errors.js';

export type RestArg = string | number | boolean;

export type Segment = {
  /** As written. */
  name: string;
  /** Lower case, for matching: SharePoint REST names are not case sensitive. */
  key: string;
  /** Undefined without parentheses; `[]` for `name()`. */
  args?: RestArg[];
};

function invalid(message: string): SharePointError {
  return new SharePointError(400, SP_CODES.invalidQuery, message);
}

/** Splits on `separator` outside quotes and parentheses. */
function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth += 1;
    else if (!quoted && ch === ')') depth -= 1;
    if (ch === separator && depth === 0 && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (quoted || depth !== 0) throw invalid(`The path segment '${text}' has unbalanced quotes or parentheses.`);
  parts.push(current);
  return parts;
}

function parseArg(raw: string): RestArg {
  const text = raw.trim();
  const named = /^[A-Za-z_]\w*\s*=\s*(.+)$/.exec(text);
  if (named?.[1]) return parseArg(named[1]);
  const guid = /^guid'([0-9a-f-]{36})'$/i.exec(text);
  if (guid?.[1]) return guid[1].toLowerCase();
  if (text.startsWith("'") && text.endsWith("'") && text.length >= 2) return text.slice(1, -1).replace(/''/g, "'");
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  throw invalid(`The argument '${text}' is not a valid OData literal.`);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalid(`The path segment '${text}' is not valid percent-encoding.`);
  }
}

/** Parses the (still percent-encoded) path below `_api/`. */
export function parseRestPath(encodedPath: string): Segment[] {
  const trimmed = encodedPath.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return [];
  return splitOutside(decode(trimmed), '/').map((raw) => {
    const open = raw.indexOf('(');
    if (open < 0) return { name: raw, key: raw.toLowerCase() };
    if (!raw.endsWith(')')) throw invalid(`The path segment '${raw}' is not valid.`);
    const name = raw.slice(0, open);
    const inner = raw.slice(open + 1, -1);
    const args = inner.trim() === '' ? [] : splitOutside(inner, ',').map(parseArg);
    return { name, key: name.toLowerCase(), args };
  });
}
