/**
 * The reminder planner: which MT meetings need their digitalisering agenda item posted now. Pure: the clock, what
 * was already sent and when the job last ran are all parameters, so a double timer tick, two instances or a restart
 * all plan the same thing; the reminder log's unique key (not this module) then decides who actually sends.
 *
 * The meetings come from the MT's recurrence rule only, through the domain's recurrence expansion
 * (`domain/recurrence.ts`), the same one the tab shows. The team's group calendar is not a source: reading it app-only
 * needs a tenant-wide application permission the app does not ask for (docs/permissions.md, issue 14 point 9).
 */
import { TZDate } from '@date-fns/tz';
import { occurrenceKey } from '../domain/agenda.js';
import { AMSTERDAM, amsterdamDate } from '../domain/dates.js';
import type { CalendarDate, MT } from '../domain/model.js';
import {
  recurrence,
  recurrenceGaps,
  reminderTime,
  type ExpandedOccurrence,
  type Recurrence,
  type ScheduleExceptions,
} from '../domain/recurrence.js';
import { parseMeetingSchedule } from '../domain/schedule.js';

// ---------- the plan ----------

export type PlannerInput = {
  mts: readonly MT[];
  now: Date;
  /**
   * Keys (`occurrenceKey`) already in the reminder log, whatever their state (claimed, sent, failed): the planner
   * never proposes them again. Retrying a failed send is the executor's decision, not a new plan.
   */
  sentKeys: Iterable<string>;
  /** When the job last ran; meetings that started since then without a reminder are reported as missed. */
  lastRunAt?: Date;
  /** Per MT key: cancelled and moved meetings. */
  exceptions?: Readonly<Record<string, ScheduleExceptions>>;
  /** Public holidays (Amsterdam dates) the default lead time skips. */
  holidays?: readonly CalendarDate[];
  /** A reminder sent more than this many minutes after its time is reported as a catch-up. Default 15. */
  lateAfterMinutes?: number;
};

export type SendReason = 'due' | 'catch-up';
export type SkipReason =
  'inactive' | 'no-schedule' | 'invalid-schedule' | 'already-sent' | 'cancelled' | 'meeting-started';
export type WaitReason = 'not-yet' | 'no-upcoming';

type DecisionBase = {
  mtKey: string;
  /** Dutch, for the log and the status view. */
  detail: string;
};

/** Send the agenda item of this meeting now. */
export type SendDecision = DecisionBase & {
  action: 'send';
  reason: SendReason;
  key: string;
  occurrenceStart: Date;
  /** The meeting after this one, for the agenda's "due before the next meeting". */
  nextOccurrenceStart?: Date;
  reminderAt: Date;
  /** Whole minutes between the planned reminder time and now. */
  lateMinutes: number;
  movedFrom?: Date;
};

export type SkipDecision = DecisionBase & {
  action: 'skip';
  reason: SkipReason;
  key?: string;
  occurrenceStart?: Date;
  reminderAt?: Date;
};

export type WaitDecision = DecisionBase & {
  action: 'wait';
  reason: WaitReason;
  key?: string;
  occurrenceStart?: Date;
  reminderAt?: Date;
};

export type ReminderDecision = SendDecision | SkipDecision | WaitDecision;

export type ReminderPlan = {
  /** What to send now, by MT key, then meeting start. */
  toSend: SendDecision[];
  /** Every decision with its reason, including `toSend`, in the same order. */
  decisions: ReminderDecision[];
};

/** How far back missed meetings are reported when the job does not know when it last ran, or was down very long. */
const LOOK_BACK_DEFAULT_MS = 86_400_000;
const LOOK_BACK_MAX_MS = 7 * 86_400_000;
/** How far ahead the default lead time can reach (a Monday after a long holiday); also the "next reminder" horizon. */
const HORIZON_DEFAULT_MS = 35 * 86_400_000;

function amsterdamText(d: Date): string {
  const t = new TZDate(d.getTime(), AMSTERDAM);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${amsterdamDate(d)} ${p(t.getHours())}:${p(t.getMinutes())}`;
}

type Source = { kind: 'rule'; rec: (anchor: Date) => Recurrence } | { kind: 'skip'; decision: SkipDecision };

function sourceOf(mt: MT, input: PlannerInput): Source {
  if (mt.schema === undefined || mt.schema.trim() === '') {
    return {
      kind: 'skip',
      decision: { action: 'skip', reason: 'no-schedule', mtKey: mt.key, detail: 'Geen vergaderschema ingesteld.' },
    };
  }
  const schedule = parseMeetingSchedule(mt.schema);
  if (!schedule) {
    return {
      kind: 'skip',
      decision: {
        action: 'skip',
        reason: 'invalid-schedule',
        mtKey: mt.key,
        detail: 'Het vergaderschema is geen geldige herhalingsregel.',
      },
    };
  }
  const gaps = recurrenceGaps(schedule);
  if (gaps.length > 0) {
    const wat = gaps.map((g) => (g === 'start' ? 'een startmoment (DTSTART)' : 'een tijd (BYHOUR)')).join(' en ');
    return {
      kind: 'skip',
      decision: {
        action: 'skip',
        reason: 'invalid-schedule',
        mtKey: mt.key,
        detail: `Het vergaderschema mist ${wat}.`,
      },
    };
  }
  const exceptions = input.exceptions?.[mt.key];
  return { kind: 'rule', rec: (anchor) => recurrence(schedule, anchor, exceptions) };
}

function planMT(mt: MT, input: PlannerInput, sent: ReadonlySet<string>): ReminderDecision[] {
  if (mt.actief === false)
    return [{ action: 'skip', reason: 'inactive', mtKey: mt.key, detail: 'Dit MT staat op niet actief.' }];
  const source = sourceOf(mt, input);
  if (source.kind === 'skip') return [source.decision];

  const now = input.now;
  const lookBackMs =
    input.lastRunAt && input.lastRunAt < now ? now.getTime() - input.lastRunAt.getTime() : LOOK_BACK_DEFAULT_MS;
  const from = new Date(now.getTime() - Math.min(lookBackMs, LOOK_BACK_MAX_MS));
  const lead = mt.voorlooptijdMinuten;
  const leadMs = lead !== undefined && Number.isInteger(lead) && lead >= 1 ? lead * 60_000 : 0;
  const to = new Date(now.getTime() + Math.max(HORIZON_DEFAULT_MS, leadMs + 86_400_000));

  let rec: Recurrence;
  try {
    rec = source.rec(from);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return [
      {
        action: 'skip',
        reason: 'invalid-schedule',
        mtKey: mt.key,
        detail: `Uitzondering in het vergaderschema klopt niet: ${e.message}`,
      },
    ];
  }
  const occurrences: ExpandedOccurrence[] = rec.between(from, to);
  const next = (start: Date): Date | undefined => rec.after(start);

  const holidays = input.holidays ?? [];
  const lateAfterMs = (input.lateAfterMinutes ?? 15) * 60_000;
  const decisions: ReminderDecision[] = [];
  let waiting = false;
  for (const o of occurrences) {
    const key = occurrenceKey(mt.key, o.start);
    let reminderAt: Date;
    try {
      reminderAt = reminderTime(o.start, { voorlooptijdMinuten: lead, holidays });
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      decisions.push({
        action: 'skip',
        reason: 'invalid-schedule',
        mtKey: mt.key,
        key,
        occurrenceStart: o.start,
        detail: e.message,
      });
      continue;
    }
    const when = amsterdamText(o.start);
    if (o.cancelled) {
      // Only worth a line while its reminder would have been due; older and later cancellations are just absent.
      if (reminderAt <= now && now < o.start) {
        decisions.push({
          action: 'skip',
          reason: 'cancelled',
          mtKey: mt.key,
          key,
          occurrenceStart: o.start,
          reminderAt,
          detail: `Vergadering van ${when} vervalt.`,
        });
      }
      continue;
    }
    const movedKey = o.movedFrom ? occurrenceKey(mt.key, o.movedFrom) : undefined;
    const alreadySent = sent.has(key) || (movedKey !== undefined && sent.has(movedKey));
    if (o.start <= now) {
      if (!alreadySent) {
        decisions.push({
          action: 'skip',
          reason: 'meeting-started',
          mtKey: mt.key,
          key,
          occurrenceStart: o.start,
          reminderAt,
          detail: `Herinnering voor ${when} niet verstuurd: de vergadering was al begonnen.`,
        });
      }
      continue;
    }
    if (alreadySent) {
      const detail = sent.has(key)
        ? `Herinnering voor ${when} is al verstuurd.`
        : `Vergadering verplaatst naar ${when}; de herinnering voor het oorspronkelijke tijdstip is al verstuurd.`;
      decisions.push({
        action: 'skip',
        reason: 'already-sent',
        mtKey: mt.key,
        key,
        occurrenceStart: o.start,
        reminderAt,
        detail,
      });
      continue;
    }
    if (reminderAt <= now) {
      const lateMs = now.getTime() - reminderAt.getTime();
      const reason: SendReason = lateMs > lateAfterMs ? 'catch-up' : 'due';
      const lateMinutes = Math.floor(lateMs / 60_000);
      const decision: SendDecision = {
        action: 'send',
        reason,
        mtKey: mt.key,
        key,
        occurrenceStart: o.start,
        reminderAt,
        lateMinutes,
        detail:
          reason === 'due'
            ? `Herinnering voor de vergadering van ${when} versturen.`
            : `Herinnering voor ${when} alsnog versturen (${lateMinutes} minuten te laat; de vergadering is nog niet begonnen).`,
      };
      const after = next(o.start);
      if (after) decision.nextOccurrenceStart = after;
      if (o.movedFrom) decision.movedFrom = o.movedFrom;
      decisions.push(decision);
      continue;
    }
    if (!waiting) {
      waiting = true;
      decisions.push({
        action: 'wait',
        reason: 'not-yet',
        mtKey: mt.key,
        key,
        occurrenceStart: o.start,
        reminderAt,
        detail: `Volgende herinnering op ${amsterdamText(reminderAt)} voor de vergadering van ${when}.`,
      });
    }
  }
  if (!decisions.some((d) => d.action === 'send' || d.action === 'wait')) {
    decisions.push({
      action: 'wait',
      reason: 'no-upcoming',
      mtKey: mt.key,
      detail: 'Geen vergadering gepland in de komende weken.',
    });
  }
  return decisions;
}

function decisionStart(d: ReminderDecision): number {
  return d.occurrenceStart?.getTime() ?? Number.POSITIVE_INFINITY;
}

/**
 * Decides, for every MT, which meetings need their reminder now:
 * - inactive MTs (`actief === false`) get nothing;
 * - a meeting's reminder is due from `reminderTime` until the meeting starts. A reminder missed while the job was down
 *   is therefore sent late as long as the meeting has not started ("catch-up" when more than `lateAfterMinutes`
 *   late), and never once it has started (reported as `meeting-started`);
 * - a key in `sentKeys` is never proposed again, and neither is a moved meeting whose original key was sent;
 * - cancelled meetings get no reminder.
 * The result is sorted by MT key and meeting start, so two runs with the same input log the same lines.
 */
export function planReminders(input: PlannerInput): ReminderPlan {
  if (Number.isNaN(input.now.getTime())) throw new RangeError('planReminders: now is an invalid Date');
  const sent = new Set(input.sentKeys);
  const mts = [...input.mts].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const decisions: ReminderDecision[] = [];
  for (const mt of mts) {
    const own = planMT(mt, input, sent);
    own.sort((a, b) => decisionStart(a) - decisionStart(b));
    decisions.push(...own);
  }
  return { toSend: decisions.filter((d): d is SendDecision => d.action === 'send'), decisions };
}
