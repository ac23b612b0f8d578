import {
  composeAgenda,
  snapshotOf,
  type Agenda,
  type AgendaActieInput,
  type AgendaInput,
  type AgendaPortfolioInput,
} from '../../../src/domain/agenda.js';
import type { Actie, ActieStatus, Kwartaaldoel } from '../../../src/domain/model.js';

/** Tuesday 24 November 2026, 09:00 Amsterdam (CET, UTC+1). */
export const MEETING = new Date('2026-11-24T08:00:00Z');
export const NEXT_MEETING = new Date('2026-12-01T08:00:00Z');
/** Monday 23 November 2026, 09:00 Amsterdam: when the reminder goes out. */
export const NOW = new Date('2026-11-23T08:00:00Z');
export const DEEP_LINK =
  'https://teams.microsoft.com/l/entity/00000000-0000-0000-0000-000000000000/actieplan?context=%7B%22subEntityId%22%3A%22mt-sociaal-domein%22%7D';

const STATUSES: ActieStatus[] = [
  'Niet gestart',
  'Loopt',
  'Geblokkeerd',
  'Loopt',
  'Belegd in lopend traject',
  'Niet gestart',
];
const DEADLINES = ['2025-06-30', '2026-11-20', '2026-11-26', '2026-12-01', '2027-03-31', undefined];
const OWNERS = [
  'Informatiemanager Sociaal Domein',
  'Directeur Sociaal Domein',
  undefined,
  'Afdelingshoofd Dienstverlening',
];

/** A realistic action of the Sociaal Domein; `i` varies status, deadline, owner and dependencies deterministically. */
export function actie(i: number, overrides: Partial<Actie> = {}): AgendaActieInput {
  const advies = (i % 11) + 1;
  const nummer = `${advies}.${Math.floor(i / 11) + 1}`;
  const status = STATUSES[i % STATUSES.length] ?? 'Loopt';
  const owner = OWNERS[i % OWNERS.length];
  const deadline = DEADLINES[i % DEADLINES.length];
  const value: Actie = {
    nummer,
    titel: `Actie ${nummer}: digitalisering verankeren in de werkprocessen van het sociaal domein`,
    advies,
    plateau: 'Fundament versterken',
    domeinen: ['Sociaal Domein'],
    status,
    afhankelijkVan: i % 7 === 3 && i > 11 ? [`${advies}.${Math.floor(i / 11)}`] : [],
    bevindingen: [],
    ...(status === 'Geblokkeerd'
      ? { statusToelichting: 'Wacht op besluit van het IMO over de prioriteit in het portfolio.' }
      : {}),
    ...(owner ? { eigenaar: { displayName: owner } } : {}),
    ...(deadline ? { deadline } : {}),
    ...overrides,
  };
  return {
    id: String(100 + i),
    eTag: `"{${String(100 + i).padStart(8, '0')}-0000-0000-0000-000000000000},${(i % 5) + 1}"`,
    value,
  };
}

export function acties(n: number): AgendaActieInput[] {
  return Array.from({ length: n }, (_, i) => actie(i));
}

export function portfolio(n: number): AgendaPortfolioInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: String(500 + i),
    value: {
      key: `pf-${i}`,
      titel: `Initiatief ${i}: Grip op WMO`,
      omschrijving: 'Voorbeeld',
      domein: 'Sociaal Domein' as const,
      fase: 'Uitvoering' as const,
      status: (['Op koers', 'Aandacht', 'Kritiek'] as const)[i % 3] ?? 'Op koers',
      prioriteit: i + 1,
      ditKwartaal: 'wel' as const,
      acties: [],
    },
  }));
}

export function doelen(n: number): Kwartaaldoel[] {
  return Array.from({ length: n }, (_, i) => ({
    portfolioKey: `pf-${i}`,
    kwartaal: '2026-Q3',
    doel: `Doel ${i}: procesanalyse afgerond en besproken in het MT`,
    ...(i % 3 === 0
      ? { behaald: 'ja' as const }
      : i % 3 === 1
        ? { behaald: 'deels' as const, reden: 'Capaciteit I&A' }
        : {}),
  }));
}

/** An agenda with `n` actions, a previous snapshot in which a third of them had another status, and portfolio. */
export function agendaWith(n: number, extra: Partial<AgendaInput> = {}): Agenda {
  const base: AgendaInput = {
    mt: { key: 'mt-sociaal-domein', naam: 'MT Sociaal Domein', domeinen: ['Sociaal Domein'] },
    occurrenceStart: MEETING,
    nextOccurrenceStart: NEXT_MEETING,
    now: NOW,
    acties: acties(n),
    portfolio: portfolio(Math.min(n, 12)),
    kwartaaldoelen: doelen(Math.min(n, 12)),
  };
  const previousInput: AgendaInput = {
    ...base,
    acties: base.acties.map((a, i) =>
      i % 3 === 0 ? { ...a, value: { ...a.value, status: 'Niet gestart' as const } } : a,
    ),
  };
  return composeAgenda({ ...base, previous: snapshotOf(previousInput), ...extra });
}
