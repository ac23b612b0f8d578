/**
 * The OData `$filter` subset that Graph accepts on SharePoint list items: a tokenizer, a
 * recursive-descent parser into an AST, and a compiler that binds the AST to typed fields and
 * yields a predicate.
 *
 * Grammar (lowest precedence first; `and` binds tighter than `or`; positions are 0-based
 * character offsets into the filter text):
 *
 *   expression := orExpr
 *   orExpr     := andExpr ( 'or' andExpr )*
 *   andExpr    := unary ( 'and' unary )*
 *   unary      := 'not' unary | primary
 *   primary    := '(' expression ')' | operand [ cmpOp operand ]
 *   cmpOp      := 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge'
 *   operand    := field | literal | call
 *   call       := 'startswith' '(' operand ',' operand ')'
 *   field      := 'id' | 'fields/' name
 *   literal    := string ('' escapes a quote) | number | 'true' | 'false' | 'null'
 *               | dateTime (2025-06-30T00:00:00Z) | date (2025-06-30)
 *
 * `not` takes a whole comparison (`not fields/A eq 1` means `not (fields/A eq 1)`), which is how
 * SharePoint reads it; a bare operand is only allowed where it is a boolean function call.
 */

/** A `$filter` that cannot be parsed or bound. `position` is where the problem starts. */
export class FilterError extends Error {
  readonly position: number;

  constructor(detail: string, position: number) {
    super(`Invalid filter clause: ${detail} (at position ${position}).`);
    this.name = 'FilterError';
    this.position = position;
  }
}

export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge';

export type LiteralValue =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'dateTime'; value: string }
  | { type: 'date'; value: string };

export type FieldNode = { kind: 'field'; path: string; position: number };
export type LiteralNode = { kind: 'literal'; literal: LiteralValue; raw: string; position: number };
export type CallNode = { kind: 'call'; name: 'startswith'; args: OperandNode[]; position: number };
export type OperandNode = FieldNode | LiteralNode | CallNode;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode; position: number }
  | { kind: 'not'; operand: FilterNode; position: number }
  | { kind: 'compare'; op: ComparisonOperator; left: OperandNode; right: OperandNode; position: number }
  | CallNode;

type TokenType = 'word' | 'string' | 'number' | 'dateTime' | 'date' | 'lparen' | 'rparen' | 'comma' | 'eof';
type Token = { type: TokenType; text: string; value?: string | number; position: number };

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['eq', 'ne', 'lt', 'gt', 'le', 'ge']);

const DATE_TIME_LITERAL = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})/y;
const DATE_LITERAL = /\d{4}-\d{2}-\d{2}(?![\dT:])/y;
const NUMBER_LITERAL = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/y;
const WORD = /[\p{L}_][\p{L}\p{N}_]*(?:\/[\p{L}_][\p{L}\p{N}_]*)*/uy;

function describe(token: Token): string {
  return token.type === 'eof' ? 'end of input' : `'${token.text}'`;
}

/** Splits filter text into tokens, each with its position. */
export function tokenizeFilter(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const matchAt = (re: RegExp): string | undefined => {
    re.lastIndex = i;
    const m = re.exec(text);
    return m ? m[0] : undefined;
  };
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const start = i;
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch, position: start });
      i += 1;
      continue;
    }
    if (ch === "'") {
      let value = '';
      i += 1;
      let closed = false;
      while (i < text.length) {
        const c = text[i];
        if (c === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i += 1;
          closed = true;
          break;
        }
        value += c;
        i += 1;
      }
      if (!closed) throw new FilterError('unterminated string literal', start);
      tokens.push({ type: 'string', text: text.slice(start, i), value, position: start });
      continue;
    }
    if (/[\d-]/.test(ch)) {
      const dateTime = matchAt(DATE_TIME_LITERAL);
      if (dateTime) {
        tokens.push({ type: 'dateTime', text: dateTime, value: dateTime, position: start });
        i += dateTime.length;
        continue;
      }
      const date = matchAt(DATE_LITERAL);
      if (date) {
        tokens.push({ type: 'date', text: date, value: date, position: start });
        i += date.length;
        continue;
      }
      const number = matchAt(NUMBER_LITERAL);
      if (number) {
        tokens.push({ type: 'number', text: number, value: Number(number), position: start });
        i += number.length;
        continue;
      }
      throw new FilterError(`malformed number or date '${text.slice(start, start + 12).split(/\s/)[0]}'`, start);
    }
    const word = matchAt(WORD);
    if (word) {
      tokens.push({ type: 'word', text: word, position: start });
      i += word.length;
      continue;
    }
    throw new FilterError(`unexpected character '${ch}'`, start);
  }
  tokens.push({ type: 'eof', text: '', position: text.length });
  return tokens;
}

class Parser {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.index += 1;
    return token;
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.type === 'word' && token.text.toLowerCase() === word;
  }

  parse(): FilterNode {
    if (this.peek().type === 'eof') throw new FilterError('the filter is empty', 0);
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.type !== 'eof')
      throw new FilterError(`unexpected ${describe(rest)}; expected 'and', 'or' or end of input`, rest.position);
    return node;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      const op = this.next();
      const right = this.parseAnd();
      left = { kind: 'or', left, right, position: op.position };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword('and')) {
      const op = this.next();
      const right = this.parseUnary();
      left = { kind: 'and', left, right, position: op.position };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (this.isKeyword('not')) {
      const op = this.next();
      return { kind: 'not', operand: this.parseUnary(), position: op.position };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): FilterNode {
    const token = this.peek();
    if (token.type === 'lparen') {
      this.next();
      const inner = this.parseOr();
      const close = this.next();
      if (close.type !== 'rparen') throw new FilterError(`expected ')' but found ${describe(close)}`, close.position);
      return inner;
    }
    const left = this.parseOperand();
    const opToken = this.peek();
    if (opToken.type === 'word' && COMPARISON_OPERATORS.has(opToken.text.toLowerCase())) {
      this.next();
      const right = this.parseOperand();
      return {
        kind: 'compare',
        op: opToken.text.toLowerCase() as ComparisonOperator,
        left,
        right,
        position: opToken.position,
      };
    }
    if (left.kind === 'call') return left;
    throw new FilterError(
      `expected a comparison operator (eq, ne, lt, gt, le, ge) but found ${describe(opToken)}`,
      opToken.position,
    );
  }

  private parseOperand(): OperandNode {
    const token = this.next();
    switch (token.type) {
      case 'string':
        return {
          kind: 'literal',
          literal: { type: 'string', value: String(token.value) },
          raw: token.text,
          position: token.position,
        };
      case 'number':
        return {
          kind: 'literal',
          literal: { type: 'number', value: Number(token.value) },
          raw: token.text,
          position: token.position,
        };
      case 'dateTime':
        return {
          kind: 'literal',
          literal: { type: 'dateTime', value: token.text },
          raw: token.text,
          position: token.position,
        };
      case 'date':
        return {
          kind: 'literal',
          literal: { type: 'date', value: token.text },
          raw: token.text,
          position: token.position,
        };
      case 'word':
        return this.parseWordOperand(token);
      default:
        throw new FilterError(`expected a field, a literal or a function but found ${describe(token)}`, token.position);
    }
  }

  private parseWordOperand(token: Token): OperandNode {
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') {
      return {
        kind: 'literal',
        literal: { type: 'boolean', value: lower === 'true' },
        raw: token.text,
        position: token.position,
      };
    }
    if (lower === 'null')
      return { kind: 'literal', literal: { type: 'null' }, raw: token.text, position: token.position };
    if (this.peek().type === 'lparen') {
      if (lower !== 'startswith') throw new FilterError(`unsupported function '${token.text}'`, token.position);
      this.next();
      const args: OperandNode[] = [this.parseOperand()];
      while (this.peek().type === 'comma') {
        this.next();
        args.push(this.parseOperand());
      }
      const close = this.next();
      if (close.type !== 'rparen')
        throw new FilterError(`expected ')' or ',' but found ${describe(close)}`, close.position);
      if (args.length !== 2) throw new FilterError(`startswith takes 2 arguments, got ${args.length}`, token.position);
      return { kind: 'call', name: 'startswith', args, position: token.position };
    }
    if (COMPARISON_OPERATORS.has(lower) || lower === 'and' || lower === 'or' || lower === 'not') {
      throw new FilterError(`expected a field, a literal or a function but found '${token.text}'`, token.position);
    }
    return { kind: 'field', path: token.text, position: token.position };
  }
}

/** Parses `$filter` text into an AST. Throws {@link FilterError} with the position of the first problem. */
export function parseFilter(text: string): FilterNode {
  return new Parser(tokenizeFilter(text)).parse();
}

// ---------------------------------------------------------------------------------------------
// Binding and evaluation
// ---------------------------------------------------------------------------------------------

/** How a field compares. `lookupId` is an integer id (list item id, lookup, person). */
export type FieldValueType = 'string' | 'number' | 'boolean' | 'dateTime' | 'lookupId';

/** A field reference resolved against a schema: its type and how to read it from a row. */
export type BoundField<Row> = {
  type: FieldValueType;
  /** Strings, numbers, booleans, or epoch milliseconds for dateTime; null when empty. */
  get(row: Row): string | number | boolean | null;
};

/** Resolves a field path (`fields/X` or `id`) or throws (unknown field, not indexed, multi-value). */
export type FieldBinder<Row> = (path: string, position: number) => BoundField<Row>;

export type CompileOptions = {
  /** Turns a date-only literal (`2025-06-30`) into epoch ms. Default: midnight UTC. */
  dateOnlyToEpoch?: (date: string) => number | undefined;
  /** Turns an instant literal into epoch ms. Default: Date.parse. */
  instantToEpoch?: (text: string) => number | undefined;
};

export type Predicate<Row> = (row: Row) => boolean;
type Scalar = string | number | boolean | null;

const MIRRORED: Record<ComparisonOperator, ComparisonOperator> = {
  eq: 'eq',
  ne: 'ne',
  lt: 'gt',
  gt: 'lt',
  le: 'ge',
  ge: 'le',
};

/** SharePoint compares text without regard to case. */
export function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'nl', { sensitivity: 'accent' });
}

function defaultDateOnly(date: string): number | undefined {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

function defaultInstant(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

function literalTypeName(literal: LiteralValue): string {
  return literal.type === 'dateTime' || literal.type === 'date' ? `${literal.type} literal` : `${literal.type} literal`;
}

/** Converts a literal into the comparable value of a field type, or throws a positioned error. */
function coerceLiteral(
  node: LiteralNode,
  field: { type: FieldValueType; path: string },
  options: Required<CompileOptions>,
): Scalar {
  const lit = node.literal;
  if (lit.type === 'null') return null;
  const mismatch = (): FilterError =>
    new FilterError(
      `cannot compare field '${field.path}' (${field.type}) with ${literalTypeName(lit)} ${node.raw}`,
      node.position,
    );
  switch (field.type) {
    case 'string':
      if (lit.type === 'string') return lit.value;
      throw mismatch();
    case 'number':
      if (lit.type === 'number') return lit.value;
      if (lit.type === 'string' && lit.value.trim() !== '' && Number.isFinite(Number(lit.value)))
        return Number(lit.value);
      throw mismatch();
    case 'lookupId':
      if (lit.type === 'number' && Number.isInteger(lit.value)) return lit.value;
      if (lit.type === 'string' && /^\d+$/.test(lit.value)) return Number(lit.value);
      throw mismatch();
    case 'boolean':
      if (lit.type === 'boolean') return lit.value;
      if (lit.type === 'number' && (lit.value === 0 || lit.value === 1)) return lit.value === 1;
      throw mismatch();
    case 'dateTime': {
      let ms: number | undefined;
      if (lit.type === 'dateTime') ms = options.instantToEpoch(lit.value);
      else if (lit.type === 'date') ms = options.dateOnlyToEpoch(lit.value);
      else if (lit.type === 'string') {
        ms = /^\d{4}-\d{2}-\d{2}$/.test(lit.value)
          ? options.dateOnlyToEpoch(lit.value)
          : options.instantToEpoch(lit.value);
      }
      if (ms === undefined) throw mismatch();
      return ms;
    }
  }
}

function compareScalars(type: FieldValueType, a: Scalar, b: Scalar): number {
  if (type === 'string') return compareText(String(a), String(b));
  if (type === 'boolean') return Number(a) - Number(b);
  return (a as number) - (b as number);
}

function compileComparison<Row>(
  node: Extract<FilterNode, { kind: 'compare' }>,
  bind: FieldBinder<Row>,
  options: Required<CompileOptions>,
): Predicate<Row> {
  let { left, right } = node;
  let op = node.op;
  if (left.kind === 'literal' && right.kind !== 'literal') {
    [left, right] = [right, left];
    op = MIRRORED[op];
  }
  if (left.kind === 'call') {
    const call = compileCall(left, bind, options);
    if (right.kind !== 'literal' || right.literal.type !== 'boolean' || (op !== 'eq' && op !== 'ne')) {
      throw new FilterError(`a function result can only be compared with true or false using eq or ne`, node.position);
    }
    const expected = right.literal.value === (op === 'eq');
    return (row) => call(row) === expected;
  }
  if (left.kind === 'literal') throw new FilterError('a comparison must reference a field', node.position);
  if (right.kind !== 'literal') {
    throw new FilterError(`the right side of '${op}' must be a literal value`, right.position);
  }
  const field = bind(left.path, left.position);
  const value = coerceLiteral(right, { type: field.type, path: left.path }, options);
  if (value === null) {
    if (op !== 'eq' && op !== 'ne') throw new FilterError(`null can only be compared with eq or ne`, right.position);
    return op === 'eq' ? (row) => field.get(row) === null : (row) => field.get(row) !== null;
  }
  const type = field.type;
  return (row) => {
    const actual = field.get(row);
    if (actual === null) return op === 'ne';
    const c = compareScalars(type, actual, value);
    switch (op) {
      case 'eq':
        return c === 0;
      case 'ne':
        return c !== 0;
      case 'lt':
        return c < 0;
      case 'gt':
        return c > 0;
      case 'le':
        return c <= 0;
      case 'ge':
        return c >= 0;
    }
  };
}

function compileCall<Row>(node: CallNode, bind: FieldBinder<Row>, _options: Required<CompileOptions>): Predicate<Row> {
  const [target, prefix] = node.args;
  if (!target || target.kind !== 'field')
    throw new FilterError('the first argument of startswith must be a field', target?.position ?? node.position);
  if (!prefix || prefix.kind !== 'literal' || prefix.literal.type !== 'string') {
    throw new FilterError(
      'the second argument of startswith must be a string literal',
      prefix?.position ?? node.position,
    );
  }
  const field = bind(target.path, target.position);
  if (field.type !== 'string')
    throw new FilterError(`startswith needs a text field, and '${target.path}' is ${field.type}`, target.position);
  const wanted = prefix.literal.value;
  return (row) => {
    const actual = field.get(row);
    if (typeof actual !== 'string') return false;
    return compareText(actual.slice(0, wanted.length), wanted) === 0;
  };
}

function compileNode<Row>(node: FilterNode, bind: FieldBinder<Row>, options: Required<CompileOptions>): Predicate<Row> {
  switch (node.kind) {
    case 'and': {
      const l = compileNode(node.left, bind, options);
      const r = compileNode(node.right, bind, options);
      return (row) => l(row) && r(row);
    }
    case 'or': {
      const l = compileNode(node.left, bind, options);
      const r = compileNode(node.right, bind, options);
      return (row) => l(row) || r(row);
    }
    case 'not': {
      const inner = compileNode(node.operand, bind, options);
      return (row) => !inner(row);
    }
    case 'compare':
      return compileComparison(node, bind, options);
    case 'call':
      return compileCall(node, bind, options);
  }
}

/**
 * Binds a parsed filter to fields and returns a predicate. Every field reference is resolved
 * through `bind` up front, so an unknown or forbidden field fails the whole query before any row
 * is read, as SharePoint does.
 */
export function compileFilter<Row>(
  node: FilterNode,
  bind: FieldBinder<Row>,
  options: CompileOptions = {},
): Predicate<Row> {
  return compileNode(node, bind, {
    dateOnlyToEpoch: options.dateOnlyToEpoch ?? defaultDateOnly,
    instantToEpoch: options.instantToEpoch ?? defaultInstant,
  });
}
