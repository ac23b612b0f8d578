import { DOMEINEN, type MT } from '../../domain/model.js';
import { FieldReader, type Loaded } from './field-reader.js';
import type { ListDefinition, ListItem } from './list-definition.js';

export const MT_FIELDS = {
  naam: 'Title',
  sleutel: 'Sleutel',
  domeinen: 'Domeinen',
  teamId: 'TeamId',
  channelId: 'ChannelId',
  conversationId: 'ConversationId',
  schema: 'Schema',
  voorlooptijd: 'Voorlooptijd',
  actief: 'Actief',
} as const;

export const mtsList: ListDefinition = {
  name: 'MTs',
  description: 'Managementteams die het agendapunt digitalisering krijgen (advies 11.5): kanaal, domeinen en vergaderschema.',
  titleDisplayName: 'MT',
  columns: [
    { name: MT_FIELDS.sleutel, displayName: 'Sleutel', text: { maxLength: 64 }, indexed: true, enforceUniqueValues: true },
    { name: MT_FIELDS.domeinen, displayName: 'Domeinen', choice: { choices: DOMEINEN, displayAs: 'checkBoxes' } },
    { name: MT_FIELDS.teamId, displayName: 'Team-id', text: { maxLength: 255 } },
    { name: MT_FIELDS.channelId, displayName: 'Kanaal-id', text: { maxLength: 255 } },
    { name: MT_FIELDS.conversationId, displayName: 'Gesprek-id', text: { maxLength: 255 } },
    { name: MT_FIELDS.schema, displayName: 'Vergaderschema (RRULE)', text: { maxLength: 255 } },
    { name: MT_FIELDS.voorlooptijd, displayName: 'Voorlooptijd', text: { maxLength: 64 } },
    { name: MT_FIELDS.actief, displayName: 'Actief', boolean: {} },
  ],
};

export const mtFieldNames = [MT_FIELDS.naam, MT_FIELDS.sleutel, MT_FIELDS.domeinen, MT_FIELDS.schema];

export function toMT(item: ListItem): Loaded<MT> {
  const read = new FieldReader(item.fields);
  const value: MT = {
    key: read.text(MT_FIELDS.sleutel, { required: true }) ?? `mt-${item.id}`,
    naam: read.text(MT_FIELDS.naam, { required: true }) ?? '',
    domeinen: read.multiChoice(MT_FIELDS.domeinen, DOMEINEN),
  };
  const schema = read.text(MT_FIELDS.schema);
  if (schema) value.schema = schema;
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

export function mtToFields(mt: MT): Record<string, unknown> {
  return {
    [MT_FIELDS.naam]: mt.naam,
    [MT_FIELDS.sleutel]: mt.key,
    [`${MT_FIELDS.domeinen}@odata.type`]: 'Collection(Edm.String)',
    [MT_FIELDS.domeinen]: mt.domeinen,
    [MT_FIELDS.schema]: mt.schema ?? null,
    [MT_FIELDS.actief]: true,
  };
}
