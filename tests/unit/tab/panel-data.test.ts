import { describe, expect, it } from 'vitest';
import type { AgendaInput } from '../../../src/domain/agenda.js';
import type { Actie } from '../../../src/domain/model.js';
import { panelAgenda, panelItems } from '../../../src/tab/features/meeting/lib/panel-data.js';

const MEETING = new Date('2026-11-24T08:00:00Z');
const NOW = new Date('2026-11-23T08:00:00Z');
const BUSINESS = ['Sociaal Domein', 'Fysiek Domein', 'Dienstverlening', 'Bedrijfsvoering'] as const;

const actie: Actie = {
  nummer: '11.5',
  titel: 'Digitalisering structureel op de agenda',
  advies: 11,
  plateau: 'Randvoorwaardelijk',
  domeinen: [...BUSINESS, 'Concern'],
  status: 'Loopt',
  deadline: '2026-01-01',
  eigenaar: { displayName: 'CIO' },
  afhankelijkVan: [],
  bevindingen: [],
};
const rijen: NonNullable<AgendaInput['domeinVoortgang']> = [
  { id: '1', eTag: '"1"', value: { actie: '11.5', domein: 'Sociaal Domein', status: 'Afgerond' } },
  {
    id: '2',
    eTag: '"2"',
    value: { actie: '11.5', domein: 'Fysiek Domein', status: 'Geblokkeerd', statusToelichting: 'Geen capaciteit' },
  },
];

function items(mt: AgendaInput['mt']) {
  const { agenda } = panelAgenda({
    mt,
    mtId: '9',
    occurrenceStart: MEETING,
    now: NOW,
    acties: [{ id: '7', eTag: '"a"', value: actie }],
    portfolio: [],
    kwartaaldoelen: [],
    besluiten: [],
    herinneringen: [],
    domeinVoortgang: rijen,
  });
  return panelItems(agenda);
}

describe('the side panel of a shared action (issue 12.4)', () => {
  it('the CMT’s panel item carries the breakdown, a domain MT’s its own domain’s status', () => {
    expect(items({ key: 'cmt', naam: 'CMT', domeinen: ['Concern'] })).toEqual([
      expect.objectContaining({
        itemKey: 'actie:7',
        label: '11.5',
        voortgang: { afgerond: 1, totaal: 5 },
        reasons: ['overdue'],
      }),
    ]);
    const fysiek = items({ key: 'mt-f', naam: 'MT Fysiek Domein', domeinen: ['Fysiek Domein'] });
    expect(fysiek).toEqual([
      expect.objectContaining({
        itemKey: 'actie:7',
        rij: { domein: 'Fysiek Domein', status: 'Geblokkeerd' },
        reasons: ['overdue', 'blocked', 'withoutOwner'],
      }),
    ]);
    expect(fysiek[0]?.voortgang).toBeUndefined();
    // Sociaal Domein finished its part: nothing of 11.5 is on its agenda.
    expect(items({ key: 'mt-s', naam: 'MT Sociaal Domein', domeinen: ['Sociaal Domein'] })).toEqual([]);
  });
});
