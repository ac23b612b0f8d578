import { actiesList } from './acties.js';
import { adviezenList } from './adviezen.js';
import { agendakeuzesList } from './agendakeuzes.js';
import { agenderingenList } from './agenderingen.js';
import { besluitenList } from './besluiten.js';
import { bevindingenList } from './bevindingen.js';
import { domeinVoortgangList } from './domein-voortgang.js';
import { herinneringenList } from './herinneringen.js';
import { inrichtingList } from './inrichting.js';
import { installatiesList } from './installaties.js';
import { kwartaaldoelenList } from './kwartaaldoelen.js';
import type { ListDefinition } from './list-definition.js';
import { mtsList } from './mts.js';
import { portfolioList } from './portfolio.js';

/**
 * The site's schema: every list the app owns, in an order where each lookup's target list
 * comes first (Acties looks up itself; provisioning adds self-lookups after creating the list).
 * Bump SCHEMA_VERSION whenever a list or column changes.
 */
export const SCHEMA_VERSION = 13;

/*
 * Versions:
 * 1. the first schema (issues 2-11);
 * 2. Acties: Vervallen and VervallenReden (issue 12, point 2);
 * 3. DomeinVoortgang: a row per action and domain for shared actions (issue 12, point 4);
 * 4. Installaties: the teams the bot is installed in, with their Bot Connector (issue 14, points 1 and 10);
 * 5. Agenderingen: actions a domain MT put on the CMT's agenda, until the CMT ticks them as discussed (issue 12, point 6).
 * 6. MTs: GroepId, the team's Microsoft 365 group id that the channel tab's configuration page writes (issue 14, point 1);
 * 7. Adviezen and Acties: Omschrijving, the report's own words, filled on existing sites where the item is the seed's (issue 12, point 5);
 * 8. Acties: BijgewerktDoor, BijgewerktNaam and BijgewerktOp, the person a write under the app's identity was made for (issue 14, point 4);
 * 9. Adviezen: SamenhangMet (the adviezen the college takes up together); Bevindingen: Thema (the theme the report
 *    discusses the finding under); filled on existing sites where the item is the seed's (issue 13, point 7).
 * 10. Agendakeuzes: the secretary's "Ook bespreken" / "Niet nodig" (with reason) per MT meeting and action
 *    (issue 14, point 3); a new list only, so provisioning creates it and no data step is needed.
 * 11. DomeinVoortgang: BijgewerktDoor, BijgewerktNaam and BijgewerktOp, the person a card's write of a domain's row was
 *    made for, as on Acties (issue 14, point 4; issue 12, point 4). Columns only: no upgrade step moves data.
 * 12. Inrichting: the municipality's name, domains, themes and plateaus as data; a site that holds a plan gets
 *    Zoetermeer's (issue 12, point 8).
 * 13. The choice columns of domains, themes and plateaus (marked `choicesFrom`) take their choices from the site's
 *    Inrichting, on this step and on every later provisioning run (issue 12, point 8; docs/inrichting.md). Columns only.
 */

export const siteSchema: readonly ListDefinition[] = [
  adviezenList,
  bevindingenList,
  actiesList,
  portfolioList,
  kwartaaldoelenList,
  mtsList,
  besluitenList,
  herinneringenList,
  domeinVoortgangList,
  installatiesList,
  agenderingenList,
  agendakeuzesList,
  inrichtingList,
];
