/**
 * The reminder card as the job would build it, for browser tests that compare a surface with the card. In a module of
 * its own: the reminder job's code is a large import, and most browser test files never need it.
 */
import { tabDeepLink } from '../../../src/bot/deep-link.js';
import { prepareCard } from '../../../src/reminders/cli.js';
import type { OtherClient } from './tab.js';

/**
 * The agenda card the MT `mtKey` would get now (`npm run reminders -- --mt <key> --preview`): the reminder job's own
 * code path, read only, with links into the app at `appUrl` as the app server makes them (the list of the MT's domains).
 */
export async function cardPreview(client: OtherClient, appUrl: string, mtKey: string) {
  const plan = await client.plan();
  return prepareCard(
    {
      graph: client.graph,
      siteId: plan.siteId,
      siteUrl: client.siteUrl,
      deepLinkFor: (mt) => tabDeepLink(appUrl, mt),
      now: new Date(),
    },
    mtKey,
  );
}
