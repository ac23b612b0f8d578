/**
 * The reflection question on every digitalisering agenda item (recommendation 11.4: "keep the conversation about
 * digital leadership going"). It combines one of the seven aspects of digital leadership from the 213a survey (with
 * the survey's question for it) and one of the four questions of the report's conclusion, both quoted verbatim with
 * their source, and rotates deterministically with the meeting's week: no randomness, so the same
 * meeting always gets the same question and every MT that meets in the same week discusses the same aspect.
 */
import { isValidCalendarDate } from './dates.js';
import type { CalendarDate } from './model.js';
import { createCitations, parseSource, type Citation, type SeedSource } from './plan/citations.js';

/** How the report groups the aspects: hard (structure), soft (people), connecting. */
export type AspectKind = 'hard' | 'zacht' | 'verbindend';

/**
 * One aspect of digital leadership. `denkAan` is the survey's question for the aspect, verbatim (001:259–283), so the
 * hint on the card asks what the report's survey asked; `bron` is where it stands.
 */
export type LeiderschapsAspect = { naam: string; soort: AspectKind; denkAan: string; bron: SeedSource };

const citaten = createCitations();

/** The seven aspects in the report's order (hard, soft, connecting), each with the survey's question for it. */
export const LEIDERSCHAPS_ASPECTEN: readonly LeiderschapsAspect[] = [
  aspect(
    'Richting & kaders',
    'hard',
    '001:259-260',
    'In welke mate [beschikt de leidinggevende] over een inhoudelijke visie op de beoogde doelsituatie en bijbehorende doelen?',
  ),
  aspect(
    'Overzicht',
    'hard',
    '001:262-265',
    'In welke mate [beschikt de leidinggevende] over een overzicht van alle plannen en lopende initiatieven [om invulling te geven aan de inhoudelijke visie]?',
  ),
  aspect(
    'Besluitvorming',
    'hard',
    '001:267-270',
    'In welke mate is [voor de leidinggevende] duidelijk hoe besluitvorming plaatsvindt, wie daarin welke verantwoordelijkheid heeft en wat de rol van de leidinggevende zelf daarin is?',
  ),
  aspect(
    'Houding',
    'zacht',
    '001:275-276',
    'In welke mate omarmt de leidinggevende de mogelijkheden van digitalisering en ziet hij kansen voor de toekomst?',
  ),
  aspect(
    'Kennis & competenties',
    'zacht',
    '001:272-273',
    'In welke mate beschikt de leidinggevende over kennis van digitalisering en is hij/zij op de hoogte van recente ontwikkelingen?',
  ),
  aspect(
    'Samenwerking & communicatie',
    'verbindend',
    '001:283',
    'Hoe ervaart de leidinggevende de samenwerking met andere afdelingen?',
  ),
  aspect(
    'Ondersteuning',
    'verbindend',
    '001:278-281',
    'In welke mate wordt de leidinggevende ondersteund door professionals met inhoudelijke adviezen en capaciteit bij de uitvoering van digitaliseringsinitiatieven?',
  ),
];

function aspect(naam: string, soort: AspectKind, ref: string, vraag: string): LeiderschapsAspect {
  const denkAan = citaten.uit(`aspect ${naam}: enquêtevraag`, ref, vraag);
  return { naam, soort, denkAan, bron: parseSource(ref) };
}

/**
 * The four questions of the report's conclusion ("Concluderend", 001:1251–1253), verbatim: the conversation about
 * digital leadership that recommendation 11.4 asks to keep going.
 */
export const GESPREKSVRAGEN_11_4 = [
  citaten.uit('gespreksvraag 1', '001:1251', 'Welke rol hebben zij daarin?'),
  citaten.uit('gespreksvraag 2', '001:1253', 'Wat vraagt dat van hen?'),
  citaten.uit('gespreksvraag 3', '001:1253', 'Wat gaat goed?'),
  citaten.uit('gespreksvraag 4', '001:1253', 'Wat kan anders?'),
] as const;
export type Gespreksvraag = (typeof GESPREKSVRAGEN_11_4)[number];

/** Where the four questions stand in the report. */
export const GESPREKSVRAGEN_SOURCE: SeedSource = parseSource('001:1251-1253');

/**
 * The sentence of the conclusion the four questions follow, verbatim: it says who "zij" and "hen" are (the
 * municipality's leidinggevenden) and what "dat" asks of them (the conversation about digital leadership). Out of it,
 * "Wat vraagt dat van hen?" on a card names nobody.
 */
export const GESPREKSAANLEIDING = citaten.uit(
  'gespreksvragen: aanleiding',
  '001:1249-1251',
  'Omdat de digitalisering onvermijdelijk is blijft het van belang dat leidinggevenden binnen de gemeente Zoetermeer steeds met elkaar het gesprek blijven voeren over digitaal leiderschap.',
);
export const GESPREKSAANLEIDING_SOURCE: SeedSource = parseSource('001:1249-1251');

/** Every quoted text of the reflection question, with its seed passage (read back by a unit test). */
export const reflectieCitations: readonly Citation[] = citaten.lijst;

/** The question for one meeting. */
export type ReflectionQuestion = {
  aspect: string;
  soort: AspectKind;
  vraag: Gespreksvraag;
  /** The survey's question for the aspect (verbatim), to anchor the conversation. */
  denkAan: string;
  /** The report's sentence the question follows (verbatim, `GESPREKSAANLEIDING`): whom it is about. */
  aanleiding: string;
  bronAanleiding: SeedSource;
  /** Where the question (`vraag`) and the survey question (`denkAan`) stand in the report. */
  bronVraag: SeedSource;
  bronDenkAan: SeedSource;
  /** The whole question as one Dutch sentence for a card or a side panel, the quotes marked as quotes. */
  tekst: string;
  /** Position in the 28-step cycle (7 aspects × 4 prompts), for tests and logs. */
  rotatie: number;
};

/** A Monday; weeks are counted from here so the rotation runs on across year ends (ISO week 53 → 1 would jump). */
const EPOCH_MONDAY_UTC = Date.UTC(2024, 0, 1);
const MS_PER_DAY = 86_400_000;

/**
 * The number of whole weeks (Monday to Sunday) between the epoch and the week containing `d`.
 * Pure calendar counting on UTC-midnight values of the date's parts, so no time zone or DST can shift it.
 */
function weekIndex(d: CalendarDate): number {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const days = Math.round((Date.UTC(y, m - 1, day) - EPOCH_MONDAY_UTC) / MS_PER_DAY);
  return Math.floor(days / 7);
}

/**
 * The reflection question for a meeting on `meetingDate` (its Amsterdam calendar date).
 * The aspect moves one step every week and the prompt every seven weeks, so a weekly MT meets all 28 combinations in
 * 28 weeks, and an MT that meets every other week still sees every aspect (7 is odd) and every prompt.
 * @throws RangeError when `meetingDate` is not a calendar date.
 */
export function reflectionQuestion(meetingDate: CalendarDate): ReflectionQuestion {
  if (!isValidCalendarDate(meetingDate))
    throw new RangeError(`reflectionQuestion: not a calendar date: ${JSON.stringify(meetingDate)}`);
  const n = LEIDERSCHAPS_ASPECTEN.length;
  const m = GESPREKSVRAGEN_11_4.length;
  const cycle = n * m;
  const week = weekIndex(meetingDate);
  const rotatie = ((week % cycle) + cycle) % cycle;
  const aspect = LEIDERSCHAPS_ASPECTEN[rotatie % n];
  const vraag = GESPREKSVRAGEN_11_4[Math.floor(rotatie / n) % m];
  // Both indexes are in range by construction; the check satisfies noUncheckedIndexedAccess.
  if (!aspect || !vraag) throw new Error('reflectionQuestion: rotation out of range');
  return {
    aspect: aspect.naam,
    soort: aspect.soort,
    vraag,
    denkAan: aspect.denkAan,
    aanleiding: GESPREKSAANLEIDING,
    bronAanleiding: GESPREKSAANLEIDING_SOURCE,
    bronVraag: GESPREKSVRAGEN_SOURCE,
    bronDenkAan: aspect.bron,
    tekst: `${aspect.naam}: “${vraag}” Uit de conclusie van het onderzoeksrapport: “${GESPREKSAANLEIDING}” Enquêtevraag bij dit aspect: “${aspect.denkAan}”`,
    rotatie,
  };
}
