import { describe, expect, it } from 'vitest';
import { besluitenLog, filterBesluiten, searchKey } from '../../../src/domain/besluitenlog.js';

const input = {
  mts: [
    { id: '1', value: { key: 'cmt', naam: 'CMT' } },
    { id: '2', value: { key: 'mt-sociaal-domein', naam: 'MT Sociaal Domein' } },
  ],
  acties: [{ id: '31', value: { nummer: '11.5', titel: 'Digitalisering als vast thema' } }],
  portfolio: [{ id: '70', value: { titel: 'Zaakgericht werken' } }],
  mensen: new Map([['5', 'Gemeentesecretaris']]),
  besluiten: [
    {
      id: '1',
      value: {
        tekst: 'Coördinatie bij de CIO beleggen',
        vergadering: 'cmt|2026-09-01T07:00:00.000Z',
        mtId: '1',
        besproken: true,
        op: '2026-09-01T08:00:00Z',
        actieId: '31',
        doorId: '5',
      },
    },
    {
      id: '2',
      value: {
        tekst: '',
        vergadering: 'cmt|2026-09-08T07:00:00.000Z',
        mtId: '1',
        besproken: true,
        op: '2026-09-08T08:00:00Z',
      },
    },
    {
      id: '3',
      value: {
        tekst: 'Zaakgericht werken eerst in het Sociaal Domein',
        vergadering: 'mt-sociaal-domein|2026-09-08T12:00:00.000Z',
        besproken: false,
        op: '2026-09-08T13:00:00Z',
        portfolioItemId: '70',
      },
    },
    {
      id: '4',
      value: {
        tekst: 'Tweede besluit zelfde vergadering',
        vergadering: 'cmt|2026-09-01T07:00:00.000Z',
        mtId: '1',
        besproken: false,
        op: '2026-09-01T08:05:00Z',
        actieId: '999',
      },
    },
  ],
};

describe('the decision log', () => {
  const log = besluitenLog(input);

  it('lists newest meeting first, in recorded order within a meeting, with links resolved', () => {
    expect(log.map((e) => e.id)).toEqual(['3', '2', '1', '4']);
    expect(log[2]).toMatchObject({
      mt: { key: 'cmt', naam: 'CMT' },
      actie: { id: '31', nummer: '11.5' },
      door: 'Gemeentesecretaris',
      vergadering: '2026-09-01T07:00:00.000Z',
    });
    // The MT comes from the occurrence key when the lookup is empty; a link to a deleted action is dropped.
    expect(log[0]).toMatchObject({
      mt: { key: 'mt-sociaal-domein' },
      portfolio: { id: '70', titel: 'Zaakgericht werken' },
    });
    expect(log[3]?.actie).toBeUndefined();
  });

  it('names the site user, else the name the card recorded as text, else nobody (issue 14, point 4)', () => {
    const b = (id: string, extra: { doorId?: string; doorNaam?: string }) => ({
      id,
      value: { tekst: 'x', vergadering: `cmt|2026-09-0${id}T07:00:00Z`, besproken: true, ...extra },
    });
    const named = besluitenLog({
      ...input,
      besluiten: [
        b('1', { doorId: '5', doorNaam: 'Oude naam' }),
        b('2', { doorNaam: 'Gast Extern' }),
        b('3', { doorNaam: '  ' }),
        b('4', { doorId: '77' }),
      ],
    });
    expect(Object.fromEntries(named.map((e) => [e.id, e.door]))).toEqual({
      '1': 'Gemeentesecretaris',
      '2': 'Gast Extern',
      '3': undefined,
      '4': undefined,
    });
  });

  it('searches all words, without caring about case or diacritics, in text, MT, action and portfolio item', () => {
    expect(searchKey('Coördinatie')).toBe('coordinatie');
    expect(filterBesluiten(log, { zoek: 'coordinatie CIO' }).map((e) => e.id)).toEqual(['1']);
    expect(filterBesluiten(log, { zoek: '11.5' }).map((e) => e.id)).toEqual(['1']);
    expect(filterBesluiten(log, { zoek: 'zaakgericht sociaal' }).map((e) => e.id)).toEqual(['3']);
    expect(filterBesluiten(log, { zoek: 'gemeentesecretaris' }).map((e) => e.id)).toEqual(['1']);
    expect(filterBesluiten(log, { zoek: 'coordinatie onbekend' })).toEqual([]);
  });

  it('filters by MT, decisions only, period, action and portfolio item', () => {
    expect(filterBesluiten(log, { mtKey: 'cmt' }).map((e) => e.id)).toEqual(['2', '1', '4']);
    expect(filterBesluiten(log, { mtKey: 'cmt', alleenBesluiten: true }).map((e) => e.id)).toEqual(['1', '4']);
    expect(filterBesluiten(log, { van: '2026-09-05T00:00:00Z' }).map((e) => e.id)).toEqual(['3', '2']);
    expect(filterBesluiten(log, { tot: '2026-09-05T00:00:00Z' }).map((e) => e.id)).toEqual(['1', '4']);
    expect(filterBesluiten(log, { actieId: '31' }).map((e) => e.id)).toEqual(['1']);
    expect(filterBesluiten(log, { portfolioId: '70' }).map((e) => e.id)).toEqual(['3']);
  });
});
