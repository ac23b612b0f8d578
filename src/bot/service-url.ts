/**
 * Which Bot Connector address (`serviceUrl`) the bot may send its token to.
 *
 * The bot records the `serviceUrl` Teams gave at a team's installation in the `Installaties` list, and its proactive
 * posts go there. That list is on the app's own site, where the people who use the tab may edit items (the tab writes
 * the plan as them), so a value read from it is not proof that Teams gave it: the bot's connector client puts
 * `Authorization: Bearer <bot token>` on every request, and a changed address would hand that token to whoever runs
 * it. So an address is used only when it is one of Microsoft's Teams Bot Connector hosts over https, or the configured
 * `SERVICE_URL` itself; in a local run (a loopback `SERVICE_URL`) also another loopback address, which only this
 * machine can serve. Anything else falls back to the configured `SERVICE_URL`.
 */
import { isLoopbackUrl } from './teams-ids.js';

/**
 * The hosts of Teams' Bot Connector for proactive messages, per Microsoft's "Send proactive messages" (the public
 * cloud's regional addresses such as `https://smba.trafficmanager.net/emea/` share the first), and GCC, GCC High and
 * DoD.
 */
export const TEAMS_CONNECTOR_HOSTS: readonly string[] = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
];

function parsed(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/** The address without trailing slashes, as the bot compares and uses it. */
function normalised(url: URL): string {
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * `candidate` as the bot may use it (without trailing slashes), or undefined when the bot must not send its token
 * there. `configured` is the validated SERVICE_URL.
 */
export function trustedServiceUrl(candidate: string | undefined, configured: string): string | undefined {
  if (!candidate) return undefined;
  const url = parsed(candidate.trim());
  const own = parsed(configured);
  if (!url || !own) return undefined;
  // Credentials, a query or a fragment have no place in a connector's address; they only hide where it points.
  if (url.username || url.password || url.search || url.hash) return undefined;
  if (normalised(url) === normalised(own)) return normalised(url);
  if (url.protocol === 'https:' && url.port === '' && TEAMS_CONNECTOR_HOSTS.includes(url.hostname))
    return normalised(url);
  if (isLoopbackUrl(configured) && isLoopbackUrl(url.href) && (url.protocol === 'http:' || url.protocol === 'https:'))
    return normalised(url);
  return undefined;
}
