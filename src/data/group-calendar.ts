import { odataQuery, type Graph } from './graph/client.js';

type CalendarEvent = { subject?: string; isCancelled?: boolean; isAllDay?: boolean; start?: { dateTime?: string; timeZone?: string } };

/** Graph writes event times without an offset, in the zone it names (UTC unless asked otherwise). */
function eventStart(event: CalendarEvent): Date | undefined {
  const text = event.start?.dateTime;
  if (!text || (event.start?.timeZone ?? 'UTC') !== 'UTC') return undefined;
  const date = new Date(`${text.replace(/(\.\d{3})\d*$/, '$1')}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The MT meetings in a team's group calendar, as the planner's second schedule source: Graph's
 * `calendarView` expands recurring series, leaves out cancelled occurrences and moves exceptions
 * (https://learn.microsoft.com/graph/api/group-list-calendarview; application permission
 * Calendars.ReadBasic). A team calendar holds other events too, so only events whose subject
 * names the MT ("MT", or the MT's own name) count; all-day events never do.
 */
export async function groupMeetingStarts(graph: Graph, groupId: string, window: { from: Date; to: Date }, mtNaam: string): Promise<Date[]> {
  const query = odataQuery({
    startDateTime: window.from.toISOString(),
    endDateTime: window.to.toISOString(),
    $select: 'subject,start,isCancelled,isAllDay',
    $top: 100,
  });
  const events = await graph.getAll<CalendarEvent>(`/groups/${encodeURIComponent(groupId)}/calendarView${query}`);
  const name = mtNaam.trim().toLowerCase();
  return events
    .filter((e) => !e.isCancelled && !e.isAllDay)
    .filter((e) => {
      const subject = (e.subject ?? '').toLowerCase();
      return /(^|[^a-z])mt([^a-z]|$)/.test(subject) || (name !== '' && subject.includes(name));
    })
    .map(eventStart)
    .filter((d): d is Date => d !== undefined)
    .sort((a, b) => a.getTime() - b.getTime());
}
