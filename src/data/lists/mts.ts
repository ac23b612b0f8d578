import type { Inrichting } from '../../domain/inrichting-basis.js';
import { DOMEINEN, type MT } from '../../domain/model.js';
import { FieldReader, withOptional, type Loaded } from './field-reader.js';
import { lookupIdField, type ListDefinition, type ListItem } from './list-definition.js';

export const MT_FIELDS = {
  naam: 'Title',
  sleutel: 'Sleutel',
  domeinen: 'Domeinen',
  teamId: 'TeamId',
  groepId: 'GroepId',
  channelId: 'ChannelId',
  conversationId: 'ConversationId',
  schema: 'Schema',
  voorlooptijd: 'Voorlooptijd',
  actief: 'Actief',
  beheerders: 'Beheerders',
} as const;

export const mtsList: ListDefinition = {
  name: 'MTs',
  description:
    'Managementteams die het agendapunt digitalisering krijgen (advies 11.5): kanaal, domeinen en vergaderschema.',
  titleDisplayName: 'MT',
  columns: [
    {
      name: MT_FIELDS.sleutel,
      displayName: 'Sleutel',
      text: { maxLength: 64 },
      indexed: true,
      enforceUniqueValues: true,
    },
    {
      name: MT_FIELDS.domeinen,
      displayName: 'Domeinen',
      choicesFrom: 'domeinen',
      choice: { choices: DOMEINEN, displayAs: 'checkBoxes' },
    },
    { name: MT_FIELDS.teamId, displayName: 'Team-id', text: { maxLength: 255 } },
    // Schema 6: the team's Microsoft 365 group id, next to its thread id (issue 14, point 1).
    { name: MT_FIELDS.groepId, displayName: 'Groep-id (Entra)', text: { maxLength: 64 } },
    { name: MT_FIELDS.channelId, displayName: 'Kanaal-id', text: { maxLength: 255 } },
    { name: MT_FIELDS.conversationId, displayName: 'Gesprek-id', text: { maxLength: 255 } },
    // Multi-line: an every-other-week schedule is a DTSTART line plus an RRULE line.
    { name: MT_FIELDS.schema, displayName: 'Vergaderschema (RRULE)', text: { allowMultipleLines: true } },
    {
      name: MT_FIELDS.voorlooptijd,
      displayName: 'Voorlooptijd (minuten)',
      number: { decimalPlaces: 'none', minimum: 0 },
    },
    { name: MT_FIELDS.actief, displayName: 'Actief', boolean: {} },
    // Who may change the registration in the tab's settings; empty means everyone who can edit the list.
    {
      name: MT_FIELDS.beheerders,
      displayName: 'Beheerders',
      personOrGroup: { allowMultipleSelection: true, chooseFromType: 'peopleOnly' },
    },
  ],
};

export const mtFieldNames = Object.values(MT_FIELDS);

/** Reads an MT registration against the site's set-up (its domains: a domain outside it is reported and left out). */
export function toMT(item: ListItem, inrichting: Inrichting): Loaded<MT> {
  const read = new FieldReader(item.fields);
  const value: MT = {
    key: read.text(MT_FIELDS.sleutel, { required: true }) ?? `mt-${item.id}`,
    naam: read.text(MT_FIELDS.naam, { required: true }) ?? '',
    domeinen: read.setupMultiChoice(MT_FIELDS.domeinen, inrichting),
  };
  const optional: Partial<MT> = {
    schema: read.text(MT_FIELDS.schema),
    teamId: read.text(MT_FIELDS.teamId),
    groepId: read.text(MT_FIELDS.groepId),
    channelId: read.text(MT_FIELDS.channelId),
    conversationId: read.text(MT_FIELDS.conversationId),
    voorlooptijdMinuten: read.number(MT_FIELDS.voorlooptijd),
    actief: typeof item.fields[MT_FIELDS.actief] === 'boolean' ? (item.fields[MT_FIELDS.actief] as boolean) : undefined,
  };
  withOptional(value, optional);
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

export function mtToFields(mt: MT): Record<string, unknown> {
  return {
    [MT_FIELDS.naam]: mt.naam,
    [MT_FIELDS.sleutel]: mt.key,
    [`${MT_FIELDS.domeinen}@odata.type`]: 'Collection(Edm.String)',
    [MT_FIELDS.domeinen]: mt.domeinen,
    [MT_FIELDS.schema]: mt.schema ?? null,
    [MT_FIELDS.teamId]: mt.teamId ?? null,
    [MT_FIELDS.groepId]: mt.groepId ?? null,
    [MT_FIELDS.channelId]: mt.channelId ?? null,
    [MT_FIELDS.conversationId]: mt.conversationId ?? null,
    [MT_FIELDS.voorlooptijd]: mt.voorlooptijdMinuten ?? null,
    [MT_FIELDS.actief]: mt.actief ?? true,
  };
}

/** A person in a multi-person column as Graph returns it (`[{ LookupId, LookupValue, Email }]`). */
export type MTBeheerder = { id: string; displayName: string; email?: string };

/** Who may change the MT's registration (the `Beheerders` column); empty when nobody is named. */
export function mtBeheerders(item: ListItem): MTBeheerder[] {
  const raw = item.fields[MT_FIELDS.beheerders];
  const emails = new Map<string, string>();
  if (Array.isArray(raw)) {
    for (const entry of raw as { LookupId?: unknown; Email?: unknown }[]) {
      if (entry && typeof entry.Email === 'string' && entry.Email !== '')
        emails.set(String(entry.LookupId), entry.Email);
    }
  }
  return new FieldReader(item.fields).multiLookup(MT_FIELDS.beheerders).map((p) => {
    const email = emails.get(p.id);
    return email ? { id: p.id, displayName: p.value, email } : { id: p.id, displayName: p.value };
  });
}

/** The fields that set the `Beheerders` column to these site user ids (empty clears it). */
export function beheerdersToFields(siteUserIds: readonly string[]): Record<string, unknown> {
  return {
    [`${lookupIdField(MT_FIELDS.beheerders)}@odata.type`]: 'Collection(Edm.Int32)',
    [lookupIdField(MT_FIELDS.beheerders)]: siteUserIds.map(Number),
  };
}
