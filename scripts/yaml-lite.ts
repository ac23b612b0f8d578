/**
 * A deliberately small YAML reader for the Microsoft 365 Agents Toolkit project files
 * (`teamsapp.yml`, `teamsapp.local.yml`). The project has no YAML dependency of its own, and these
 * files use a narrow, regular part of YAML: block mappings and block sequences (also the compact
 * `key:\n- item` form), plain and quoted scalars, and `#` comments.
 *
 * Everything outside that part is refused with a line number instead of being guessed at: flow
 * collections (`[a]`, `{a: b}`), block scalars (`|`, `>`), anchors, aliases, tags, documents
 * (`---`), tabs used for indentation, and duplicate keys. A file the toolkit would read
 * differently therefore fails the check loudly rather than passing it quietly.
 *
 * Plain scalars become strings, except `true`/`false`, `null`/`~` and integers, as in YAML 1.2's
 * core schema. `${{VAR}}` placeholders are ordinary text to YAML and stay as they are.
 */

export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };
export type YamlMapping = { [key: string]: YamlValue };

export class YamlLiteError extends Error {
  override readonly name = 'YamlLiteError';
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

type Line = { indent: number; text: string; line: number };

/** Removes a trailing comment: `#` at the start or after whitespace, outside quotes. */
function stripComment(raw: string, lineNo: number): string {
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') quote = undefined;
    } else if (quote === "'") {
      if (ch === "'" && raw[i + 1] === "'") i++;
      else if (ch === "'") quote = undefined;
    } else if (ch === '#' && (i === 0 || raw[i - 1] === ' ')) {
      return raw.slice(0, i).trimEnd();
    } else if ((ch === '"' || ch === "'") && (i === 0 || /[\s:[{,-]/.test(raw[i - 1] ?? ''))) {
      quote = ch;
    }
  }
  if (quote) throw new YamlLiteError('unterminated quoted scalar', lineNo);
  return raw.trimEnd();
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    const leading = /^[ \t]*/.exec(raw)?.[0] ?? '';
    if (leading.includes('\t') && raw.trim() !== '') throw new YamlLiteError('tabs are not allowed for indentation', lineNo);
    const content = stripComment(raw.slice(leading.length), lineNo);
    if (content === '') return;
    if (content === '---' || content === '...' || content.startsWith('--- ')) {
      throw new YamlLiteError('document markers are not supported', lineNo);
    }
    lines.push({ indent: leading.length, text: content, line: lineNo });
  });
  return lines;
}

/** Index of the `:` that ends a mapping key (followed by a space or the end), outside quotes; -1 if none. */
function keyColon(text: string): number {
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"') {
      if (ch === '\\') i++;
      else if (ch === '"') quote = undefined;
    } else if (quote === "'") {
      if (ch === "'" && text[i + 1] === "'") i++;
      else if (ch === "'") quote = undefined;
    } else if ((ch === '"' || ch === "'") && i === 0) {
      quote = ch;
    } else if (ch === ':' && (i === text.length - 1 || text[i + 1] === ' ')) {
      return i;
    }
  }
  return -1;
}

function isSequenceEntry(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** Reads one scalar (plain, single- or double-quoted) as YAML 1.2's core schema does. */
export function parseScalar(text: string, lineNo: number): YamlValue {
  const first = text[0];
  if (first === '"') {
    if (!text.endsWith('"') || text.length < 2) throw new YamlLiteError(`malformed double-quoted scalar ${text}`, lineNo);
    const body = text.slice(1, -1);
    let out = '';
    for (let i = 0; i < body.length; i++) {
      const ch = body[i];
      if (ch === '"') throw new YamlLiteError(`unescaped quote in ${text}`, lineNo);
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const next = body[++i];
      const escapes: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', r: '\r', '0': '\0' };
      const mapped = next === undefined ? undefined : escapes[next];
      if (mapped === undefined) throw new YamlLiteError(`unsupported escape \\${next ?? ''} in ${text}`, lineNo);
      out += mapped;
    }
    return out;
  }
  if (first === "'") {
    if (!text.endsWith("'") || text.length < 2) throw new YamlLiteError(`malformed single-quoted scalar ${text}`, lineNo);
    const body = text.slice(1, -1);
    if (/(^|[^'])'([^']|$)/.test(body.replace(/''/g, ''))) throw new YamlLiteError(`unescaped quote in ${text}`, lineNo);
    return body.replace(/''/g, "'");
  }
  if (first === '[' || first === '{') throw new YamlLiteError(`flow collections are not supported: ${text}`, lineNo);
  if (first === '|' || first === '>') throw new YamlLiteError(`block scalars are not supported: ${text}`, lineNo);
  if (first === '&' || first === '*' || first === '!') throw new YamlLiteError(`anchors, aliases and tags are not supported: ${text}`, lineNo);
  if (first === '@' || first === '`' || first === '%') throw new YamlLiteError(`a plain scalar cannot start with ${first}`, lineNo);
  if (/: /.test(text) || text.endsWith(':')) throw new YamlLiteError(`a plain scalar cannot contain ": " (quote it): ${text}`, lineNo);
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (text === 'null' || text === 'Null' || text === 'NULL' || text === '~') return null;
  if (/^[-+]?\d+$/.test(text)) return Number(text);
  return text;
}

class Reader {
  private index = 0;
  constructor(private readonly lines: Line[]) {}

  read(): YamlValue {
    if (this.lines.length === 0) return null;
    const first = this.lines[0];
    if (first && first.indent !== 0) throw new YamlLiteError('the document must start at column 1', first.line);
    const value = this.node(0);
    const rest = this.lines[this.index];
    if (rest) throw new YamlLiteError(`unexpected indentation or content: ${rest.text}`, rest.line);
    return value;
  }

  private peek(): Line | undefined {
    return this.lines[this.index];
  }

  /** A block node whose first line is indented by `indent` exactly. */
  private node(indent: number): YamlValue {
    const line = this.peek();
    if (!line || line.indent !== indent) return null;
    return isSequenceEntry(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = this.peek(); line && line.indent === indent && isSequenceEntry(line.text); line = this.peek()) {
      const rest = line.text === '-' ? '' : line.text.slice(2).replace(/^ +/, '');
      if (rest === '') {
        this.index++;
        const next = this.peek();
        items.push(next && next.indent > indent ? this.node(next.indent) : null);
        continue;
      }
      // "- key: value" or "- - x": the rest of the line is the first line of a nested block, at the
      // column where it starts; replace the line by that virtual line and read the block.
      const column = indent + (line.text.length - rest.length);
      if (isSequenceEntry(rest) || keyColon(rest) >= 0) {
        this.lines[this.index] = { indent: column, text: rest, line: line.line };
        items.push(this.node(column));
      } else {
        this.index++;
        items.push(parseScalar(rest, line.line));
        this.noDeeperLines(indent, line.line);
      }
    }
    return items;
  }

  private mapping(indent: number): YamlMapping {
    const map: YamlMapping = {};
    for (let line = this.peek(); line && line.indent === indent && !isSequenceEntry(line.text); line = this.peek()) {
      const colon = keyColon(line.text);
      if (colon < 0) throw new YamlLiteError(`expected "key: value", found ${line.text}`, line.line);
      const rawKey = line.text.slice(0, colon).trim();
      const key = parseScalar(rawKey, line.line);
      if (typeof key !== 'string' || key === '') throw new YamlLiteError(`mapping keys must be text: ${rawKey}`, line.line);
      if (Object.prototype.hasOwnProperty.call(map, key)) throw new YamlLiteError(`duplicate key ${key}`, line.line);
      const valueText = line.text.slice(colon + 1).trim();
      this.index++;
      if (valueText !== '') {
        map[key] = parseScalar(valueText, line.line);
        this.noDeeperLines(indent, line.line);
        continue;
      }
      const next = this.peek();
      if (next && next.indent > indent) map[key] = this.node(next.indent);
      else if (next && next.indent === indent && isSequenceEntry(next.text)) map[key] = this.sequence(indent);
      else map[key] = null;
    }
    return map;
  }

  /** After a scalar, a more indented line would be a multi-line plain scalar: not supported. */
  private noDeeperLines(indent: number, lineNo: number): void {
    const next = this.peek();
    if (next && next.indent > indent) {
      throw new YamlLiteError(`multi-line scalars are not supported (continues on line ${next.line})`, lineNo);
    }
  }
}

/** Parses the supported subset of YAML; throws {@link YamlLiteError} with a line number otherwise. */
export function parseYamlLite(text: string): YamlValue {
  return new Reader(toLines(text)).read();
}
