import type { Actie, Advies, PersonRef } from '../../../src/domain/model.js';
import { ZOETERMEER_INRICHTING } from '../../../src/domain/inrichting.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import type { Loaded } from '../../../src/data/lists/field-reader.js';
import type { LoadedPlan } from '../../../src/data/plan-store.js';

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
