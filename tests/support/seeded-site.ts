import {
  zoetermeerDomeinVoortgang,
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../src/domain/plan/zoetermeer.js';
import type { Graph } from '../../src/data/graph/client.js';
import { ZOETERMEER_INRICHTING } from '../../src/domain/inrichting.js';
import { sendBatch } from '../../src/data/graph/batch.js';
import { prepareSite } from '../../src/server/prepare-site.js';

/**
 * Provisions and seeds the sandbox site with the Zoetermeer plan, as `npm start` does. `domeinVoortgang: false`
 * leaves out the rows per domain of the shared actions, so their live status is their own Status field again (a
 * domain without a row follows the action): for tests about the action's own history rather than the roll-up.
 */
export async function seedSite(
  graph: Graph,
  siteUrl: string,
  options: { domeinVoortgang?: boolean } = {},
): Promise<string> {
  const prepared = await prepareSite(graph, siteUrl, {
    plan: zoetermeerPlan,
    portfolio: zoetermeerPortfolio,
    kwartaaldoelen: zoetermeerKwartaaldoelen,
    mts: zoetermeerMTs,
    inrichting: ZOETERMEER_INRICHTING,
    ...(options.domeinVoortgang === false ? {} : { domeinVoortgang: zoetermeerDomeinVoortgang }),
  });
  return prepared.site.id;
}

/** Gives every MT a channel conversation, as installing the bot in its team does. */
export async function connectMtChannels(graph: Graph, siteId: string): Promise<Map<string, string>> {
  const items = await graph.getAll<{ id: string; fields: { Sleutel: string } }>(
    `/sites/${siteId}/lists/MTs/items?$expand=fields($select=Sleutel)`,
  );
  const conversations = new Map<string, string>();
  for (const item of items) {
    const conversationId = `19:${item.fields.Sleutel}@thread.tacv2`;
    await graph.patch(`/sites/${siteId}/lists/MTs/items/${item.id}/fields`, {
      ConversationId: conversationId,
      TeamId: `team-${item.fields.Sleutel}`,
    });
    conversations.set(item.fields.Sleutel, conversationId);
  }
  return conversations;
}

/**
 * Adds `count` MTs that all meet on Tuesday at 09:00 (Amsterdam), cover Sociaal Domein and are
 * connected to a channel: a crowd of reminders due at the same moment.
 */
export async function addTuesdayMts(graph: Graph, siteId: string, count: number, prefix: string): Promise<void> {
  const created = await sendBatch(
    graph,
    Array.from({ length: count }, (_, i) => ({
      id: String(i),
      method: 'POST' as const,
      url: `/sites/${siteId}/lists/MTs/items`,
      body: {
        fields: {
          Title: `${prefix} ${i}`,
          Sleutel: `${prefix}-${i}`,
          'Domeinen@odata.type': 'Collection(Edm.String)',
          Domeinen: ['Sociaal Domein'],
          Schema: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0',
          ConversationId: `19:${prefix}-${i}@thread.tacv2`,
          Actief: true,
        },
      },
    })),
  );
  const failed = created.filter((r) => r.status !== 201);
  if (failed.length > 0) throw new Error(`${failed.length} MTs could not be created (first: ${failed[0]?.status})`);
}
