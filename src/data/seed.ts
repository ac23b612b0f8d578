import { domeinVoortgangKey, type DomeinVoortgang } from '../domain/domein-voortgang.js';
import type { Kwartaaldoel, MT, PersonRef, Plan, PortfolioItem } from '../domain/model.js';
import type { Inrichting } from '../domain/inrichting.js';
import type { Graph } from './graph/client.js';
import { InrichtingExistsError, writeInrichting } from './inrichting-store.js';
import { ACTIE_FIELDS, actieToFields, dependencyFields } from './lists/acties.js';
import { ADVIES_FIELDS, adviesToFields } from './lists/adviezen.js';
import { BEVINDING_FIELDS, bevindingToFields } from './lists/bevindingen.js';
import { DOMEIN_VOORTGANG_FIELDS, domeinVoortgangToFields } from './lists/domein-voortgang.js';
import { KWARTAALDOEL_FIELDS, kwartaaldoelToFields } from './lists/kwartaaldoelen.js';
import { fieldsExpand, lookupIdField, SITE_USERS_LIST, type ListItem, type ListName } from './lists/list-definition.js';
import { MT_FIELDS, mtToFields } from './lists/mts.js';
import { PORTFOLIO_FIELDS, portfolioItemToFields } from './lists/portfolio.js';
import { siteUserFieldNames, toSiteUser } from './lists/site-users.js';
import { listPath } from './site.js';

export type SeedData = {
  plan: Plan;
  portfolio: readonly PortfolioItem[];
  kwartaaldoelen: readonly Kwartaaldoel[];
  mts: readonly MT[];
  /** Rows of the shared actions per domain; absent for a site whose schema has no DomeinVoortgang list yet. */
  domeinVoortgang?: readonly DomeinVoortgang[];
  /** The municipality's set-up (Inrichting list); written when the list is empty, left alone when it holds one. */
  inrichting?: Inrichting;
};

export type SeedReport = {
  created: Record<ListName, number>;
  /** Role names in the data that are no site user; their items are left without that person. */
  unknownPeople: string[];
};

/**
 * Fills the site's lists with the plan through the app's own Graph writes, as a first
 * deployment would. Idempotent and resumable: items already present (matched on their key
 * column) are left alone, so a run that stopped half-way simply continues.
 */
export async function seedSite(graph: Graph, siteId: string, data: SeedData): Promise<SeedReport> {
  const report: SeedReport = {
    created: {
      Adviezen: 0,
      Bevindingen: 0,
      Acties: 0,
      Portfolio: 0,
      Kwartaaldoelen: 0,
      MTs: 0,
      Herinneringen: 0,
      Besluiten: 0,
      DomeinVoortgang: 0,
      Installaties: 0,
      Agenderingen: 0,
      Agendakeuzes: 0,
      Inrichting: 0,
    },
    unknownPeople: [],
  };
  const items = (list: ListName, fields: readonly string[]) =>
    graph.getAll<ListItem>(`${listPath(siteId, list)}/items?$expand=${fieldsExpand(fields)}&$top=999`);
  const create = async (list: ListName, fields: Record<string, unknown>): Promise<string> => {
    const item = await graph.post<ListItem>(`${listPath(siteId, list)}/items`, { fields });
    report.created[list] += 1;
    return item.id;
  };

  if (data.inrichting) {
    try {
      report.created.Inrichting += await writeInrichting(graph, siteId, data.inrichting);
    } catch (error) {
      // A set-up of the site's own (edited in SharePoint, or another municipality's) is never replaced by the seed's.
      if (!(error instanceof InrichtingExistsError)) throw error;
    }
  }

  const users = (
    await graph.getAll<ListItem>(
      `${listPath(siteId, SITE_USERS_LIST)}/items?$expand=${fieldsExpand(siteUserFieldNames)}`,
    )
  ).map(toSiteUser);
  const userIdByName = new Map(users.map((u) => [u.displayName, u.id ?? '']));
  const resolvePerson = (person: PersonRef | undefined): PersonRef | undefined => {
    if (!person) return undefined;
    const id = userIdByName.get(person.displayName);
    if (!id) {
      if (!report.unknownPeople.includes(person.displayName)) report.unknownPeople.push(person.displayName);
      return undefined;
    }
    return { ...person, id };
  };

  const adviesIdByNummer = new Map<number, string>();
  for (const item of await items('Adviezen', [ADVIES_FIELDS.nummer]))
    adviesIdByNummer.set(Number(item.fields[ADVIES_FIELDS.nummer]), item.id);
  for (const advies of data.plan.adviezen) {
    if (!adviesIdByNummer.has(advies.nummer))
      adviesIdByNummer.set(advies.nummer, await create('Adviezen', adviesToFields(advies)));
  }

  const bevindingIdByNummer = new Map<number, string>();
  for (const item of await items('Bevindingen', [BEVINDING_FIELDS.nummer]))
    bevindingIdByNummer.set(Number(item.fields[BEVINDING_FIELDS.nummer]), item.id);
  for (const bevinding of data.plan.bevindingen) {
    if (!bevindingIdByNummer.has(bevinding.nummer))
      bevindingIdByNummer.set(bevinding.nummer, await create('Bevindingen', bevindingToFields(bevinding)));
  }

  const actieIdByNummer = new Map<string, string>();
  for (const item of await items('Acties', [ACTIE_FIELDS.nummer]))
    actieIdByNummer.set(String(item.fields[ACTIE_FIELDS.nummer]), item.id);
  const pendingDependencies: { id: string; afhankelijkVan: string[] }[] = [];
  for (const actie of data.plan.acties) {
    if (actieIdByNummer.has(actie.nummer)) continue;
    const resolved = { ...actie, eigenaar: resolvePerson(actie.eigenaar) };
    const { fields, unresolved } = actieToFields(resolved, { adviesIdByNummer, bevindingIdByNummer, actieIdByNummer });
    const id = await create('Acties', { ...fields, [ACTIE_FIELDS.clientKey]: `seed:actie:${actie.nummer}` });
    actieIdByNummer.set(actie.nummer, id);
    if (unresolved.length > 0) pendingDependencies.push({ id, afhankelijkVan: actie.afhankelijkVan });
  }
  for (const pending of pendingDependencies) {
    await graph.patch(
      `${listPath(siteId, 'Acties')}/items/${pending.id}/fields`,
      dependencyFields(pending.afhankelijkVan, actieIdByNummer),
    );
  }

  if (data.domeinVoortgang) {
    const existingRows = new Set(
      (await items('DomeinVoortgang', [DOMEIN_VOORTGANG_FIELDS.sleutel])).map((item) =>
        String(item.fields[DOMEIN_VOORTGANG_FIELDS.sleutel]),
      ),
    );
    for (const rij of data.domeinVoortgang) {
      if (existingRows.has(domeinVoortgangKey(rij.actie, rij.domein))) continue;
      const actieId = actieIdByNummer.get(rij.actie);
      if (!actieId)
        throw new Error(`DomeinVoortgang ${rij.actie} ${rij.domein} refers to unknown action ${rij.actie}.`);
      await create(
        'DomeinVoortgang',
        domeinVoortgangToFields({ ...rij, eigenaar: resolvePerson(rij.eigenaar) }, actieId),
      );
    }
  }

  const portfolioIdByKey = new Map<string, string>();
  for (const item of await items('Portfolio', [PORTFOLIO_FIELDS.clientKey]))
    portfolioIdByKey.set(String(item.fields[PORTFOLIO_FIELDS.clientKey]), item.id);
  for (const portfolioItem of data.portfolio) {
    if (portfolioIdByKey.has(portfolioItem.key)) continue;
    const resolved = {
      ...portfolioItem,
      opdrachtgever: resolvePerson(portfolioItem.opdrachtgever),
      informatiemanager: resolvePerson(portfolioItem.informatiemanager),
      iaContact: resolvePerson(portfolioItem.iaContact),
    };
    portfolioIdByKey.set(
      portfolioItem.key,
      await create('Portfolio', portfolioItemToFields(resolved, actieIdByNummer)),
    );
  }

  const existingGoals = new Set(
    (
      await items('Kwartaaldoelen', [
        lookupIdField(KWARTAALDOEL_FIELDS.portfolio),
        KWARTAALDOEL_FIELDS.kwartaal,
        KWARTAALDOEL_FIELDS.doel,
      ])
    ).map((item) =>
      [
        item.fields[lookupIdField(KWARTAALDOEL_FIELDS.portfolio)],
        item.fields[KWARTAALDOEL_FIELDS.kwartaal],
        item.fields[KWARTAALDOEL_FIELDS.doel],
      ].join('|'),
    ),
  );
  for (const doel of data.kwartaaldoelen) {
    const portfolioId = portfolioIdByKey.get(doel.portfolioKey);
    if (!portfolioId)
      throw new Error(`Kwartaaldoel ${doel.kwartaal} refers to unknown portfolio item ${doel.portfolioKey}.`);
    if (existingGoals.has([portfolioId, doel.kwartaal, doel.doel].join('|'))) continue;
    await create('Kwartaaldoelen', kwartaaldoelToFields(doel, portfolioId));
  }

  const existingMts = new Set(
    (await items('MTs', [MT_FIELDS.sleutel])).map((item) => String(item.fields[MT_FIELDS.sleutel])),
  );
  for (const mt of data.mts) {
    if (!existingMts.has(mt.key)) await create('MTs', mtToFields(mt));
  }
  return report;
}
