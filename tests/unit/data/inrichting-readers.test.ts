/**
 * The set-up's choice columns are read by one rule (issue 12.8): every mapper reads a domain, theme code or plateau
 * against the site's set-up, with the values provisioning gives those columns; a value outside it is reported.
 * Westerveld (tests/fixtures/westerveld-plan.ts) has other domains, themes and plateaus than Zoetermeer.
 */
import { describe, expect, it } from 'vitest';
import { inrichtingChoiceColumns, inrichtingChoices } from '../../../src/data/inrichting-choices.js';
import { toActie } from '../../../src/data/lists/acties.js';
import { toAdvies } from '../../../src/data/lists/adviezen.js';
import { toAgendering, agenderingReadContext } from '../../../src/data/lists/agenderingen.js';
import { toBevinding } from '../../../src/data/lists/bevindingen.js';
import { toDomeinVoortgang } from '../../../src/data/lists/domein-voortgang.js';
import { FieldReader } from '../../../src/data/lists/field-reader.js';
import { inrichtingToItems, inrichtingFromItems } from '../../../src/data/lists/inrichting.js';
import type { ListItem } from '../../../src/data/lists/list-definition.js';
import { toMT } from '../../../src/data/lists/mts.js';
import { toPortfolioItem } from '../../../src/data/lists/portfolio.js';
import { siteSchema } from '../../../src/data/lists/schema.js';
import { inrichtingValues, ZOETERMEER_INRICHTING } from '../../../src/domain/inrichting-basis.js';
import { WESTERVELD_INRICHTING as W } from '../../fixtures/westerveld-plan.js';

const item = (fields: Record<string, unknown>, id = '1'): ListItem => ({ id, eTag: `"${id},1"`, fields });
const unknownValues = (problems: readonly { domain?: { key: string }; value?: unknown }[]) =>
  problems.filter((p) => p.domain?.key === 'veldOnbekendeWaarde').map((p) => p.value);
const noUsers = new Map();

describe('inrichtingValues: the values of each kind, in the set-up order', () => {
  it("gives Westerveld's domains, theme codes and plateaus", () => {
    expect(inrichtingValues(W, 'domeinen')).toEqual([
      'Ruimte',
      'Samenleving',
      'Publiekszaken',
      'Middelen',
      'Veiligheid',
      'Gemeentebreed',
    ]);
    expect(inrichtingValues(W, 'themas')).toEqual(['S', 'L']);
    expect(inrichtingValues(W, 'plateaus')).toEqual(['Basis op orde', 'Doorontwikkelen', 'Voorop lopen']);
  });

  it("is what provisioning gives every set-up column's choices (one rule for the column and its reader)", () => {
    const columns = inrichtingChoiceColumns(siteSchema);
    expect(columns.length).toBeGreaterThanOrEqual(9);
    for (const c of columns)
      expect(inrichtingChoices(W, c.soort), `${c.list}.${c.column}`).toEqual(inrichtingValues(W, c.soort));
  });
});

describe('FieldReader.setupChoice / setupMultiChoice', () => {
  it('reads a value of the set-up as it is and reports one outside it (also one of Zoetermeer)', () => {
    const read = new FieldReader({ D: 'Ruimte', Z: 'Sociaal Domein', M: ['Samenleving', 'Concern', 'Gemeentebreed'] });
    expect(read.setupChoice('D', W, 'domeinen')).toBe('Ruimte');
    expect(read.setupChoice('Z', W, 'domeinen')).toBeUndefined();
    expect(read.setupMultiChoice('M', W)).toEqual(['Samenleving', 'Gemeentebreed']);
    expect(unknownValues(read.problems)).toEqual(['Sociaal Domein', 'Concern']);
  });

  it('reads against the kind it is given: a plateau is no theme code', () => {
    const read = new FieldReader({ P: 'Doorontwikkelen', T: 'Doorontwikkelen' });
    expect(read.setupChoice('P', W, 'plateaus')).toBe('Doorontwikkelen');
    expect(read.setupChoice('T', W, 'themas')).toBeUndefined();
    expect(read.problems).toHaveLength(1);
  });

  it('reports an empty required value as empty, not as unknown', () => {
    const read = new FieldReader({});
    expect(read.setupChoice('D', W, 'domeinen', { required: true })).toBeUndefined();
    expect(read.problems.map((p) => p.domain?.key)).toEqual(['veldLeeg']);
  });
});

describe('the mappers of MTs, Portfolio, Agenderingen and Bevindingen read against the set-up', () => {
  it('an MT keeps its Westerveld domains; a domain the set-up lacks is reported and left out', () => {
    const mt = item({ Sleutel: 'mt-ruimte', Title: 'MT Ruimte', Domeinen: ['Ruimte', 'Fysiek Domein'] });
    const westerveld = toMT(mt, W);
    expect(westerveld.value.domeinen).toEqual(['Ruimte']);
    expect(unknownValues(westerveld.problems)).toEqual(['Fysiek Domein']);
    // The same item against Zoetermeer's set-up: the other way round.
    const zoetermeer = toMT(mt, ZOETERMEER_INRICHTING);
    expect(zoetermeer.value.domeinen).toEqual(['Fysiek Domein']);
    expect(unknownValues(zoetermeer.problems)).toEqual(['Ruimte']);
  });

  it("a portfolio item of a Westerveld domain reads as it is; an unknown domain reads as the set-up's concern domain", () => {
    const base = { ClientKey: 'k', Title: 'Zaaksysteem', Fase: 'Idee', Status: 'Op koers' };
    const ok = toPortfolioItem(item({ ...base, Domein: 'Samenleving' }), noUsers, W);
    expect(ok.value.domein).toBe('Samenleving');
    expect(ok.problems).toEqual([]);
    const onbekend = toPortfolioItem(item({ ...base, Domein: 'Sociaal Domein' }), noUsers, W);
    expect(onbekend.value.domein).toBe('Gemeentebreed');
    expect(unknownValues(onbekend.problems)).toEqual(['Sociaal Domein']);
    expect(toPortfolioItem(item({ ...base, Domein: 'Wijken' }), noUsers, ZOETERMEER_INRICHTING).value.domein).toBe(
      'Concern',
    );
  });

  it("an escalation's domain is read against the set-up, an unknown one as its concern domain", () => {
    const base = { ActieNummer: '2.1', Reden: 'Te laat', Op: '2027-01-05T09:00:00Z', Besproken: false };
    const context = agenderingReadContext(noUsers, W);
    expect(toAgendering(item({ ...base, Domein: 'Veiligheid' }), context).value.domein).toBe('Veiligheid');
    const onbekend = toAgendering(item({ ...base, Domein: 'Concern' }), context);
    expect(onbekend.value.domein).toBe('Gemeentebreed');
    expect(unknownValues(onbekend.problems)).toEqual(['Concern']);
  });

  it("a finding's theme is one of the set-up's codes", () => {
    const s = toBevinding(item({ Title: 'Geen regie', Nummer: 1, Toelichting: '', Thema: 'S' }), W);
    expect(s.value.thema).toBe('S');
    expect(s.problems).toEqual([]);
    const a = toBevinding(item({ Title: 'Geen regie', Nummer: 1, Toelichting: '', Thema: 'A' }), W);
    expect(a.value.thema).toBeUndefined();
    expect(unknownValues(a.problems)).toEqual(['A']);
  });

  it('the plan mappers use the same rule: a Zoetermeer value is unknown in Westerveld', () => {
    const actie = toActie(
      item({
        Nummer: '1.1',
        Title: 'Regiegroep',
        Plateau: 'Fundament versterken',
        Status: 'Loopt',
        Domeinen: ['Ruimte', 'Concern'],
      }),
      { adviesNummerById: new Map(), bevindingNummerById: new Map(), users: noUsers, inrichting: W },
    );
    expect(actie.value.plateau).toBe('Basis op orde');
    expect(actie.value.domeinen).toEqual(['Ruimte']);
    expect(unknownValues(actie.problems)).toEqual(['Fundament versterken', 'Concern']);
    const advies = toAdvies(item({ Nummer: 1, Title: 'Regie', Thema: 'A', Plateau: 'Voorop lopen' }), W);
    expect([advies.value.thema, advies.value.plateau]).toEqual(['S', 'Voorop lopen']);
    expect(unknownValues(advies.problems)).toEqual(['A']);
    const rij = toDomeinVoortgang(item({ Sleutel: '1.1|Middelen', Domein: 'Middelen', Status: 'Loopt' }), {
      actieNummerById: new Map(),
      users: noUsers,
      inrichting: W,
    });
    expect(rij.value.domein).toBe('Middelen');
    expect(rij.problems).toEqual([]);
  });
});

describe('inrichtingFromItems: the one set-up every reader of the Inrichting list uses', () => {
  it("reads Westerveld's items, Zoetermeer's for none, and Zoetermeer's flagged for items that are no usable set-up", () => {
    const items = inrichtingToItems(W).map((x, i) => item(x.fields, String(i + 1)));
    expect(inrichtingFromItems(items)).toEqual({ inrichting: W });
    expect(inrichtingFromItems([])).toEqual({ inrichting: ZOETERMEER_INRICHTING });
    const zonderConcern = items.map((x) => ({ ...x, fields: { ...x.fields, HeleOrganisatie: false } }));
    expect(inrichtingFromItems(zonderConcern)).toEqual({ inrichting: ZOETERMEER_INRICHTING, ongeldig: true });
  });
});
