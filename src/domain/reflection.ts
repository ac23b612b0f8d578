/**
 * The reflection question on every digitalisering agenda item (recommendation 11.4: "keep the conversation about
 * digital leadership going"). It combines one of the seven aspects of digital leadership from the 213a survey with
 * one of the four 11.4 prompts, and rotates deterministically with the meeting's week: no randomness, so the same
 * meeting always gets the same question and every MT that meets in the same week discusses the same aspect.
 */
import { isValidCalendarDate } from './dates.js';
import type { CalendarDate } from './model.js';

/** How the report groups the aspects: hard (structure), soft (people), connecting. */
export type AspectSoort = 'hard' | 'zacht' | 'verbindend';

/** One aspect of digital leadership with what it is about, in Dutch. */
export type LeiderschapsAspect = { naam: string; soort: AspectSoort; denkAan: string };

/** The seven aspects in the report's order (hard, soft, connecting). */
export const LEIDERSCHAPS_ASPECTEN: readonly LeiderschapsAspect[] = [
  { naam: 'Richting & kaders', soort: 'hard', denkAan: 'een gedeelde visie, roadmap en kaders voor digitalisering' },
  { naam: 'Overzicht', soort: 'hard', denkAan: 'zicht op de digitale initiatieven, het ICT-portfolio en hun voortgang' },
  { naam: 'Besluitvorming', soort: 'hard', denkAan: 'heldere prioriteiten en besluiten over digitale initiatieven' },
  { naam: 'Houding', soort: 'zacht', denkAan: 'nieuwsgierigheid en eigenaarschap bij digitale vernieuwing' },
  { naam: 'Kennis & competenties', soort: 'zacht', denkAan: 'de digitale kennis en vaardigheden van leidinggevenden en medewerkers' },
  { naam: 'Samenwerking & communicatie', soort: 'verbindend', denkAan: 'de samenwerking met I&A, de informatiemanagers en andere domeinen' },
  { naam: 'Ondersteuning', soort: 'verbindend', denkAan: 'hands-on ondersteuning van teams bij processen, data en systemen' },
];

/** The four prompts of recommendation 11.4, verbatim. */
export const GESPREKSVRAGEN_11_4 = ['Wat is onze rol?', 'Wat vraagt het van ons?', 'Wat gaat goed?', 'Wat kan anders?'] as const;
export type Gespreksvraag = (typeof GESPREKSVRAGEN_11_4)[number];

/** The question for one meeting. */
export type ReflectionQuestion = {
  aspect: string;
  soort: AspectSoort;
  vraag: Gespreksvraag;
  /** What the aspect is about, to anchor the conversation. */
  denkAan: string;
  /** The whole question as one Dutch sentence for a card or a side panel. */
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
  if (!isValidCalendarDate(meetingDate)) throw new RangeError(`reflectionQuestion: not a calendar date: ${JSON.stringify(meetingDate)}`);
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
    tekst: `${aspect.naam}: ${vraag} Denk aan ${aspect.denkAan}.`,
    rotatie,
  };
}
