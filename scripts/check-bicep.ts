/**
 * An offline structural check of a Bicep file. There is no Bicep CLI on the machines this project is
 * built on (and `arm/deploy` must not download one), so this covers what can be checked from the text:
 *
 * - brackets, braces and parentheses balance, and strings and comments are terminated (string
 *   interpolation `${...}` and `'''` multi-line strings are understood);
 * - every `param` and `var` is used somewhere outside its own declaration;
 * - every `resource` names its type with an API version (`Type@yyyy-mm-dd`, `-preview` is a warning);
 * - outputs have unique UPPER_SNAKE_CASE names (the toolkit writes them to the env file upper-cased,
 *   so the name in Bicep is the variable name), are not objects (the toolkit would flatten them into
 *   `NAME__KEY` variables), and never expose a `@secure()` parameter;
 * - a `@secure()` parameter has no default value.
 *
 * It also reads what the deploy checks need: parameters with their decorators and defaults, outputs,
 * resources, and the key/value pairs of a resource's `properties` (the web app's app settings).
 * It is not a compiler: types, property names and expressions are left to `az deployment` / the toolkit.
 */

export type BicepParam = {
  name: string;
  type: string;
  hasDefault: boolean;
  secure: boolean;
  decorators: string[];
  line: number;
  endLine: number;
};
export type BicepOutput = { name: string; type: string; expression: string; line: number };
export type BicepResource = {
  symbol: string;
  type: string;
  apiVersion?: string;
  existing: boolean;
  line: number;
  body: string;
};
export type BicepVar = { name: string; line: number; endLine: number };

export type BicepFile = {
  params: BicepParam[];
  vars: BicepVar[];
  outputs: BicepOutput[];
  resources: BicepResource[];
  /** Problems found while scanning (unbalanced brackets, unterminated strings or comments). */
  scanProblems: string[];
  /** The code with comments removed and literal string text blanked (interpolations kept); same line layout. */
  code: string;
};

export type LintResult = { errors: string[]; warnings: string[] };

/** A literal value (`'text'`) or any other expression, as written. */
export type BicepValue = { literal?: string; expression: string; line: number };

type Bracket = { ch: string; line: number };

/**
 * Blanks comments and literal string text (keeping quotes, newlines and `${...}` interpolations), and
 * checks that brackets balance along the way.
 */
export function scanBicep(text: string): { code: string; problems: string[] } {
  const out: string[] = [];
  const problems: string[] = [];
  // One stack for brackets, interpolations ('${') and strings ("'"): the innermost context decides.
  const brackets: Bracket[] = [];
  let line = 1;
  const blank = (ch: string) => (ch === '\n' ? '\n' : ' ');
  const closing: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const inString = brackets[brackets.length - 1]?.ch === "'";
    if (ch === '\n') line++;

    if (inString) {
      if (ch === '\n') {
        // Single-quoted Bicep strings end on their line.
        problems.push(`line ${line - 1}: unterminated string`);
        brackets.pop();
        out.push('\n');
      } else if (ch === '\\') {
        out.push(' ', blank(text[i + 1] ?? ''));
        if (text[i + 1] === '\n') line++;
        i++;
      } else if (ch === "'") {
        brackets.pop();
        out.push("'");
      } else if (ch === '$' && text[i + 1] === '{') {
        brackets.push({ ch: '${', line });
        out.push('${');
        i++;
      } else {
        out.push(blank(ch));
      }
      continue;
    }

    if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        out.push(' ');
        i++;
      }
      if (i < text.length) {
        out.push('\n');
        line++;
      }
      continue;
    }
    if (ch === '/' && text[i + 1] === '*') {
      const start = line;
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let j = i; j < stop; j++) {
        out.push(blank(text[j] ?? ''));
        if (text[j] === '\n' && j !== i) line++;
      }
      if (end < 0) problems.push(`line ${start}: unterminated /* comment`);
      i = stop - 1;
      continue;
    }
    if (ch === "'" && text.startsWith("'''", i)) {
      const start = line;
      const end = text.indexOf("'''", i + 3);
      const stop = end < 0 ? text.length : end + 3;
      out.push("'''");
      for (let j = i + 3; j < stop - (end < 0 ? 0 : 3); j++) {
        out.push(blank(text[j] ?? ''));
        if (text[j] === '\n') line++;
      }
      if (end < 0) problems.push(`line ${start}: unterminated ''' string`);
      else out.push("'''");
      i = stop - 1;
      continue;
    }
    if (ch === "'") {
      brackets.push({ ch: "'", line });
      out.push("'");
      continue;
    }
    if (ch === '(' || ch === '[' || ch === '{') {
      brackets.push({ ch, line });
      out.push(ch);
      continue;
    }
    if (ch === ')' || ch === ']' || ch === '}') {
      const top = brackets[brackets.length - 1];
      if (ch === '}' && top?.ch === '${') {
        brackets.pop();
        out.push('}');
        continue;
      }
      if (!top) problems.push(`line ${line}: '${ch}' closes nothing`);
      else if (top.ch !== closing[ch])
        problems.push(`line ${line}: '${ch}' closes '${top.ch}' opened on line ${top.line}`);
      if (top) brackets.pop();
      out.push(ch);
      continue;
    }
    out.push(ch);
  }
  for (const open of brackets) {
    if (open.ch === "'") problems.push(`line ${open.line}: unterminated string`);
    else if (open.ch === '${') problems.push(`line ${open.line}: unterminated \${...} interpolation`);
    else problems.push(`line ${open.line}: '${open.ch}' is never closed`);
  }
  return { code: out.join(''), problems };
}

type Statement = { keyword: string; startLine: number; lines: string[]; originalLines: string[]; decorators: string[] };

const DECLARATION = /^(param|var|resource|output|module|targetScope|type|func|import|metadata|extension|using)\b/;

/** Splits the file into top-level statements (each with the decorators written above it). */
function statements(code: string, original: string): Statement[] {
  const codeLines = code.split('\n');
  const originalLines = original.split('\n');
  const result: Statement[] = [];
  let depth = 0;
  let pendingDecorators: string[] = [];
  let decorator: string[] | undefined;
  let current: Statement | undefined;
  codeLines.forEach((codeLine, index) => {
    const trimmed = codeLine.trim();
    if (depth === 0 && trimmed !== '') {
      if (trimmed.startsWith('@')) {
        decorator = [];
        current = undefined;
      } else if (DECLARATION.test(trimmed)) {
        decorator = undefined;
        current = {
          keyword: trimmed.split(/\s/)[0] ?? '',
          startLine: index + 1,
          lines: [],
          originalLines: [],
          decorators: pendingDecorators,
        };
        pendingDecorators = [];
        result.push(current);
      }
    }
    if (decorator) decorator.push(originalLines[index] ?? '');
    else if (current) {
      current.lines.push(codeLine);
      current.originalLines.push(originalLines[index] ?? '');
    }
    for (const ch of codeLine) {
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    }
    // '${' inside strings counted one '{' and its '}' one close: balanced, so depth stays right.
    if (decorator && depth === 0) {
      pendingDecorators.push(decorator.join('\n').trim());
      decorator = undefined;
    }
  });
  return result;
}

/** Reads the declarations of a Bicep file (see the file comment for what is and is not understood). */
export function parseBicep(text: string): BicepFile {
  const { code, problems } = scanBicep(text);
  const file: BicepFile = { params: [], vars: [], outputs: [], resources: [], scanProblems: problems, code };
  for (const statement of statements(code, text)) {
    const head = statement.originalLines.join('\n').trim();
    const codeHead = statement.lines.join('\n').trim();
    if (statement.keyword === 'param') {
      const match = /^param\s+(\w+)\s+([\w.]+)(\s*=)?/.exec(codeHead);
      if (!match) continue;
      file.params.push({
        name: match[1] ?? '',
        type: match[2] ?? '',
        hasDefault: match[3] !== undefined,
        secure: statement.decorators.some((d) => /^@(sys\.)?secure\(\s*\)/.test(d)),
        decorators: statement.decorators,
        line: statement.startLine,
        endLine: statement.startLine + statement.lines.length - 1,
      });
    } else if (statement.keyword === 'var') {
      const match = /^var\s+(\w+)/.exec(codeHead);
      if (match)
        file.vars.push({
          name: match[1] ?? '',
          line: statement.startLine,
          endLine: statement.startLine + statement.lines.length - 1,
        });
    } else if (statement.keyword === 'output') {
      // The expression as code (comments and literal text blanked), so a comment never counts as a reference.
      const match = /^output\s+(\w+)\s+([\w.]+)\s*=\s*([\s\S]*)$/.exec(codeHead);
      if (match)
        file.outputs.push({
          name: match[1] ?? '',
          type: match[2] ?? '',
          expression: (match[3] ?? '').trim(),
          line: statement.startLine,
        });
    } else if (statement.keyword === 'resource') {
      const match = /^resource\s+(\w+)\s+'([^'@]+)(?:@([^']*))?'\s*(existing\b)?/.exec(head);
      if (!match) continue;
      const resource: BicepResource = {
        symbol: match[1] ?? '',
        type: match[2] ?? '',
        existing: match[4] !== undefined,
        line: statement.startLine,
        body: statement.originalLines.join('\n'),
      };
      if (match[3] !== undefined) resource.apiVersion = match[3];
      file.resources.push(resource);
    }
  }
  return file;
}

/** The code with the lines `from`..`to` (1-based, inclusive) blanked: where to look for references. */
function codeOutside(code: string, from: number, to: number): string {
  return code
    .split('\n')
    .map((line, index) => (index + 1 >= from && index + 1 <= to ? '' : line))
    .join('\n');
}

function referenced(code: string, name: string): boolean {
  return new RegExp(`(?<![\\w.])${name}\\b`).test(code);
}

/** The structural lint described in the file comment. */
export function lintBicep(file: BicepFile, label = 'azure.bicep'): LintResult {
  const errors = file.scanProblems.map((p) => `${label}: ${p}`);
  const warnings: string[] = [];

  const symbols = new Map<string, number>();
  for (const s of [
    ...file.params.map((p) => p.name),
    ...file.vars.map((v) => v.name),
    ...file.resources.map((r) => r.symbol),
  ]) {
    symbols.set(s, (symbols.get(s) ?? 0) + 1);
  }
  for (const [name, count] of symbols)
    if (count > 1) errors.push(`${label}: the symbol ${name} is declared ${count} times`);

  for (const param of file.params) {
    if (!referenced(codeOutside(file.code, param.line, param.endLine), param.name)) {
      errors.push(`${label}: param ${param.name} (line ${param.line}) is never used`);
    }
    if (param.secure && param.hasDefault)
      errors.push(`${label}: @secure() param ${param.name} must not have a default value`);
  }
  for (const v of file.vars) {
    if (!referenced(codeOutside(file.code, v.line, v.endLine), v.name))
      errors.push(`${label}: var ${v.name} (line ${v.line}) is never used`);
  }
  for (const resource of file.resources) {
    if (resource.apiVersion === undefined) {
      errors.push(
        `${label}: resource ${resource.symbol} (line ${resource.line}) has no API version ('${resource.type}@<version>')`,
      );
    } else if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(resource.apiVersion)) {
      errors.push(`${label}: resource ${resource.symbol} has a malformed API version '${resource.apiVersion}'`);
    } else if (resource.apiVersion.endsWith('-preview')) {
      warnings.push(`${label}: resource ${resource.symbol} uses a preview API version (${resource.apiVersion})`);
    }
  }
  const outputNames = new Set<string>();
  const secureParams = file.params.filter((p) => p.secure);
  for (const output of file.outputs) {
    if (outputNames.has(output.name.toUpperCase()))
      errors.push(`${label}: output ${output.name} is declared twice (names are compared upper-cased)`);
    outputNames.add(output.name.toUpperCase());
    if (!/^[A-Z][A-Z0-9_]*$/.test(output.name)) {
      errors.push(
        `${label}: output ${output.name} should be UPPER_SNAKE_CASE: the toolkit writes it to the env file as ${output.name.toUpperCase()}`,
      );
    }
    if (output.type === 'object' || output.type === 'array') {
      errors.push(
        `${label}: output ${output.name} is an ${output.type}; the toolkit flattens it into ${output.name.toUpperCase()}__* variables. Use one string output per variable.`,
      );
    }
    for (const secure of secureParams) {
      if (referenced(output.expression, secure.name))
        errors.push(`${label}: output ${output.name} exposes the @secure() param ${secure.name}`);
    }
    if (
      /listKeys|listSecrets|connectionString|ConnectionString|instrumentationKey|InstrumentationKey/.test(
        output.expression,
      )
    ) {
      errors.push(
        `${label}: output ${output.name} exposes a key or connection string; outputs are written to the committed env file`,
      );
    }
  }
  return { errors, warnings };
}

/**
 * The `key: value` pairs of `properties` in the resource named `symbol` (for app settings). Values
 * that are a plain `'...'` string without interpolation come back as `literal`.
 */
export function resourceProperties(file: BicepFile, symbol: string): Map<string, BicepValue> | undefined {
  const resource = file.resources.find((r) => r.symbol === symbol);
  if (!resource) return undefined;
  const codeLines = file.code.split('\n').slice(resource.line - 1);
  const originalLines = resource.body.split('\n');
  const result = new Map<string, BicepValue>();
  let depth = 0;
  let propertiesDepth: number | undefined;
  for (let i = 0; i < originalLines.length; i++) {
    const codeLine = codeLines[i] ?? '';
    // Cut the original where the code ends, which drops a trailing comment.
    const original = (originalLines[i] ?? '').slice(0, codeLine.trimEnd().length);
    if (propertiesDepth === undefined && depth === 1 && /^\s*properties\s*:\s*\{/.test(codeLine)) {
      propertiesDepth = depth + 1;
    } else if (propertiesDepth !== undefined && depth === propertiesDepth) {
      const match = /^\s*'?([\w.-]+)'?\s*:\s*(.+?)\s*$/.exec(original);
      if (match && /^\s*'?[\w.-]+'?\s*:/.test(codeLine)) {
        const expression = match[2] ?? '';
        const literal = /^'((?:[^'\\]|\\.)*)'$/.exec(expression);
        const value: BicepValue = { expression, line: resource.line + i };
        if (literal && !expression.includes('${')) value.literal = (literal[1] ?? '').replace(/\\(.)/g, '$1');
        result.set(match[1] ?? '', value);
      }
    }
    for (const ch of codeLine) {
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth--;
    }
    if (propertiesDepth !== undefined && depth < propertiesDepth) break;
    if (i > 0 && depth === 0) break;
  }
  return result;
}

type ParametersFile = { parameters?: Record<string, { value?: unknown; reference?: unknown }> };

/**
 * Checks an ARM parameters file against the template: every value names a declared parameter,
 * every parameter without a default gets a value, and `${{SECRET_*}}` only feeds `@secure()` params.
 */
export function checkParameterFile(
  file: BicepFile,
  parametersJson: unknown,
  label = 'azure.parameters.json',
): LintResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const parameters = (parametersJson as ParametersFile | null)?.parameters;
  if (!parameters || typeof parameters !== 'object') {
    return { errors: [`${label}: has no "parameters" object`], warnings };
  }
  const declared = new Map(file.params.map((p) => [p.name, p]));
  for (const [name, entry] of Object.entries(parameters)) {
    const param = declared.get(name);
    if (!param) {
      errors.push(`${label}: parameter ${name} is not declared in the template`);
      continue;
    }
    const text = JSON.stringify(entry?.value ?? '');
    if (/\$\{\{\s*SECRET_/.test(text) && !param.secure)
      errors.push(`${label}: ${name} receives a SECRET_ value, but param ${name} is not @secure()`);
    if (param.secure && entry?.value !== undefined && !/\$\{\{/.test(text)) {
      errors.push(
        `${label}: @secure() param ${name} has a literal value in a committed file; pass it as \${{SECRET_...}}`,
      );
    }
  }
  for (const param of file.params) {
    if (!param.hasDefault && !(param.name in parameters))
      errors.push(`${label}: param ${param.name} has no default and no value`);
  }
  return { errors, warnings };
}
