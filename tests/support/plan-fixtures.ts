import type { DomeinVoortgang } from '../../src/domain/domein-voortgang.js';
import type { Plan } from '../../src/domain/model.js';
import type { PlanExport } from '../../src/data/plan-xlsx.js';

/*
 * Plans of a made-up municipality for the plan import's tests (issue 12, point 8): other numbers of adviezen, findings
 * and actions than Zoetermeer's, two of the three themes and three of the five domains (the app's theme names and
 * domains are still fixed in code, see docs/domain.md). The texts are invented for the tests and are no seed's words.
 */

/** A made-up plan of another municipality: 3 adviezen in two of the themes, other domains, 6 actions, one shared. */
export const westerveld: PlanExport = {
  plan: {
    themas: [
      { code: 'A', naam: 'Structuur versterken', adviezen: [1, 2] },
      { code: 'C', naam: 'Continu leren', adviezen: [3] },
    ],
    adviezen: [
      {
        nummer: 1,
        titel: 'Stel een regiegroep informatievoorziening in',
        thema: 'A',
        plateau: 'Randvoorwaardelijk',
        collegeReactie: 'Het college neemt dit advies over.',
        collegePlanning: 'Eerste helft 2027',
      },
      {
        nummer: 2,
        titel: 'Breng de applicaties in beeld',
        thema: 'A',
        plateau: 'Fundament versterken',
        collegeReactie: '',
        collegePlanning: '',
      },
      {
        nummer: 3,
        titel: 'Leer van elk project',
        thema: 'C',
        plateau: 'Verbeteren',
        collegeReactie: 'Overgenomen.',
        collegePlanning: 'Doorlopend vanaf 2027',
      },
    ],
    bevindingen: [
      {
        nummer: 1,
        titel: 'Er is geen overzicht van de applicaties',
        toelichting: 'Elk domein houdt een eigen lijst bij.',
      },
      { nummer: 2, titel: 'Evaluaties blijven liggen', toelichting: '' },
    ],
    acties: [
      {
        nummer: '1.1',
        titel: 'Regiegroep samenstellen',
        advies: 1,
        plateau: 'Randvoorwaardelijk',
        domeinen: ['Concern'],
        status: 'Loopt',
        deadline: '2027-03-31',
        afhankelijkVan: [],
        bevindingen: [],
      },
      {
        nummer: '1.2',
        titel: 'Mandaat van de regiegroep vastleggen',
        advies: 1,
        plateau: 'Randvoorwaardelijk',
        domeinen: ['Concern'],
        status: 'Niet gestart',
        afhankelijkVan: ['1.1'],
        bevindingen: [],
      },
      {
        nummer: '2.1',
        titel: 'Applicatielijst per domein',
        advies: 2,
        plateau: 'Fundament versterken',
        domeinen: ['Sociaal Domein', 'Dienstverlening'],
        status: 'Niet gestart',
        eigenaar: { displayName: 'Manager I&A' },
        deadline: '2027-06-30',
        afhankelijkVan: ['1.1'],
        bevindingen: [1],
      },
      {
        nummer: '2.2',
        titel: 'Dubbele applicaties uitfaseren',
        advies: 2,
        plateau: 'Verbeteren',
        domeinen: ['Dienstverlening'],
        status: 'Geblokkeerd',
        statusToelichting: 'Wacht op de lijst.',
        afhankelijkVan: ['2.1'],
        bevindingen: [1],
      },
      {
        nummer: '3.1',
        titel: 'Evaluatie na elk project',
        advies: 3,
        plateau: 'Verbeteren',
        domeinen: ['Sociaal Domein'],
        status: 'Loopt',
        start: '2027-01-01',
        planning: 'Doorlopend vanaf 2027',
        afhankelijkVan: [],
        bevindingen: [2],
      },
      {
        nummer: '3.2',
        titel: 'Jaarlijkse leersessie',
        advies: 3,
        plateau: 'Excelleren',
        domeinen: ['Concern'],
        status: 'Niet gestart',
        afhankelijkVan: [],
        bevindingen: [2],
        vervallen: true,
        vervallenReden: 'Opgenomen in 3.1.',
      },
    ],
  },
  domeinVoortgang: [
    { actie: '2.1', domein: 'Dienstverlening', status: 'Loopt', notitie: 'Lijst in concept.' },
    {
      actie: '2.1',
      domein: 'Sociaal Domein',
      status: 'Afgerond',
      eigenaar: { displayName: 'Informatiemanager Sociaal Domein' },
      deadline: '2027-05-01',
    },
  ],
};

/** The made-up plan with bad rows: a wrong plateau (Acties row 3), a dependency on a missing action (row 5), a domain row for a domain the action lacks (row 3: rows are sorted by domain). */
export function brokenWesterveld(): PlanExport {
  const plan: Plan = structuredClone(westerveld.plan);
  (plan.acties[1] as { plateau: string }).plateau = 'Onbekend plateau';
  plan.acties[3] = { ...(plan.acties[3] as Plan['acties'][number]), afhankelijkVan: ['9.9'] };
  const rijen: DomeinVoortgang[] = [
    ...westerveld.domeinVoortgang,
    { actie: '2.1', domein: 'Fysiek Domein', status: 'Loopt' },
  ];
  return { plan, domeinVoortgang: rijen };
}
