import { describe, expect, it } from 'vitest';
import { columnToGraph, parseColumnDefinition, patchColumn } from '../../../src/sandbox/columns.js';
import { GraphError } from '../../../src/sandbox/graph-errors.js';

const lists = new Map([['11111111-2222-3333-4444-555555555555', { id: '11111111-2222-3333-4444-555555555555' }]]);
const resolve = (key: string) => lists.get(key);

function statusOf(fn: () => unknown): number {
  try {
    fn();
  } catch (err) {
    if (err instanceof GraphError) return err.status;
    throw err;
  }
  return 200;
}

describe('columnDefinition rules', () => {
  it('reads each type facet into a column kind', () => {
    expect(parseColumnDefinition({ name: 'A', text: {} }, resolve).kind).toBe('text');
    expect(parseColumnDefinition({ name: 'A', text: { allowMultipleLines: true } }, resolve).kind).toBe('note');
    expect(parseColumnDefinition({ name: 'A', choice: { choices: ['x'] } }, resolve).kind).toBe('choice');
    expect(
      parseColumnDefinition({ name: 'A', choice: { choices: ['x'], displayAs: 'checkBoxes' } }, resolve).kind,
    ).toBe('multiChoice');
    expect(parseColumnDefinition({ name: 'A', personOrGroup: { allowMultipleSelection: true } }, resolve).kind).toBe(
      'multiPerson',
    );
    expect(
      parseColumnDefinition(
        { name: 'A', lookup: { listId: '11111111-2222-3333-4444-555555555555', allowMultipleValues: true } },
        resolve,
      ).kind,
    ).toBe('multiLookup');
    expect(parseColumnDefinition({ name: 'A', dateTime: { format: 'dateOnly' } }, resolve).dateTime?.format).toBe(
      'dateOnly',
    );
  });

  it('requires an index for unique values and refuses an index on multi-value and note columns', () => {
    expect(statusOf(() => parseColumnDefinition({ name: 'A', text: {}, enforceUniqueValues: true }, resolve))).toBe(
      400,
    );
    expect(
      statusOf(() => parseColumnDefinition({ name: 'A', text: {}, enforceUniqueValues: true, indexed: true }, resolve)),
    ).toBe(200);
    expect(
      statusOf(() => parseColumnDefinition({ name: 'A', text: { allowMultipleLines: true }, indexed: true }, resolve)),
    ).toBe(400);
    expect(
      statusOf(() =>
        parseColumnDefinition(
          { name: 'A', choice: { choices: ['x'], displayAs: 'checkBoxes' }, indexed: true },
          resolve,
        ),
      ),
    ).toBe(400);
  });

  it('refuses bad names, reserved names, missing or double facets and unknown lookup lists', () => {
    expect(statusOf(() => parseColumnDefinition({ name: 'Met spatie', text: {} }, resolve))).toBe(400);
    expect(statusOf(() => parseColumnDefinition({ name: 'Title', text: {} }, resolve))).toBe(409);
    expect(statusOf(() => parseColumnDefinition({ name: 'Modified', text: {} }, resolve))).toBe(409);
    expect(statusOf(() => parseColumnDefinition({ name: 'A' }, resolve))).toBe(400);
    expect(statusOf(() => parseColumnDefinition({ name: 'A', text: {}, number: {} }, resolve))).toBe(400);
    expect(statusOf(() => parseColumnDefinition({ name: 'A', lookup: { listId: 'nope' } }, resolve))).toBe(400);
    expect(statusOf(() => parseColumnDefinition({ name: 'A', calculated: {} }, resolve))).toBe(400);
  });

  it('patches settings within a facet but never the type', () => {
    const col = parseColumnDefinition({ name: 'Status', choice: { choices: ['a'] } }, resolve);
    const more = patchColumn(col, { choice: { choices: ['a', 'b'] }, indexed: true }, resolve);
    expect(more.choice?.choices).toEqual(['a', 'b']);
    expect(more.indexed).toBe(true);
    expect(statusOf(() => patchColumn(col, { text: {} }, resolve))).toBe(400);
    expect(statusOf(() => patchColumn(col, { choice: { displayAs: 'checkBoxes' } }, resolve))).toBe(400);
    expect(statusOf(() => patchColumn(more, { indexed: false, enforceUniqueValues: true }, resolve))).toBe(400);
  });

  it("renders Graph's columnDefinition with exactly one type facet", () => {
    const json = columnToGraph(
      parseColumnDefinition({ name: 'Deadline', dateTime: { format: 'dateOnly' }, indexed: true }, resolve),
    );
    expect(json).toMatchObject({
      name: 'Deadline',
      displayName: 'Deadline',
      indexed: true,
      enforceUniqueValues: false,
      dateTime: { format: 'dateOnly' },
    });
    expect(['text', 'choice', 'number', 'boolean', 'personOrGroup', 'lookup'].some((f) => f in json)).toBe(false);
  });
});
