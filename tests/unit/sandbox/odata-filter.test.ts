import { describe, expect, it } from 'vitest';
import {
  compileFilter,
  FilterError,
  parseFilter,
  tokenizeFilter,
  type FieldBinder,
  type FieldValueType,
  type FilterNode,
} from '../../../src/sandbox/odata-filter.js';

type Row = Record<string, string | number | boolean | null>;
type Binary = Extract<FilterNode, { left: FilterNode }>;

const SCHEMA: Record<string, FieldValueType> = {
  id: 'lookupId',
  'fields/Title': 'string',
  'fields/Naam': 'string',
  'fields/Nummer': 'number',
  'fields/Actief': 'boolean',
  'fields/Deadline': 'dateTime',
  'fields/EigenaarLookupId': 'lookupId',
};

const bind: FieldBinder<Row> = (path, position) => {
  const type = SCHEMA[path];
  if (!type) throw new FilterError(`unknown field '${path}'`, position);
  const key = path.replace(/^fields\//, '');
  return {
    type,
    get: (row) => {
      const value = row[key] ?? null;
      return type === 'dateTime' && typeof value === 'string' ? Date.parse(value) : value;
    },
  };
};

const ROWS: Row[] = [
  {
    id: 1,
    Title: 'Alpha',
    Naam: "O'Brien",
    Nummer: 1,
    Actief: true,
    Deadline: '2025-06-29T22:00:00Z',
    EigenaarLookupId: 12,
  },
  {
    id: 2,
    Title: 'beta',
    Naam: 'Jansen',
    Nummer: 2.5,
    Actief: false,
    Deadline: '2025-01-14T23:00:00Z',
    EigenaarLookupId: 13,
  },
  { id: 3, Title: 'Gamma', Naam: null, Nummer: -3, Actief: true, Deadline: null, EigenaarLookupId: null },
  {
    id: 4,
    Title: 'Alphabet',
    Naam: 'De Vries',
    Nummer: 10,
    Actief: false,
    Deadline: '2025-12-31T23:00:00Z',
    EigenaarLookupId: 12,
  },
];

function matching(filter: string): number[] {
  const predicate = compileFilter(parseFilter(filter), bind);
  return ROWS.filter(predicate).map((r) => Number(r['id']));
}

function errorOf(fn: () => unknown): FilterError {
  try {
    fn();
  } catch (err) {
    if (err instanceof FilterError) return err;
    throw err;
  }
  throw new Error('expected a FilterError');
}

describe('odata $filter tokenizer', () => {
  it('keeps positions and unescapes doubled quotes in strings', () => {
    const tokens = tokenizeFilter("fields/Naam eq 'O''Brien'");
    expect(tokens.map((t) => [t.type, t.position])).toEqual([
      ['word', 0],
      ['word', 12],
      ['string', 15],
      ['eof', 25],
    ]);
    expect(tokens[2]!.value).toBe("O'Brien");
  });

  it('reads unquoted dateTime and date literals and signed decimals', () => {
    const tokens = tokenizeFilter('2025-06-30T00:00:00Z 2025-06-30 -12.5 7 2025-06-30T00:00:00.123+02:00');
    expect(tokens.map((t) => t.type)).toEqual(['dateTime', 'date', 'number', 'number', 'dateTime', 'eof']);
    expect(tokens[2]!.value).toBe(-12.5);
  });
});

describe('odata $filter parser', () => {
  it('binds and tighter than or', () => {
    const ast = parseFilter("fields/Nummer eq 1 or fields/Nummer eq 2 and fields/Title eq 'x'");
    expect(ast.kind).toBe('or');
    const or = ast as Binary;
    expect(or.left.kind).toBe('compare');
    expect(or.right.kind).toBe('and');
  });

  it('lets parentheses override precedence', () => {
    const ast = parseFilter("(fields/Nummer eq 1 or fields/Nummer eq 2) and fields/Title eq 'x'");
    expect(ast.kind).toBe('and');
    expect((ast as Binary).left.kind).toBe('or');
  });

  it('reads not as applying to the following comparison', () => {
    const ast = parseFilter('not fields/Nummer eq 1 and fields/Actief eq true');
    expect(ast.kind).toBe('and');
    expect((ast as Binary).left.kind).toBe('not');
  });

  it('accepts keywords and startswith without regard to case', () => {
    expect(() => parseFilter("fields/Nummer EQ 1 AND startsWith(fields/Title,'a')")).not.toThrow();
  });

  it.each([
    ["fields/Title eq 'x' and", 23, 'end of input'],
    ["fields/Title 'x'", 13, 'comparison operator'],
    ["(fields/Title eq 'x'", 20, "expected ')'"],
    ["fields/Title eq 'unterminated", 16, 'unterminated string'],
    ['fields/Nummer eq 1 fields/Nummer', 19, 'unexpected'],
    ["contains(fields/Title,'x')", 0, "unsupported function 'contains'"],
    ['fields/Title eq #', 16, "unexpected character '#'"],
    ['', 0, 'empty'],
    ['fields/Nummer eq eq', 17, 'expected a field'],
    ['startswith(fields/Title)', 0, 'takes 2 arguments'],
  ])('reports %j at position %i', (filter, position, text) => {
    const err = errorOf(() => parseFilter(filter));
    expect(err.position).toBe(position);
    expect(err.message).toContain(text);
    expect(err.message).toContain(`position ${position}`);
  });
});

describe('odata $filter evaluation', () => {
  it('compares numbers, integers and decimals, with all six operators', () => {
    expect(matching('fields/Nummer eq 2.5')).toEqual([2]);
    expect(matching('fields/Nummer ne 1')).toEqual([2, 3, 4]);
    expect(matching('fields/Nummer lt 1')).toEqual([3]);
    expect(matching('fields/Nummer le 1')).toEqual([1, 3]);
    expect(matching('fields/Nummer gt 2.5')).toEqual([4]);
    expect(matching('fields/Nummer ge 2.5')).toEqual([2, 4]);
    expect(matching('fields/Nummer eq -3')).toEqual([3]);
  });

  it('evaluates and before or, and parentheses first', () => {
    expect(matching("fields/Nummer eq 1 or fields/Nummer eq 10 and fields/Title eq 'Gamma'")).toEqual([1]);
    expect(matching("(fields/Nummer eq 1 or fields/Nummer eq 10) and fields/Title eq 'Alphabet'")).toEqual([4]);
    expect(matching('fields/Actief eq true and (fields/Nummer lt 0 or fields/Nummer gt 5)')).toEqual([3]);
  });

  it('negates with not', () => {
    expect(matching('not fields/Actief eq true')).toEqual([2, 4]);
    expect(matching('not (fields/Nummer gt 1 and fields/Nummer lt 5)')).toEqual([1, 3, 4]);
    expect(matching('not not fields/Actief eq true')).toEqual([1, 3]);
  });

  it("matches a doubled quote as one quote ('O''Brien')", () => {
    expect(matching("fields/Naam eq 'O''Brien'")).toEqual([1]);
    expect(matching("fields/Naam eq 'O''''Brien'")).toEqual([]);
  });

  it('compares text without regard to case, as SharePoint does', () => {
    expect(matching("fields/Title eq 'BETA'")).toEqual([2]);
    expect(matching("startswith(fields/Title,'alpha')")).toEqual([1, 4]);
    expect(matching("startswith(fields/Title,'alpha') eq false")).toEqual([2, 3]);
  });

  it('treats null as empty: eq null, ne null, and empty values never match a value', () => {
    expect(matching('fields/Naam eq null')).toEqual([3]);
    expect(matching('fields/Naam ne null')).toEqual([1, 2, 4]);
    expect(matching("fields/Naam eq 'Jansen'")).toEqual([2]);
    expect(matching("fields/Naam ne 'Jansen'")).toEqual([1, 3, 4]);
  });

  it('compares dateTime fields with unquoted and quoted instants', () => {
    expect(matching('fields/Deadline eq 2025-06-29T22:00:00Z')).toEqual([1]);
    expect(matching("fields/Deadline eq '2025-06-29T22:00:00Z'")).toEqual([1]);
    expect(matching('fields/Deadline lt 2025-06-30T00:00:00Z')).toEqual([1, 2]);
    expect(matching("fields/Deadline ge '2025-07-01T00:00:00+02:00'")).toEqual([4]);
    expect(matching('fields/Deadline ge 2025-12-31T00:00:00.000Z')).toEqual([4]);
  });

  it('turns date-only literals into instants through the configured site zone', () => {
    const amsterdamMidnight = (date: string): number => Date.parse(`${date}T00:00:00+02:00`);
    const predicate = compileFilter(parseFilter("fields/Deadline eq '2025-06-30'"), bind, {
      dateOnlyToEpoch: amsterdamMidnight,
    });
    expect(ROWS.filter(predicate).map((r) => r['id'])).toEqual([1]);
    const unquoted = compileFilter(parseFilter('fields/Deadline eq 2025-06-30'), bind, {
      dateOnlyToEpoch: amsterdamMidnight,
    });
    expect(ROWS.filter(unquoted).map((r) => r['id'])).toEqual([1]);
  });

  it('compares lookup ids given as numbers or digit strings, and the item id', () => {
    expect(matching('fields/EigenaarLookupId eq 12')).toEqual([1, 4]);
    expect(matching("fields/EigenaarLookupId eq '13'")).toEqual([2]);
    expect(matching('id gt 2')).toEqual([3, 4]);
    expect(matching('3 lt id')).toEqual([4]);
  });

  it('refuses literals that do not fit the field type, naming the position', () => {
    const err = errorOf(() => compileFilter(parseFilter("fields/Nummer eq 'abc'"), bind));
    expect(err.position).toBe(17);
    expect(errorOf(() => compileFilter(parseFilter('fields/Title eq 5'), bind)).position).toBe(16);
    expect(errorOf(() => compileFilter(parseFilter("fields/Deadline eq 'morgen'"), bind)).position).toBe(19);
    expect(errorOf(() => compileFilter(parseFilter('fields/EigenaarLookupId eq 1.5'), bind)).position).toBe(27);
    expect(errorOf(() => compileFilter(parseFilter('fields/Actief eq 2'), bind)).position).toBe(17);
  });

  it('refuses comparisons without a field, between fields, and ordering against null', () => {
    expect(errorOf(() => compileFilter(parseFilter('1 eq 1'), bind)).message).toContain('must reference a field');
    expect(errorOf(() => compileFilter(parseFilter('fields/Nummer eq fields/Nummer'), bind)).position).toBe(17);
    expect(errorOf(() => compileFilter(parseFilter('fields/Nummer gt null'), bind)).message).toContain('null');
    expect(errorOf(() => compileFilter(parseFilter("startswith(fields/Nummer,'1')"), bind)).message).toContain(
      'text field',
    );
  });

  it('reports an unknown field from the binder with its position', () => {
    const err = errorOf(() => compileFilter(parseFilter("fields/Title eq 'a' or fields/Onbekend eq 1"), bind));
    expect(err.position).toBe(23);
    expect(err.message).toContain('Onbekend');
  });
});
