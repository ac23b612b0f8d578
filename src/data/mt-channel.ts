/**
 * Reading the MT registrations and recording where the bot posts for an MT: the MTs list through the data layer's
 * list store, with the item's eTag as If-Match, so a registration edited meanwhile (in the tab's settings or in
 * SharePoint) is never overwritten blindly.
 */
import type { MT } from '../domain/model.js';
import type { Graph } from './graph/client.js';
import type { Loaded } from './lists/field-reader.js';
import type { Inrichting } from '../domain/inrichting-basis.js';
import { readInrichtingForReaders } from './inrichting-reader.js';
import { readListsInOneBatch } from './list-batch.js';
import { INRICHTING_READ, inrichtingFromItems } from './lists/inrichting.js';
import type { ListItem } from './lists/list-definition.js';
import { MT_FIELDS, mtFieldNames, toMT } from './lists/mts.js';
import { createListStore, EtagConflictError } from './list-store.js';

/** Every registered MT (the list is small: one item per management team). */
export async function loadMts(graph: Graph, siteId: string): Promise<Loaded<MT>[]> {
  // Read against the site's set-up (issue 12.8), in the same round trip.
  const raw = await readListsInOneBatch(graph, siteId, [
    { id: 'mts', list: 'MTs', fields: mtFieldNames },
    { id: 'inrichting', ...INRICHTING_READ },
  ]);
  const { inrichting } = inrichtingFromItems(raw.inrichting ?? []);
  return (raw.mts ?? []).map((item) => toMT(item, inrichting));
}

export type MtChannelChange = { teamId?: string; channelId?: string; conversationId?: string };

function changedFields(mt: MT, change: MtChannelChange): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (change.teamId !== undefined && change.teamId !== mt.teamId) fields[MT_FIELDS.teamId] = change.teamId;
  if (change.channelId !== undefined && change.channelId !== mt.channelId)
    fields[MT_FIELDS.channelId] = change.channelId;
  if (change.conversationId !== undefined && change.conversationId !== mt.conversationId)
    fields[MT_FIELDS.conversationId] = change.conversationId;
  return fields;
}

/**
 * Writes the MT's team, channel and/or conversation id, only the fields that differ, with If-Match. On a conflict
 * the item is read again and the change applied once more to the current version (these three fields are the bot's
 * to keep; a concurrent edit of other fields survives because only changed fields are sent).
 * @returns the MT as stored afterwards, and whether anything was written.
 */
export async function updateMtChannel(
  graph: Graph,
  siteId: string,
  mt: Loaded<MT>,
  change: MtChannelChange,
): Promise<{ mt: Loaded<MT>; written: boolean }> {
  const store = createListStore(graph, siteId, 'MTs');
  // Read only when something is written: the written item is mapped against the site's set-up.
  let inrichting: Inrichting | undefined;
  const read = async (item: ListItem) => toMT(item, (inrichting ??= await readInrichtingForReaders(graph, siteId)));
  let current = mt;
  for (let attempt = 1; ; attempt += 1) {
    const fields = changedFields(current.value, change);
    if (Object.keys(fields).length === 0) return { mt: current, written: false };
    try {
      return { mt: await read(await store.update(current.id, current.eTag, fields, mtFieldNames)), written: true };
    } catch (error) {
      if (!(error instanceof EtagConflictError) || attempt >= 2 || !error.current) throw error;
      current = await read(error.current);
    }
  }
}
