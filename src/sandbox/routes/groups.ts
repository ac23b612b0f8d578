/**
 * Group calendars: Graph's `GET /groups/{id}/calendarView?startDateTime=..&endDateTime=..` (also
 * `/groups/{id}/calendar/calendarView`), which expands recurring events into occurrences
 * (https://learn.microsoft.com/graph/api/group-list-calendarview), and the sandbox-only control
 * endpoints that put events into a group's calendar (`/_sandbox/groups/{id}[/events]`).
 *
 * As Graph does: times come back in UTC unless `Prefer: outlook.timezone="..."` names a zone
 * (confirmed with `Preference-Applied`); pages hold 10 events unless `$top` says otherwise and
 * continue through `@odata.nextLink` with `$skip`; cancelled occurrences are left out; a moved
 * occurrence comes back as type `exception` with its `originalStart`. App-only callers need the
 * application permission Calendars.ReadBasic (or Calendars.Read / Calendars.ReadWrite).
 */
import { randomUUID } from 'node:crypto';
import {
  eventInputSchema,
  eventProblem,
  expandEvent,
  formatLocal,
  ianaZone,
  type EventRecord,
  type Occurrence,
} from '../calendar.js';
import { GraphError, invalidRequest, methodNotAllowed, unknownSegment } from '../graph-errors.js';
import { readQueryOptions } from '../item-query.js';
import { json, odataContext, type GraphContext, type GraphRequest, type GraphResponse } from './context.js';

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CALENDAR_PERMISSIONS = [
  'Calendars.ReadBasic',
  'Calendars.Read',
  'Calendars.ReadWrite',
  'Group.Read.All',
  'Group.ReadWrite.All',
];

function requireCalendarRead(req: GraphRequest): void {
  const granted = req.auth.kind === 'app' ? req.auth.roles : req.auth.scopes;
  if (!granted.some((g) => CALENDAR_PERMISSIONS.includes(g))) {
    throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  }
}

function groupNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

const OFFSET_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/i;
const PLAIN_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?$/;

/** A window bound: ISO 8601 with its offset, or without one meaning UTC (as the docs say). */
function parseBound(name: string, text: string | null): number {
  if (text === null || text === '') {
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
    );
  }
  const value = OFFSET_INSTANT.test(text) ? text : PLAIN_INSTANT.test(text) ? `${text}Z` : '';
  const ms = value ? Date.parse(value) : NaN;
  if (Number.isNaN(ms))
    throw new GraphError(
      400,
      'ErrorInvalidParameter',
      `The value '${text}' of parameter '${name}' is not a valid ISO 8601 date-time.`,
    );
  return ms;
}

/** Query parameter names are matched without regard to case, as Graph does for these two. */
function param(query: URLSearchParams, name: string): string | null {
  for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
  return null;
}

/** `Prefer: outlook.timezone="W. Europe Standard Time"`: the zone name as given and its IANA zone. */
function preferredZone(req: GraphRequest): { name: string; zone: string } | undefined {
  const header = req.headers['prefer'] ?? '';
  const m = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(header);
  if (!m?.[1]) return undefined;
  const zone = ianaZone(m[1]);
  if (!zone)
    throw new GraphError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${m[1]}'.`,
    );
  return { name: m[1], zone };
}

function graphInstant(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}0000Z`;
}

function occurrenceId(event: EventRecord, occ: Occurrence): string {
  return occ.originalDate ? `${event.id}_${occ.originalDate.replace(/-/g, '')}` : event.id;
}

function renderOccurrence(
  ctx: GraphContext,
  group: { id: string; displayName: string },
  event: EventRecord,
  occ: Occurrence,
  zone: { name: string; zone: string },
): Record<string, unknown> {
  const id = occurrenceId(event, occ);
  const changeKey = Buffer.from(`${event.id}:${event.modifiedAt}`).toString('base64').slice(0, 28);
  return {
    '@odata.etag': `W/"${changeKey}"`,
    id,
    createdDateTime: graphInstant(event.createdAt),
    lastModifiedDateTime: graphInstant(event.modifiedAt),
    changeKey,
    categories: [],
    originalStartTimeZone: event.start.timeZone,
    originalEndTimeZone: event.end.timeZone,
    iCalUId: `040000008200E00074C5B7101A82E008${event.id.replace(/-/g, '').toUpperCase()}`,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: event.subject,
    bodyPreview: '',
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: false,
    isOrganizer: false,
    responseRequested: true,
    seriesMasterId: occ.type === 'singleInstance' ? null : event.id,
    showAs: 'busy',
    type: occ.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    ...(occ.type === 'singleInstance'
      ? {}
      : { originalStart: `${new Date(occ.originalStart).toISOString().slice(0, 19)}Z` }),
    responseStatus: { response: 'none', time: '0001-01-01T00:00:00Z' },
    body: { contentType: 'html', content: '' },
    start: { dateTime: formatLocal(occ.start, zone.zone), timeZone: zone.name },
    end: { dateTime: formatLocal(occ.end, zone.zone), timeZone: zone.name },
    location: {
      displayName: event.location?.displayName ?? '',
      locationType: 'default',
      uniqueIdType: 'unknown',
      address: {},
      coordinates: {},
    },
    locations: [],
    recurrence: null,
    attendees: [],
    organizer: { emailAddress: { name: group.displayName, address: `${group.id}@${ctx.hostname}` } },
  };
}

function calendarView(ctx: GraphContext, req: GraphRequest, groupId: string): GraphResponse {
  if (req.method !== 'GET') throw methodNotAllowed();
  requireCalendarRead(req);
  const group = GUID.test(groupId) ? ctx.store.getGroup(groupId) : undefined;
  if (!group) throw groupNotFound(groupId);
  const from = parseBound('startDateTime', param(req.query, 'startDateTime'));
  const to = parseBound('endDateTime', param(req.query, 'endDateTime'));
  const options = readQueryOptions(req.query);
  for (const key of options.keys()) {
    if (!['top', 'skip', 'select', 'orderby', 'startdatetime', 'enddatetime'].includes(key))
      throw new GraphError(400, 'notSupported', `The sandbox does not implement $${key} on calendarView.`);
  }
  const top = Number(options.get('top') ?? DEFAULT_PAGE);
  const skip = Number(options.get('skip') ?? 0);
  if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE)
    throw invalidRequest(`$top must be a whole number from 1 to ${MAX_PAGE}.`);
  if (!Number.isInteger(skip) || skip < 0) throw invalidRequest('$skip must be a whole number of at least 0.');
  const orderBy = (options.get('orderby') ?? 'start/dateTime').trim();
  const order = /^start\/dateTime(\s+(asc|desc))?$/i.exec(orderBy);
  if (!order)
    throw new GraphError(
      400,
      'notSupported',
      `The sandbox orders calendarView by start/dateTime only, not '${orderBy}'.`,
    );
  const descending = order[2]?.toLowerCase() === 'desc';
  const zone = preferredZone(req) ?? { name: 'UTC', zone: 'UTC' };

  const all = ctx.store
    .groupEvents<EventRecord>(group.id)
    .flatMap((event) => expandEvent(event, from, to).map((occ) => ({ event, occ })))
    .sort(
      (a, b) =>
        (a.occ.start - b.occ.start || occurrenceId(a.event, a.occ).localeCompare(occurrenceId(b.event, b.occ))) *
        (descending ? -1 : 1),
    );
  const select = options
    .get('select')
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const value = all.slice(skip, skip + top).map(({ event, occ }) => {
    const rendered = renderOccurrence(ctx, group, event, occ, zone);
    if (!select) return rendered;
    return Object.fromEntries(
      Object.entries(rendered).filter(([k]) => k === '@odata.etag' || k === 'id' || select.includes(k)),
    );
  });
  const body: Record<string, unknown> = {
    '@odata.context': odataContext(ctx, `groups('${group.id}')/calendarView`),
    value,
  };
  if (skip + top < all.length) {
    // Graph writes `$skip` as is in its links, not percent-encoded.
    const parts: string[] = [];
    for (const [k, v] of req.query) if (!/^\$?skip$/i.test(k)) parts.push(`${k}=${encodeURIComponent(v)}`);
    parts.push(`$skip=${skip + top}`);
    body['@odata.nextLink'] = `${ctx.urls.graphUrl}/groups/${group.id}/calendarView?${parts.join('&')}`;
  }
  const headers: Record<string, string> = {};
  if (zone.name !== 'UTC' || /outlook\.timezone/i.test(req.headers['prefer'] ?? ''))
    headers['Preference-Applied'] = `outlook.timezone="${zone.name}"`;
  return json(body, 200, headers);
}

/** Routes `/groups/{id}/calendarView` and `/groups/{id}/calendar/calendarView`. */
export function routeGroups(ctx: GraphContext, req: GraphRequest, segments: readonly string[]): GraphResponse {
  const [groupId, ...rest] = segments;
  if (!groupId) throw unknownSegment('groups');
  const path = rest.map((s) => s.toLowerCase()).join('/');
  if (path === 'calendarview' || path === 'calendar/calendarview') return calendarView(ctx, req, groupId);
  throw unknownSegment(rest[0] ?? groupId);
}

// ---------------------------------------------------------------------------------------------
// Control: `PUT /_sandbox/groups/{id}` {displayName}, `GET|POST|DELETE /_sandbox/groups/{id}/events`
// ---------------------------------------------------------------------------------------------

export type ControlResult = { status: number; body: unknown };

/**
 * Sandbox-only writes to a group calendar. A POSTed event is Graph's event (subject, start, end,
 * optional recurrence) plus `cancelledOccurrences` and `exceptions` (moved occurrences) by their
 * original date; the group is created on first use (named by PUT, or after its id).
 */
export function groupControl(
  ctx: GraphContext,
  method: string,
  segments: readonly string[],
  body: unknown,
): ControlResult {
  const [groupId, sub, ...rest] = segments;
  if (!groupId || !GUID.test(groupId) || rest.length > 0)
    return {
      status: 404,
      body: { error: { code: 'itemNotFound', message: 'Use /_sandbox/groups/{group-guid}[/events].' } },
    };
  const id = groupId.toLowerCase();
  if (sub === undefined && method === 'PUT') {
    const name = (body as { displayName?: unknown } | undefined)?.displayName;
    if (typeof name !== 'string' || name.trim() === '')
      return {
        status: 400,
        body: { error: { code: 'invalidRequest', message: "PUT a group with {'displayName': '...'}." } },
      };
    ctx.store.transaction(() => ctx.store.ensureGroup(id, name.trim()));
    return { status: 200, body: { id, displayName: name.trim() } };
  }
  if (sub !== 'events')
    return {
      status: 404,
      body: { error: { code: 'itemNotFound', message: `No sandbox control endpoint ${method} for this group path.` } },
    };
  if (method === 'GET') return { status: 200, body: { value: ctx.store.groupEvents(id) } };
  if (method === 'DELETE') {
    const removed = ctx.store.transaction(() => ctx.store.deleteGroupEvents(id));
    return { status: 200, body: { removed } };
  }
  if (method !== 'POST')
    return {
      status: 405,
      body: { error: { code: 'BadRequest', message: 'Specified HTTP method is not allowed for the request target.' } },
    };
  const parsed = eventInputSchema.safeParse(body);
  if (!parsed.success) {
    return {
      status: 400,
      body: {
        error: {
          code: 'invalidRequest',
          message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
        },
      },
    };
  }
  const problem = eventProblem(parsed.data);
  if (problem) return { status: 400, body: { error: { code: 'invalidRequest', message: problem } } };
  const now = ctx.now().getTime();
  const record: EventRecord = { ...parsed.data, id: randomUUID(), groupId: id, createdAt: now, modifiedAt: now };
  ctx.store.transaction(() => {
    if (!ctx.store.getGroup(id)) ctx.store.ensureGroup(id, id);
    ctx.store.insertGroupEvent(id, record.id, record);
  });
  return { status: 201, body: record };
}
