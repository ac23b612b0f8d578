/**
 * `POST /api/tab/cmt-kaart`: the tab asks the bot to bring the CMT's card that is already posted up to date after an
 * escalation made in the action's detail ("Agenderen in CMT"). The tab writes the escalation itself through Graph;
 * only the bot can update a posted card, so without this call the CMT's card showed the item at its next update only.
 *
 * The caller is checked as every card button is, but from a bearer token instead of a Bot Framework activity:
 * - the tab sends its own Microsoft Graph token (delegated, the signed-in person). The server does not trust the
 *   token's claims until Graph has accepted the token: it asks `GET /me` with it (Graph validates signature,
 *   audience and lifetime), and only then reads the token's tenant (`tid`), which must be TENANT_ID;
 * - the body names one escalation (`agenderingId`) that is still open on the site;
 * - the person must be a member of the team of an MT that carries the escalation's domain, or of the CMT's team
 *   (asked of the Bot Connector by the person's Entra object id, as Teams allows; the token's name is only a claim).
 * Then the CMT's most recent posted card is rebuilt from the site and put on the same message (`refreshCmtCard`, the
 * path the card's own "Agenderen in CMT" uses): a PUT of the whole card, never a new post. Calling it twice puts
 * the same card twice; nothing is written to SharePoint, so a retried call is harmless (idempotent).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { loadReminderData } from '../data/reminder-data.js';
import { concernDomein } from '../domain/inrichting-basis.js';
import type { MT } from '../domain/model.js';
import type { Loaded } from '../data/lists/field-reader.js';
import { refreshCmtCard, type CardActionHandlerDeps } from './card-actions.js';

/** Where the app server routes the tab's call. */
export const TAB_API_PATH = '/api/tab/cmt-kaart';

/** What the tab gets back: the outcome for the CMT's card (see `refreshCmtCard`). */
export type CmtCardAnswer = { cmtKaart: 'updated' | 'skipped' | 'failed' | 'none' };
/** A refusal: a stable code and a Dutch sentence the tab may show. */
export type TabApiError = { error: string; message: string };

export const TAB_API_REFUSALS = {
  noToken: 'Niet aangemeld: de aanvraag heeft geen geldig token.',
  badToken: 'Niet aangemeld: Microsoft Graph heeft het token van de aanvraag niet aanvaard.',
  otherTenant: 'Geweigerd: je bent niet aangemeld bij de organisatie van dit actieplan.',
  badRequest: 'De aanvraag noemt geen geldig agenderingsnummer (agenderingId).',
  unknown: 'Deze agendering bestaat niet of is al als besproken afgevinkt.',
  notMember:
    'Geweigerd: alleen leden van het team van het MT dat deze actie agendeerde, of van het CMT, kunnen de kaart van het CMT bijwerken.',
  noTeam: 'Het team van dit MT is niet geregistreerd; registreer het kanaal in de instellingen van het actieplan.',
  memberCheckFailed: 'Het lidmaatschap van het team kon nu niet worden gecontroleerd; probeer het later opnieuw.',
  graphUnavailable: 'Microsoft Graph kon het token nu niet controleren; probeer het later opnieuw.',
} as const;

export type TabApiDeps = CardActionHandlerDeps & {
  /** Microsoft Graph's base URL (GRAPH_BASE_URL), where the caller's token is checked with `GET /me`. */
  graphBaseUrl: string;
  fetch?: typeof fetch;
};

/** The largest body the endpoint reads: one id in JSON. */
const MAX_BODY_BYTES = 4096;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: keyof typeof TAB_API_REFUSALS,
  ) {
    super(TAB_API_REFUSALS[code]);
  }
}

function bearerOf(req: IncomingMessage): string | undefined {
  const match = /^Bearer\s+([A-Za-z0-9\-_.]+)\s*$/i.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/** The token's claims, read only after Graph accepted the token (the signature is Graph's to check, not ours). */
function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new Refusal(400, 'badRequest');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function agenderingIdOf(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new Refusal(400, 'badRequest');
  }
  const id = (parsed as { agenderingId?: unknown } | null)?.agenderingId;
  if (typeof id !== 'string' || !/^[A-Za-z0-9-]{1,64}$/.test(id)) throw new Refusal(400, 'badRequest');
  return id;
}

/** Who the token speaks for, as Graph says: the person's object id. */
async function caller(deps: TabApiDeps, token: string): Promise<{ oid: string; tid: unknown }> {
  const doFetch = deps.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${deps.graphBaseUrl.replace(/\/+$/, '')}/me?$select=id`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  } catch (error) {
    deps.log({
      level: 'error',
      msg: 'tab api: Graph not reachable to check a token',
      url: `${deps.graphBaseUrl}/me`,
      error: error instanceof Error ? error.message : String(error),
    });
    throw new Refusal(503, 'graphUnavailable');
  }
  // 400: a token without a person (app-only); 401/403: a token Graph does not accept.
  if (response.status === 400 || response.status === 401 || response.status === 403) throw new Refusal(401, 'badToken');
  if (!response.ok) throw new Refusal(503, 'graphUnavailable');
  const me = (await response.json().catch(() => ({}))) as { id?: unknown };
  if (typeof me.id !== 'string' || me.id === '') throw new Refusal(401, 'badToken');
  return { oid: me.id, tid: claimsOf(token).tid };
}

/** The roster a team's membership is asked of: its thread (`19:…`), else the MT's channel. */
function rosterOf(mt: MT): string | undefined {
  return mt.teamId?.startsWith('19:') ? mt.teamId : mt.teamId ? mt.conversationId : undefined;
}

async function isMemberOfAny(deps: TabApiDeps, mts: Loaded<MT>[], oid: string): Promise<boolean> {
  const rosters = [...new Set(mts.map((m) => rosterOf(m.value)).filter((r): r is string => r !== undefined))];
  if (rosters.length === 0) throw new Refusal(403, 'noTeam');
  for (const roster of rosters) {
    let member;
    try {
      member = await deps.connector.getMember(roster, oid);
    } catch (error) {
      deps.log({
        level: 'error',
        msg: 'tab api: team membership check failed',
        error: error instanceof Error ? error.message : String(error),
      });
      throw new Refusal(503, 'memberCheckFailed');
    }
    if (!member) continue;
    if (member.aadObjectId && member.aadObjectId.toLowerCase() !== oid.toLowerCase()) continue;
    if (member.tenantId && member.tenantId.toLowerCase() !== deps.tenantId) continue;
    return true;
  }
  return false;
}

/** How far back the reminder log is read for the CMT's most recent posted card. */
const LOG_WINDOW_DAYS = 60;

/**
 * Answers `POST /api/tab/cmt-kaart`. Every refusal is JSON `{ error, message }` with 400/401/403/404/503; the answer
 * after the checks is 200 `{ cmtKaart }`, also when there is no posted CMT card ('none').
 */
export async function handleCmtCard(
  deps: TabApiDeps,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const send = (status: number, body: CmtCardAnswer | TabApiError) => {
    res.writeHead(status, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      ...(status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}),
    });
    res.end(JSON.stringify(body));
  };
  if (req.method !== 'POST') {
    res.writeHead(405, { ...headers, Allow: 'POST', 'Content-Type': 'text/plain; charset=utf-8' });
    return void res.end('Methode niet toegestaan');
  }
  try {
    const token = bearerOf(req);
    if (!token) throw new Refusal(401, 'noToken');
    const agenderingId = agenderingIdOf(await readBody(req));
    const who = await caller(deps, token);
    if (typeof who.tid !== 'string' || who.tid.toLowerCase() !== deps.tenantId) throw new Refusal(403, 'otherTenant');
    const now = deps.now();
    const data = await loadReminderData(
      deps.graph,
      deps.siteId,
      new Date(now.getTime() - LOG_WINDOW_DAYS * 86_400_000),
    );
    const agendering = data.agenderingen.find((a) => a.id === agenderingId);
    if (!agendering) throw new Refusal(404, 'unknown');
    const active = data.mts.filter((m) => m.value.actief !== false);
    // The escalating domain's MT and the CMT: the MT of the site's concern domain (its set-up, issue 12.8).
    const cmtDomein = concernDomein(data.inrichting);
    const allowed = active.filter(
      (m) => m.value.domeinen.includes(agendering.value.domein) || m.value.domeinen.includes(cmtDomein),
    );
    if (!(await isMemberOfAny(deps, allowed, who.oid))) throw new Refusal(403, 'notMember');
    const cmtKaart = await refreshCmtCard(deps, data, now);
    deps.log({ level: 'info', msg: 'CMT card refreshed for the tab', agendering: agenderingId, cmtKaart });
    send(200, { cmtKaart });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    deps.log({ level: 'warn', msg: 'tab api refused', code: error.code, status: error.status });
    send(error.status, { error: error.code, message: error.message });
  }
}
