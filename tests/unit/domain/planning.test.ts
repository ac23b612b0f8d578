import { describe, expect, it } from 'vitest';
import { compareActienummers, isActienummer, parseActienummer } from '../../../src/domain/actienummer.js';
import { datesFromPlanning, deadlineKind } from '../../../src/domain/planning.js';
import { THEMAS, themaTitle } from '../../../src/domain/themas.js';

describe("deadlines and their kind come from the college's planning text (docs/decisions.md, revised 2026-12-04)", () => {
  it.each([
    ['Geheel 2025', { deadline: '2025-12-31', soort: 'eenmalig' }],
    ['2025 en verder', { deadline: '2025-12-31', soort: 'doorlopend' }],
    ['Geheel 2025 en verder', { deadline: '2025-12-31', soort: 'doorlopend' }],
    ['1e halfjaar 2025', { deadline: '2025-06-30', soort: 'eenmalig' }],
    ['1e halfjaar 2025 en verder', { deadline: '2025-06-30', soort: 'doorlopend' }],
    ['Vanaf 2026', { start: '2026-01-01' }],
    ['Loopt reeds', {}],
    ['Blijft onder de aandacht', {}],
    ['', {}],
    [undefined, {}],
  ])('%j → %j', (text, expected) => {
    expect(datesFromPlanning(text)).toEqual(expected);
  });

  it('ignores case, extra spaces and a final full stop, as the college writes "Planning: Geheel 2025."', () => {
    expect(datesFromPlanning('  geheel 2025. ')).toEqual({ deadline: '2025-12-31', soort: 'eenmalig' });
    expect(datesFromPlanning('1e  halfjaar 2025  en verder.')).toEqual({ deadline: '2025-06-30', soort: 'doorlopend' });
    expect(datesFromPlanning('VANAF 2026')).toEqual({ start: '2026-01-01' });
  });

  it('works for other years in the same phrasing', () => {
    expect(datesFromPlanning('Geheel 2027')).toEqual({ deadline: '2027-12-31', soort: 'eenmalig' });
    expect(datesFromPlanning('1e halfjaar 2026')).toEqual({ deadline: '2026-06-30', soort: 'eenmalig' });
  });

  it('anything else gives no deadline', () => {
    expect(datesFromPlanning('2e halfjaar 2025')).toEqual({});
    expect(datesFromPlanning('Q3 2025')).toEqual({});
    expect(datesFromPlanning('Geheel 2025 en 2026')).toEqual({});
  });

  it('an action is doorlopend when its planning text is a standing commitment, otherwise eenmalig', () => {
    expect(deadlineKind({ planning: 'Geheel 2025 en verder' })).toBe('doorlopend');
    expect(deadlineKind({ planning: '1e halfjaar 2025 en verder' })).toBe('doorlopend');
    expect(deadlineKind({ planning: '1e halfjaar 2025' })).toBe('eenmalig');
    expect(deadlineKind({})).toBe('eenmalig');
  });
});

describe('action numbers', () => {
  it('are advies.actie with positive whole numbers', () => {
    expect(isActienummer('11.5')).toBe(true);
    for (const s of ['11', '11.', '.5', '0.1', '1.0', '01.1', '1.1.1', '1,1', 11.5])
      expect(isActienummer(s)).toBe(false);
    expect(parseActienummer('11.5')).toEqual({ advies: 11, volgnummer: 5 });
    expect(parseActienummer('x')).toBeUndefined();
  });

  it('sort naturally: 2.9 before 2.10, 9.2 before 10.1', () => {
    expect(['10.1', '2.10', '11.5', '2.9', '1.2', '9.2'].sort(compareActienummers)).toEqual([
      '1.2',
      '2.9',
      '2.10',
      '9.2',
      '10.1',
      '11.5',
    ]);
    expect(['b', '1.1', 'a'].sort(compareActienummers)).toEqual(['1.1', 'a', 'b']);
    expect(compareActienummers('3.3', '3.3')).toBe(0);
  });

  it('sort numbers typed by hand in SharePoint too: real numbers first, the rest alphabetically, never NaN', () => {
    expect(['x', '1.10', '1.2', 'abc'].sort(compareActienummers)).toEqual(['1.2', '1.10', 'abc', 'x']);
    const odd = ['x', '1.10', '1.2', 'abc', '', ' 1.2', '1.2.3', '1.', 'NaN', '01.1', '1.0', '10.1', '2.x'];
    for (const a of odd) {
      for (const b of odd) {
        const ab = compareActienummers(a, b);
        expect(Number.isNaN(ab), `${a} vs ${b}`).toBe(false);
        expect(Math.sign(ab), `${a} vs ${b}`).toBe(-Math.sign(compareActienummers(b, a)) || 0);
        for (const c of odd) {
          if (ab <= 0 && compareActienummers(b, c) <= 0)
            expect(compareActienummers(a, c) <= 0, `${a} ≤ ${b} ≤ ${c}`).toBe(true);
        }
      }
    }
    // A total order sorts every arrangement the same way.
    expect([...odd].reverse().sort(compareActienummers)).toEqual([...odd].sort(compareActienummers));
  });
});

describe('themes', () => {
  it('A Structuur versterken (1-4), B Verbinding organiseren (5-9), C Continu leren (10-11)', () => {
    expect(THEMAS).toEqual([
      { code: 'A', naam: 'Structuur versterken', adviezen: [1, 2, 3, 4] },
      { code: 'B', naam: 'Verbinding organiseren', adviezen: [5, 6, 7, 8, 9] },
      { code: 'C', naam: 'Continu leren', adviezen: [10, 11] },
    ]);
    expect(themaTitle('B')).toBe('Verbinding organiseren');
  });
});
