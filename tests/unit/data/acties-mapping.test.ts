import { describe, expect, it } from 'vitest';
import type { Actie } from '../../../src/domain/model.js';
import {
  actieFieldNames,
  actieToFields,
  ACTIE_FIELDS,
  toActie,
  type ActieReadContext,
} from '../../../src/data/lists/acties.js';
import type { ListItem } from '../../../src/data/lists/list-definition.js';

const actie: Actie = {
  nummer: '2.2',
  titel: 'Plan van aanpak basis op orde',
  advies: 2,
  plateau: 'Fundament versterken',
  domeinen: ['Concern'],
  status: 'Belegd in lopend traject',
  lopendTraject: 'Lopende trajecten data en processen',
  eigenaar: { id: '7', displayName: 'Programmamanager Datagedreven Werken' },
  deadline: '2025-06-30',
  planning: 'Loopt reeds',
  afhankelijkVan: ['2.1'],
  bevindingen: [2],
};

const readContext: ActieReadContext = {
  adviesNummerById: new Map([['12', 2]]),
  bevindingNummerById: new Map([['22', 2]]),
  users: new Map([['7', { id: '7', displayName: 'Programmamanager Datagedreven Werken' }]]),
};

/** What Graph returns for the fields written by actieToFields (lookups come back expanded). */
function asStored(fields: Record<string, unknown>): ListItem {
  return {
    id: '40',
    eTag: '"{8E2A},3"',
    fields: {
      Title: fields.Title,
      Nummer: fields.Nummer,
      AdviesLookupId: String(fields.AdviesLookupId),
      Plateau: fields.Plateau,
      Domeinen: fields.Domeinen,
      Status: fields.Status,
      LopendTraject: fields.LopendTraject,
      EigenaarLookupId: String(fields.EigenaarLookupId),
      Deadline: fields.Deadline,
      Planning: fields.Planning,
      AfhankelijkVan: [{ LookupId: 31, LookupValue: '2.1' }],
      Bevindingen: [{ LookupId: 22, LookupValue: 'Basis op orde houden of vernieuwen?' }],
    },
  };
}

describe('the Acties list mapping', () => {
  it('writes SharePoint wire shapes: lookup ids, typed collections, date-only as Amsterdam midnight', () => {
    const { fields, unresolved } = actieToFields(actie, {
      adviesIdByNummer: new Map([[2, '12']]),
      bevindingIdByNummer: new Map([[2, '22']]),
      actieIdByNummer: new Map([['2.1', '31']]),
    });
    expect(unresolved).toEqual([]);
    expect(fields).toMatchObject({
      AdviesLookupId: '12',
      'Domeinen@odata.type': 'Collection(Edm.String)',
      Domeinen: ['Concern'],
      EigenaarLookupId: '7',
      Deadline: '2025-06-29T22:00:00Z',
      'AfhankelijkVanLookupId@odata.type': 'Collection(Edm.Int32)',
      AfhankelijkVanLookupId: [31],
      BevindingenLookupId: [22],
    });
  });

  it('reports dependencies whose target does not exist yet instead of dropping them silently', () => {
    const { unresolved, fields } = actieToFields(actie, {
      adviesIdByNummer: new Map(),
      bevindingIdByNummer: new Map(),
      actieIdByNummer: new Map(),
    });
    expect(unresolved).toEqual(['2.1']);
    expect(fields.AfhankelijkVanLookupId).toEqual([]);
  });

  it('reads back exactly what it wrote', () => {
    const { fields } = actieToFields(actie, {
      adviesIdByNummer: new Map([[2, '12']]),
      bevindingIdByNummer: new Map([[2, '22']]),
      actieIdByNummer: new Map([['2.1', '31']]),
    });
    const loaded = toActie(asStored(fields), readContext);
    expect(loaded.problems).toEqual([]);
    expect(loaded.value).toEqual(actie);
    expect(loaded).toMatchObject({ id: '40', eTag: '"{8E2A},3"' });
  });

  it('selects only the fields the plan needs, persons and lookups by their LookupId', () => {
    expect(actieFieldNames).toContain('EigenaarLookupId');
    expect(actieFieldNames).toContain('AdviesLookupId');
    expect(actieFieldNames).not.toContain(ACTIE_FIELDS.clientKey);
  });
});

describe('tolerant reading of items edited in SharePoint', () => {
  it('loads an item with an unknown status, an empty title and an unknown person, and reports each', () => {
    const loaded = toActie(
      {
        id: '9',
        eTag: '"{X},1"',
        fields: {
          Nummer: '11.5',
          Status: 'In behandeling',
          Plateau: 'Randvoorwaardelijk',
          EigenaarLookupId: '99',
          Domeinen: ['Sociaal Domein', 'Buitenland'],
        },
      },
      readContext,
    );
    expect(loaded.value.nummer).toBe('11.5');
    expect(loaded.value.advies).toBe(11);
    expect(loaded.value.status).toBe('Niet gestart');
    expect(loaded.value.domeinen).toEqual(['Sociaal Domein']);
    expect(loaded.value.eigenaar).toEqual({ id: '99', displayName: 'Onbekende gebruiker (99)', onbekend: true });
    expect(loaded.problems.map((p) => p.field).sort()).toEqual(['Domeinen', 'Eigenaar', 'Status', 'Title']);
    expect(loaded.problems.find((p) => p.field === 'Status')?.message).toBe(
      "Onbekende waarde 'In behandeling' in Status.",
    );
  });

  it('reports a lookup to a deleted recommendation or finding and keeps going', () => {
    const loaded = toActie(
      {
        id: '9',
        eTag: '"{X},1"',
        fields: {
          Title: 'x',
          Nummer: '3.1',
          Status: 'Loopt',
          Plateau: 'Verbeteren',
          AdviesLookupId: '404',
          Bevindingen: [{ LookupId: 77, LookupValue: '' }],
        },
      },
      readContext,
    );
    expect(loaded.value.advies).toBe(3);
    expect(loaded.value.bevindingen).toEqual([]);
    expect(loaded.problems.map((p) => p.message)).toEqual([
      'Het gekoppelde item 404 in Advies bestaat niet meer.',
      'Het gekoppelde item 77 in Bevindingen bestaat niet meer.',
    ]);
  });

  it('reads a date typed as a plain date and reports a date it cannot read', () => {
    const loaded = toActie(
      {
        id: '9',
        eTag: 'e',
        fields: {
          Title: 'x',
          Nummer: '1.1',
          Status: 'Loopt',
          Plateau: 'Verbeteren',
          Deadline: '2025-12-31',
          Start: 'morgen',
        },
      },
      readContext,
    );
    expect(loaded.value.deadline).toBe('2025-12-31');
    expect(loaded.value.start).toBeUndefined();
    expect(loaded.problems).toEqual([
      {
        field: 'Start',
        message: 'Het veld Start is geen geldige datum.',
        domain: { key: 'veldGeenDatum', params: { veld: 'Start' } },
        value: 'morgen',
      },
    ]);
  });

  it('turns a winter deadline instant back into its Amsterdam date', () => {
    const loaded = toActie(
      {
        id: '9',
        eTag: 'e',
        fields: { Title: 'x', Nummer: '1.1', Status: 'Loopt', Plateau: 'Verbeteren', Deadline: '2025-12-30T23:00:00Z' },
      },
      readContext,
    );
    expect(loaded.value.deadline).toBe('2025-12-31');
  });
});
