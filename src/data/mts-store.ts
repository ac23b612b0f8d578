/**
 * MT registration (issue 5, item 1): reading the MTs with their recent reminder log for the tab's settings, and
 * changing an MT's domains, schedule, lead time, team and channel, active flag and Beheerders. Every change is
 * validated with the domain's rules first (Dutch messages) and written with If-Match, so a concurrent edit becomes a
 * typed conflict carrying the other person's version.
 */
import { ZOETERMEER_INRICHTING, type Inrichting } from '../domain/inrichting-basis.js';
import type { MT } from '../domain/model.js';
import { parseMeetingSchedule, SCHEDULE_FREQUENCIES } from '../domain/schedule.js';
import { messageText, type DomainMessage } from '../domain/messages.js';
import { validateMT, validationMessages as M, type ValidationIssue } from '../domain/validation.js';
import type { Graph } from './graph/client.js';
import { onOrAfter, readListsInOneBatch } from './list-batch.js';
import { readInrichtingForReaders } from './inrichting-reader.js';
import type { Loaded } from './lists/field-reader.js';
import { INRICHTING_READ, inrichtingFromItems } from './lists/inrichting.js';
import { herinneringFieldNames, HERINNERING_FIELDS, toHerinnering, type Herinnering } from './lists/herinneringen.js';
import { installatieFieldNames, toInstallatie, type Installatie } from './lists/installaties.js';
import { lookupIdField, type ListItem } from './lists/list-definition.js';
import { beheerdersToFields, MT_FIELDS, mtBeheerders, mtFieldNames, toMT, type MTBeheerder } from './lists/mts.js';
import { GraphRequestError } from './graph/errors.js';
import { createListStore, EtagConflictError } from './list-store.js';

/** One MT as the settings view shows it: the registration and who may change it. */
export type MTRegistration = Loaded<MT> & { beheerders: MTBeheerder[] };

/**
 * What the settings form and the configuration page may change. `undefined` clears an optional field; `beheerders`
 * are site user ids. `conversationId` is only ever cleared here (the bot records it): a conversation of another
 * channel must not keep receiving the card.
 */
export type MTChange = Partial<
  Pick<MT, 'naam' | 'domeinen' | 'schema' | 'voorlooptijdMinuten' | 'teamId' | 'groepId' | 'channelId' | 'actief'>
> & {
  beheerders?: string[];
  conversationId?: undefined;
};

/** The form of a team's or a standard channel's id in Teams: `19:<id>@thread.tacv2` (older teams: `@thread.skype`). */
export const TEAMS_THREAD_ID = /^19:[A-Za-z0-9_.-]+@thread\.(?:tacv2|skype)$/;

/** The team and channel a channel tab's configuration page runs in (teams-js context). */
export type ChannelPlace = { teamId: string; groepId?: string; channelId: string };

/** Whether a recorded conversation id is that of this channel (a channel's id, or a thread in it). */
export function conversationIsChannel(conversationId: string, channelId: string): boolean {
  return conversationId === channelId || conversationId.startsWith(`${channelId};`);
}

/**
 * The change that makes a channel the MT's reminder channel: the team's thread id and group id and the channel's id,
 * only the fields that differ. A recorded conversation of another channel is cleared, so the bot posts into the new
 * channel and records it afresh. Empty when the MT already points there.
 */
export function channelLinkChange(mt: MT, place: ChannelPlace): MTChange {
  const change: MTChange = {};
  if (mt.teamId !== place.teamId) change.teamId = place.teamId;
  if (place.groepId !== undefined && mt.groepId !== place.groepId) change.groepId = place.groepId;
  if (mt.channelId !== place.channelId) change.channelId = place.channelId;
  if (mt.conversationId !== undefined && !conversationIsChannel(mt.conversationId, place.channelId))
    change.conversationId = undefined;
  return change;
}

/** The change breaks a rule; `issues` carry Dutch messages with their field paths. Nothing was written. */
export class MTValidationError extends Error {
  override readonly name = 'MTValidationError';
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => messageText(i.message)).join(' '));
  }
}

/** Someone else changed (or deleted) the MT since it was read (412 on If-Match). Nothing was written. */
export class MTConflictError extends Error {
  override readonly name = 'MTConflictError';
  constructor(
    readonly itemId: string,
    readonly mine: MTChange,
    /** The MT as it is now; undefined when it was deleted. */
    readonly theirs: MTRegistration | undefined,
  ) {
    super(
      theirs ? 'Dit MT is intussen door iemand anders gewijzigd.' : 'Dit MT is intussen door iemand anders verwijderd.',
    );
  }
}

/** An MT registration read against the site's set-up (its domains). */
export function toMTRegistration(item: ListItem, inrichting: Inrichting): MTRegistration {
  return { ...toMT(item, inrichting), beheerders: mtBeheerders(item) };
}

/**
 * Why a schedule text is not a rule this app reads, naming the part that is wrong; undefined when it parses.
 * `parseMeetingSchedule` only says yes or no, so each part is tried on its own against a minimal rule.
 */
export function scheduleProblem(text: string): DomainMessage | undefined {
  if (text.trim() === '' || parseMeetingSchedule(text)) return undefined;
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const exdate = lines.find((l) => l.toUpperCase().startsWith('EXDATE') && !parseMeetingSchedule(`${l}\nFREQ=WEEKLY`));
  if (exdate) return M.schemaVervallenOngeldig(exdate);
  const ruleLines = lines.filter(
    (l) => !l.toUpperCase().startsWith('DTSTART') && !l.toUpperCase().startsWith('EXDATE'),
  );
  const dtstart = lines.find((l) => l.toUpperCase().startsWith('DTSTART'));
  if (dtstart && !parseMeetingSchedule(`${dtstart}\nFREQ=WEEKLY`)) {
    return M.schemaStartOngeldig(dtstart);
  }
  if (ruleLines.length !== 1) return M.schemaEenRegel;
  const rule = (ruleLines[0] ?? '').replace(/^RRULE:/i, '');
  const parts = rule.split(';');
  const freq = parts
    .find((p) => p.toUpperCase().startsWith('FREQ='))
    ?.slice('FREQ='.length)
    .toUpperCase();
  if (!freq || !(SCHEDULE_FREQUENCIES as readonly string[]).includes(freq)) {
    return M.schemaZonderFreq;
  }
  for (const part of parts) {
    if (part.toUpperCase().startsWith('FREQ=')) continue;
    if (!parseMeetingSchedule(`FREQ=${freq};${part}`)) return M.schemaOnderdeelOngeldig(part);
  }
  return M.schemaOngeldig;
}

/**
 * The MT after the change, and every rule it breaks (empty when it may be written). Pure: the settings form calls
 * it for inline messages, the store before writing. Its domains must be the site's set-up's (issue 12.8; Zoetermeer's
 * where the site has none of its own).
 */
export function checkMTChange(
  current: MT,
  change: MTChange,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): { merged: MT; issues: ValidationIssue[] } {
  const { beheerders: _b, ...fields } = change;
  const merged: MT = { ...current, ...fields };
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    if (fields[key] === undefined) delete (merged as Record<string, unknown>)[key];
  }
  // Ids typed by hand are checked for their form only when they change: rows written before keep working.
  const ids: ValidationIssue[] = [];
  if (change.teamId !== undefined && !TEAMS_THREAD_ID.test(change.teamId.trim())) {
    ids.push({
      path: 'teamId',
      message: M.teamIdVorm,
    });
  }
  if (change.channelId !== undefined && !TEAMS_THREAD_ID.test(change.channelId.trim())) {
    ids.push({
      path: 'channelId',
      message: M.kanaalIdVorm,
    });
  }
  const result = validateMT(merged, inrichting);
  if (result.ok) return { merged: result.value, issues: ids };
  const issues = [...ids, ...result.issues].map((issue) => {
    if (issue.path === 'schema' && issue.message.key === 'schemaOngeldig' && typeof merged.schema === 'string') {
      return { path: 'schema', message: scheduleProblem(merged.schema) ?? issue.message };
    }
    return issue;
  });
  return { merged, issues };
}

/** Names compared as people read them: case, accents and runs of spaces aside. */
function nameKey(naam: string): string {
  return naam.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The problem with giving an MT (`id`, or a new one when undefined) the name `naam` when another MT of `others` has
 * it already: two MTs of one name are two entries nobody can tell apart in every picker, filter and table.
 */
export function mtNameProblem(
  naam: string,
  current: { id: string; value: { naam: string } } | undefined,
  others: readonly { id: string; value: { naam: string } }[],
): ValidationIssue | undefined {
  const key = nameKey(naam);
  // An MT keeps the name it has, also one another MT has too (from before this rule): only a new name is checked.
  if (key === '' || (current && nameKey(current.value.naam) === key)) return undefined;
  const same = others.find((o) => o.id !== current?.id && nameKey(o.value.naam) === key);
  return same ? { path: 'naam', message: M.mtNaamBestaat(same.value.naam) } : undefined;
}

/** The list fields for a change: only what it names. */
export function mtChangeToFields(change: MTChange): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if ('naam' in change && change.naam !== undefined) fields[MT_FIELDS.naam] = change.naam.trim();
  if ('domeinen' in change) {
    fields[`${MT_FIELDS.domeinen}@odata.type`] = 'Collection(Edm.String)';
    fields[MT_FIELDS.domeinen] = change.domeinen ?? [];
  }
  if ('schema' in change) fields[MT_FIELDS.schema] = change.schema?.trim() || null;
  if ('voorlooptijdMinuten' in change) fields[MT_FIELDS.voorlooptijd] = change.voorlooptijdMinuten ?? null;
  if ('teamId' in change) fields[MT_FIELDS.teamId] = change.teamId?.trim() || null;
  if ('groepId' in change) fields[MT_FIELDS.groepId] = change.groepId?.trim() || null;
  if ('channelId' in change) fields[MT_FIELDS.channelId] = change.channelId?.trim() || null;
  if ('conversationId' in change) fields[MT_FIELDS.conversationId] = null;
  if ('actief' in change) fields[MT_FIELDS.actief] = change.actief ?? true;
  if (change.beheerders) Object.assign(fields, beheerdersToFields(change.beheerders));
  return fields;
}

/** Whether a person (site user id, or e-mail as a fallback) may change this MT: a Beheerder, or anyone when none is named. */
export function mayEditMT(
  mt: Pick<MTRegistration, 'beheerders'>,
  person: { id?: string; email?: string } | undefined,
): boolean {
  if (mt.beheerders.length === 0) return true;
  if (!person) return false;
  const email = person.email?.toLowerCase();
  return mt.beheerders.some(
    (b) => (person.id !== undefined && b.id === person.id) || (email !== undefined && b.email?.toLowerCase() === email),
  );
}

export type MTSettingsData = {
  mts: MTRegistration[];
  /** The reminder log from `since` on. */
  herinneringen: Loaded<Herinnering>[];
  /** The teams the bot is installed in (what "Verbonden" and "what is missing" are decided from). */
  installaties: Loaded<Installatie>[];
  /** The site's set-up (issue 12.8): the domains an MT may carry, and which one is the CMT's. */
  inrichting: Inrichting;
};

/** Reads the MTs, the bot's installations and the reminder log from `since` on in one `$batch` (one round trip). */
export async function loadMTSettings(graph: Graph, siteId: string, since: Date): Promise<MTSettingsData> {
  const items = await readListsInOneBatch(graph, siteId, [
    { id: 'mts', list: 'MTs', fields: mtFieldNames },
    {
      id: 'log',
      list: 'Herinneringen',
      fields: herinneringFieldNames,
      filter: onOrAfter(HERINNERING_FIELDS.moment, since),
    },
    { id: 'inst', list: 'Installaties', fields: installatieFieldNames },
    { id: 'inrichting', ...INRICHTING_READ },
  ]);
  const { inrichting } = inrichtingFromItems(items.inrichting ?? []);
  const mts = (items.mts ?? [])
    .map((item) => toMTRegistration(item, inrichting))
    .sort((a, b) => a.value.naam.localeCompare(b.value.naam, 'nl'));
  return {
    mts,
    herinneringen: (items.log ?? []).map(toHerinnering),
    installaties: (items.inst ?? []).map(toInstallatie),
    inrichting,
  };
}

/** The MTs with their Beheerders (the channel tab's configuration page), sorted by name. */
export async function loadMTRegistrations(graph: Graph, siteId: string): Promise<MTRegistration[]> {
  const items = await readListsInOneBatch(graph, siteId, [
    { id: 'mts', list: 'MTs', fields: mtFieldNames },
    { id: 'inrichting', ...INRICHTING_READ },
  ]);
  const { inrichting } = inrichtingFromItems(items.inrichting ?? []);
  return (items.mts ?? [])
    .map((item) => toMTRegistration(item, inrichting))
    .sort((a, b) => a.value.naam.localeCompare(b.value.naam, 'nl'));
}

export type MtsStore = {
  /**
   * Writes the change if the MT still has the eTag it was read with.
   * @throws MTValidationError when the result would break a rule (nothing written)
   * @throws MTConflictError when someone else changed or deleted it meanwhile (nothing written)
   */
  update(current: MTRegistration, change: MTChange): Promise<MTRegistration>;
  /**
   * Registers a new MT ("MT toevoegen") under `sleutel` (unique on the list, so a retried create lands once), with
   * the same rules as a change.
   * @throws MTValidationError when it breaks a rule, or an MT with that key exists (nothing written)
   */
  create(sleutel: string, fields: MTChange & { naam: string }): Promise<MTRegistration>;
};

/**
 * The key of a new MT from its name: lower case ASCII, words joined by hyphens ("MT Sociaal Domein" → "mt-sociaal-domein"),
 * with a number added when `taken` has it already.
 */
export function mtKeyFor(naam: string, taken: readonly string[]): string {
  const base =
    naam
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'mt';
  let key = base;
  for (let n = 2; taken.includes(key); n += 1) key = `${base}-${n}`;
  return key;
}

export function createMtsStore(graph: Graph, siteId: string): MtsStore {
  const list = createListStore(graph, siteId, 'MTs');
  // A change is checked, and what was written mapped, against the site's set-up, read once, before the first write.
  let inrichting: Promise<Inrichting> | undefined;
  const setUp = () => (inrichting ??= readInrichtingForReaders(graph, siteId));
  const toRegistration = async (item: ListItem) => toMTRegistration(item, await setUp());
  return {
    async create(sleutel, fields) {
      const empty: MT = { key: sleutel, naam: fields.naam, domeinen: [] };
      const { issues } = checkMTChange(empty, fields, await setUp());
      const taken = mtNameProblem(fields.naam, undefined, await loadMTRegistrations(graph, siteId));
      if (taken) issues.push(taken);
      if (fields.beheerders?.some((id) => !/^\d+$/.test(id)))
        issues.push({ path: 'beheerders', message: M.beheerdersOnbekend });
      if (issues.length > 0) throw new MTValidationError(issues);
      try {
        const written = await list.create(
          {
            ...mtChangeToFields(fields),
            [MT_FIELDS.naam]: fields.naam.trim(),
            [MT_FIELDS.actief]: fields.actief ?? true,
          },
          sleutel,
          MT_FIELDS.sleutel,
        );
        return await toRegistration(written);
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 409) {
          throw new MTValidationError([{ path: 'naam', message: M.mtSleutelBestaat(sleutel) }]);
        }
        throw error;
      }
    },
    async update(current, change) {
      const { issues } = checkMTChange(current.value, change, await setUp());
      if (change.naam !== undefined && nameKey(change.naam) !== nameKey(current.value.naam)) {
        const taken = mtNameProblem(change.naam, current, await loadMTRegistrations(graph, siteId));
        if (taken) issues.push(taken);
      }
      if (change.beheerders?.some((id) => !/^\d+$/.test(id)))
        issues.push({ path: 'beheerders', message: M.beheerdersOnbekend });
      if (issues.length > 0) throw new MTValidationError(issues);
      const fields = mtChangeToFields(change);
      if (Object.keys(fields).length === 0) return current;
      try {
        const written = await list.update(current.id, current.eTag, fields, mtFieldNames);
        return await toRegistration(written);
      } catch (error) {
        if (error instanceof EtagConflictError)
          throw new MTConflictError(
            current.id,
            change,
            error.current ? await toRegistration(error.current) : undefined,
          );
        throw error;
      }
    },
  };
}

/** The internal name of the Beheerders ids, for tests that set them behind the UI's back. */
export const BEHEERDERS_ID_FIELD = lookupIdField(MT_FIELDS.beheerders);
