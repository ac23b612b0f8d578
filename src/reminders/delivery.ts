/**
 * Whether a failed send of the agenda card certainly left nothing in the channel, so that the meeting may be tried
 * again without a second card: the connection to the Bot Connector never opened (refused, no such host, no route) or
 * the connector refused the request for throttling (429, which posts nothing). Everything else (a reset or time-out
 * while the request was on its way, a 5xx) may have posted the card, and stays "mislukt" in the reminder log, never
 * resent blindly. Pure: reads the error and its causes (`fetch failed` carries the socket's error as its cause).
 */
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** No route to the host: proof only while connecting (on an open connection it can replace a time-out). */
const NO_ROUTE = new Set(['EHOSTUNREACH', 'ENETUNREACH']);

function statusOf(e: Record<string, unknown>): unknown {
  const response = e.response as Record<string, unknown> | undefined;
  return e.status ?? e.statusCode ?? response?.status;
}

export function certainlyNotDelivered(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; typeof e === 'object' && e !== null && !seen.has(e);) {
    seen.add(e);
    const r = e as Record<string, unknown>;
    if (typeof r.code === 'string' && NEVER_CONNECTED.has(r.code)) return true;
    if (typeof r.code === 'string' && NO_ROUTE.has(r.code) && r.syscall === 'connect') return true;
    if (statusOf(r) === 429) return true;
    // An AggregateError (a host with several addresses) refuses on every one of them.
    if (Array.isArray(r.errors) && r.errors.length > 0 && r.errors.every((x) => certainlyNotDelivered(x))) return true;
    e = r.cause;
  }
  return false;
}
