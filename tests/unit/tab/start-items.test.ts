import { describe, expect, it } from 'vitest';
import type { Actie } from '../../../src/domain/model.js';
import { startDismissedKey, startItems } from '../../../src/tab/features/start/lib/start-items.js';

const NOW = new Date('2026-12-04T10:00:00Z');
const me = { id: '21', email: 'secretaris.mt-sociaal-domein@zoetermeer.example' };

function actie(nummer: string, extra: Partial<Actie>): Actie {
  return {
    nummer,
    titel: nummer,
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: ['Concern'],
    status: 'Niet gestart',
    afhankelijkVan: [],
    bevindingen: [],
    ...extra,
  } as Actie;
}

describe('"Wat vind ik waar": what a person does here, theirs first', () => {
  it("puts the meeting first for someone without actions, in the order of an MT member's week", () => {
    expect(
      startItems({ me, acties: [actie('1.1', { eigenaar: { id: '99', displayName: 'Ander' } })], now: NOW }).map(
        (i) => i.kind,
      ),
    ).toEqual(['vergadering', 'mijn-acties', 'portfolio', 'voortgang']);
  });

  it('puts my actions first when I own open ones, with how many are open and overdue', () => {
    const acties = [
      actie('1.1', { eigenaar: { id: '21', displayName: 'Ik' }, status: 'Loopt', deadline: '2025-06-30' }),
      actie('1.2', { eigenaar: { id: '21', displayName: 'Ik' }, status: 'Niet gestart' }),
      actie('1.3', { eigenaar: { id: '21', displayName: 'Ik' }, status: 'Afgerond', deadline: '2025-01-01' }),
    ];
    const items = startItems({ me, acties, now: NOW });
    expect(items[0]).toEqual({ kind: 'mijn-acties', own: true, figures: { open: 2, achterstallig: 1 } });
  });

  it('recognises me by e-mail when the site user has no id yet', () => {
    const items = startItems({
      me: { email: me.email.toUpperCase() },
      acties: [actie('1.1', { eigenaar: { displayName: 'Ik', email: me.email } })],
      now: NOW,
    });
    expect(items[0]?.kind).toBe('mijn-acties');
  });

  it('makes the meeting mine once I have chosen my domain, before my actions', () => {
    const acties = [actie('1.1', { eigenaar: { id: '21', displayName: 'Ik' } })];
    expect(startItems({ me, acties, domein: 'Sociaal Domein', now: NOW }).map((i) => i.kind)).toEqual([
      'vergadering',
      'mijn-acties',
      'portfolio',
      'voortgang',
    ]);
  });

  it('shows no figures of anyone when nobody is signed in on the site', () => {
    const items = startItems({
      me: undefined,
      acties: [actie('1.1', { eigenaar: { id: '21', displayName: 'Ik' } })],
      now: NOW,
    });
    expect(items.find((i) => i.kind === 'mijn-acties')).toEqual({ kind: 'mijn-acties', own: false });
  });

  it('remembers "niet meer tonen" per person, whatever the case of the key', () => {
    expect(startDismissedKey('A@B.nl')).toBe(startDismissedKey('a@b.nl'));
    expect(startDismissedKey('a@b.nl')).not.toBe(startDismissedKey('c@b.nl'));
  });
});
