import { describe, expect, it } from 'vitest';
import { messageText } from '../../../src/domain/messages.js';
import { validationMessages as M, type DomainMessage } from '../../../src/domain/validation.js';
import { ACTIE_STATUSES, type ActieStatus } from '../../../src/domain/model.js';
import {
  allowedTransitions,
  canTransition,
  checkTransition,
  isOpen,
  isReopening,
  requiresToelichting,
  statusCategory,
  statusRequiresToelichting,
} from '../../../src/domain/status.js';

const NG: ActieStatus = 'Niet gestart';
const L: ActieStatus = 'Loopt';
const G: ActieStatus = 'Geblokkeerd';
const A: ActieStatus = 'Afgerond';
const B: ActieStatus = 'Belegd in lopend traject';
const NO: ActieStatus = 'Niet overgenomen';

/**
 * docs/decisions.md, "Statuses and transitions", as a table over all 36 pairs:
 * [from, to, allowed, needs a StatusToelichting, the message when the reason is missing]
 */
const TABLE: [ActieStatus, ActieStatus, boolean, boolean, DomainMessage | undefined][] = [
  [NG, NG, false, false, undefined],
  [NG, L, true, false, undefined],
  [NG, G, true, true, M.toelichtingGeblokkeerd],
  [NG, A, false, false, undefined],
  [NG, B, true, false, undefined],
  [NG, NO, true, true, M.toelichtingNietOvergenomen],

  [L, NG, false, false, undefined],
  [L, L, false, false, undefined],
  [L, G, true, true, M.toelichtingGeblokkeerd],
  [L, A, true, false, undefined],
  [L, B, true, false, undefined],
  [L, NO, false, true, undefined],

  [G, NG, false, false, undefined],
  [G, L, true, false, undefined],
  [G, G, false, true, undefined],
  [G, A, false, false, undefined],
  [G, B, false, false, undefined],
  [G, NO, true, true, M.toelichtingNietOvergenomen],

  [A, NG, false, true, undefined],
  [A, L, true, true, M.toelichtingHeropenen],
  [A, G, false, true, undefined],
  [A, A, false, false, undefined],
  [A, B, false, true, undefined],
  [A, NO, false, true, undefined],

  [B, NG, false, false, undefined],
  [B, L, true, false, undefined],
  [B, G, false, true, undefined],
  [B, A, true, false, undefined],
  [B, B, false, false, undefined],
  [B, NO, false, true, undefined],

  [NO, NG, true, true, M.toelichtingHeroverwegen],
  [NO, L, false, true, undefined],
  [NO, G, false, true, undefined],
  [NO, A, false, false, undefined],
  [NO, B, false, true, undefined],
  [NO, NO, false, true, undefined],
];

describe('status transitions (docs/decisions.md)', () => {
  it('the table covers all 36 pairs of the six statuses', () => {
    expect(TABLE).toHaveLength(36);
    const pairs = new Set(TABLE.map(([f, t]) => `${f}→${t}`));
    for (const f of ACTIE_STATUSES) for (const t of ACTIE_STATUSES) expect(pairs.has(`${f}→${t}`)).toBe(true);
  });

  describe.each(TABLE)('%s → %s', (from, to, allowed, needs, missingMessage) => {
    it(`is ${allowed ? 'allowed' : 'not allowed'}`, () => {
      expect(canTransition(from, to)).toBe(allowed);
      expect(allowedTransitions(from).includes(to)).toBe(allowed);
    });

    it(`${needs ? 'needs' : 'does not need'} a StatusToelichting`, () => {
      expect(requiresToelichting(from, to)).toBe(needs);
    });

    it('is checked with a specific message (its key and statuses)', () => {
      const withReason = checkTransition(from, to, 'Reden: de leverancier levert later.');
      if (from === to) {
        expect(withReason).toEqual({ ok: false, field: 'status', message: M.zelfdeStatus(from) });
      } else if (!allowed) {
        expect(withReason).toEqual({
          ok: false,
          field: 'status',
          message: M.overgangNietToegestaan(from, to, allowedTransitions(from)),
        });
      } else {
        expect(withReason).toEqual({ ok: true });
        const withoutReason = checkTransition(from, to);
        const blankReason = checkTransition(from, to, '   \n ');
        if (needs) {
          expect(withoutReason).toEqual({ ok: false, field: 'statusToelichting', message: missingMessage });
          expect(blankReason).toEqual({ ok: false, field: 'statusToelichting', message: missingMessage });
        } else {
          expect(withoutReason).toEqual({ ok: true });
          expect(blankReason).toEqual({ ok: true });
        }
      }
    });
  });

  it('lists the allowed next statuses in the order of docs/decisions.md', () => {
    expect(allowedTransitions(NG)).toEqual([L, G, B, NO]);
    expect(allowedTransitions(L)).toEqual([G, A, B]);
    expect(allowedTransitions(G)).toEqual([L, NO]);
    expect(allowedTransitions(A)).toEqual([L]);
    expect(allowedTransitions(B)).toEqual([L, A]);
    expect(allowedTransitions(NO)).toEqual([NG]);
  });

  it('a refused transition names the statuses that are allowed (its key and values; in Dutch through messageText)', () => {
    const refused = (from: ActieStatus, to: ActieStatus) => {
      const check = checkTransition(from, to);
      return check.ok ? undefined : check.message;
    };
    expect(refused(A, G)).toEqual({ key: 'overgangNietToegestaan', params: { van: A, naar: G, toegestaan: [L] } });
    expect(messageText(refused(A, G)!)).toBe(
      'Een actie met status "Afgerond" kan niet naar "Geblokkeerd". Kies "Loopt".',
    );
    expect(messageText(refused(NG, A)!)).toBe(
      'Een actie met status "Niet gestart" kan niet naar "Afgerond". Kies "Loopt", "Geblokkeerd", "Belegd in lopend traject" of "Niet overgenomen".',
    );
    expect(refused(G, G)).toEqual({ key: 'zelfdeStatus', params: { status: G } });
    expect(messageText(refused(G, G)!)).toBe('De actie heeft de status "Geblokkeerd" al; kies een andere status.');
    expect(messageText(refused(L, G)!)).toBe('Geef een toelichting: bij status Geblokkeerd is een reden verplicht.');
  });

  it('reopening a finished action and reconsidering a rejected one are the reopenings', () => {
    expect(isReopening(A, L)).toBe(true);
    expect(isReopening(NO, NG)).toBe(true);
    expect(isReopening(G, L)).toBe(false);
    expect(isReopening(B, L)).toBe(false);
    expect(isReopening(A, NO)).toBe(false);
  });

  it('Geblokkeerd and Niet overgenomen always carry a reason', () => {
    expect(ACTIE_STATUSES.filter(statusRequiresToelichting)).toEqual([G, NO]);
  });
});

describe('report categories', () => {
  it.each([
    [A, 'afgerond', false],
    [L, 'lopend', true],
    [B, 'lopend', true],
    [G, 'geblokkeerd', true],
    [NO, 'niet-overgenomen', false],
    [NG, 'niet-gestart', true],
  ] as const)('%s counts as %s (open: %s)', (status, category, open) => {
    expect(statusCategory(status)).toBe(category);
    expect(isOpen(status)).toBe(open);
  });
});
