import type { Actie, Advies, PersonRef } from '../../../src/domain/model.js';
import { ZOETERMEER_INRICHTING } from '../../../src/domain/inrichting.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';
import type { Loaded } from '../../../src/data/lists/field-reader.js';
import type { LoadedPlan } from '../../../src/data/plan-store.js';
import type { TabConfig } from '../../../src/shared/wire.js';

const loaded = <T>(value: T, id: string): Loaded<T> => ({ id, eTag: `"${id},1"`, value, problems: [] });

/** The seeded Zoetermeer plan as the tab gets it from the data layer, with site-user ids for the owners. */
export function seededPlan(): LoadedPlan {
  const names = [...new Set(zoetermeerPlan.acties.flatMap((a) => (a.eigenaar ? [a.eigenaar.displayName] : [])))];
  const users: PersonRef[] = names.map((displayName, i) => ({
    id: String(11 + i),
    displayName,
    email: `${displayName.toLowerCase().replace(/[^a-z]+/g, '.')}@zoetermeer.example`,
  }));
  const userByName = new Map(users.map((u) => [u.displayName, u]));
  return {
    adviezen: zoetermeerPlan.adviezen.map((a: Advies, i) => loaded(a, `a${i + 1}`)),
    bevindingen: zoetermeerPlan.bevindingen.map((b, i) => loaded(b, `b${i + 1}`)),
    acties: zoetermeerPlan.acties.map((a: Actie, i) =>
      loaded({ ...a, ...(a.eigenaar ? { eigenaar: userByName.get(a.eigenaar.displayName) } : {}) }, String(i + 1)),
    ),
    domeinVoortgang: [],
    users,
    inrichting: ZOETERMEER_INRICHTING,
  };
}

/** A plan of `count` generated actions (for scale), cycling through the seeded ones. */
export function largePlan(count: number): LoadedPlan {
  const base = seededPlan();
  const acties = Array.from({ length: count }, (_, i) => {
    const template = base.acties[i % base.acties.length] as Loaded<Actie>;
    const advies = (i % 11) + 1;
    return {
      ...template,
      id: String(i + 1),
      value: {
        ...template.value,
        nummer: `${advies}.${Math.floor(i / 11) + 1}`,
        advies,
        titel: `${template.value.titel} (${i})`,
        afhankelijkVan: i > 0 && i % 7 === 0 ? [`${advies}.1`] : [],
      },
    };
  });
  return { ...base, acties };
}

export const NOW = new Date('2026-11-20T10:00:00Z');

/**
 * Westerveld's plan (tests/fixtures/westerveld-plan.ts: the made-up other municipality) as the tab gets it: its own
 * set-up, 3 adviezen in themes S and L, and its 7 actions with its plateaus and domains (owners left out).
 */
export function westerveldPlan(): LoadedPlan {
  const adviezen: Advies[] = [
    { nummer: 1, titel: 'Richt een regiegroep informatievoorziening in', thema: 'S', plateau: 'Basis op orde' },
    { nummer: 2, titel: 'Breng de applicaties per domein in beeld', thema: 'S', plateau: 'Doorontwikkelen' },
    { nummer: 3, titel: 'Leer van elk project', thema: 'L', plateau: 'Voorop lopen' },
  ].map((a) => ({ ...a, collegeReactie: '', collegePlanning: '' }));
  const actie = (nummer: string, plateau: string, domeinen: string[], afhankelijkVan: string[] = []): Actie => ({
    nummer,
    titel: `Actie ${nummer}`,
    advies: Number(nummer.split('.')[0]),
    plateau,
    domeinen,
    status: 'Niet gestart',
    afhankelijkVan,
    bevindingen: [],
  });
  const acties = [
    actie('1.1', 'Basis op orde', ['Gemeentebreed']),
    actie('1.2', 'Basis op orde', ['Gemeentebreed'], ['1.1']),
    actie('2.1', 'Doorontwikkelen', ['Ruimte', 'Samenleving', 'Publiekszaken'], ['1.1']),
    actie('2.2', 'Voorop lopen', ['Middelen'], ['2.1']),
    actie('3.1', 'Doorontwikkelen', ['Samenleving']),
    actie('3.2', 'Voorop lopen', ['Veiligheid']),
    actie('3.3', 'Voorop lopen', ['Gemeentebreed', 'Ruimte']),
  ];
  return {
    adviezen: adviezen.map((a, i) => loaded(a, `a${i + 1}`)),
    bevindingen: [],
    acties: acties.map((a, i) => loaded(a, String(i + 1))),
    domeinVoortgang: [],
    users: [],
    inrichting: WESTERVELD_INRICHTING,
  };
}

/** The tab's configuration for the sandbox's persona sign-in, as the server writes it into index.html. */
export const personaConfig: TabConfig = {
  graphBaseUrl: 'http://127.0.0.1:1/v1.0',
  tokenUrl: 'http://127.0.0.1:1/oauth2/v2.0/token',
  siteUrl: 'http://127.0.0.1:1/sites/actieplan',
  clientId: 'client',
  auth: 'persona',
  personaDirectoryUrl: 'http://127.0.0.1:1/_sandbox/personas',
};
