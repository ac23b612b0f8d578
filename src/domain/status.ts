/**
 * The life cycle of an action (docs/decisions.md, "Statuses and transitions"): which status may follow which,
 * when a StatusToelichting is required, and how statuses are grouped in reports.
 */
import { validationMessages as M, type DomainMessage } from './messages.js';
import type { ActieStatus } from './model.js';

/** Allowed next statuses per status, in the order a picker shows them. */
const TRANSITIONS: Readonly<Record<ActieStatus, readonly ActieStatus[]>> = {
  'Niet gestart': ['Loopt', 'Geblokkeerd', 'Belegd in lopend traject', 'Niet overgenomen'],
  Loopt: ['Geblokkeerd', 'Afgerond', 'Belegd in lopend traject'],
  Geblokkeerd: ['Loopt', 'Niet overgenomen'],
  Afgerond: ['Loopt'],
  'Belegd in lopend traject': ['Loopt', 'Afgerond'],
  'Niet overgenomen': ['Niet gestart'],
};

/** Statuses that need a reason whenever an action is in them. */
const STATUSES_NEEDING_TOELICHTING: readonly ActieStatus[] = ['Geblokkeerd', 'Niet overgenomen'];

/** How a status counts in a report. */
export const STATUS_CATEGORIES = ['afgerond', 'lopend', 'geblokkeerd', 'niet-overgenomen', 'niet-gestart'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** The statuses an action in `from` may move to, in display order. */
export function allowedTransitions(from: ActieStatus): readonly ActieStatus[] {
  return TRANSITIONS[from];
}

/** Whether an action may move from `from` to `to`. Staying in the same status is not a transition. */
export function canTransition(from: ActieStatus, to: ActieStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * Whether moving from `from` to `to` is a reopening: a closed action (Afgerond, Niet overgenomen) becomes open again.
 * Reopenings always need a reason.
 */
export function isReopening(from: ActieStatus, to: ActieStatus): boolean {
  return !isOpen(from) && isOpen(to);
}

/**
 * Whether the move from `from` to `to` needs a StatusToelichting: moving into Geblokkeerd or Niet overgenomen,
 * and every reopening (Afgerond → Loopt, Niet overgenomen → Niet gestart).
 * Answers for any pair, allowed or not; `canTransition` says whether the move is allowed at all.
 */
export function requiresToelichting(from: ActieStatus, to: ActieStatus): boolean {
  return STATUSES_NEEDING_TOELICHTING.includes(to) || isReopening(from, to);
}

/** The message that asks for the missing reason of this move. */
function toelichtingMessage(from: ActieStatus, to: ActieStatus): DomainMessage {
  if (to === 'Geblokkeerd') return M.toelichtingGeblokkeerd;
  if (to === 'Niet overgenomen') return M.toelichtingNietOvergenomen;
  if (from === 'Niet overgenomen') return M.toelichtingHeroverwegen;
  return M.toelichtingHeropenen;
}

/**
 * A refused change names the field the user must fix, so a form puts the message there without reading its words:
 * `statusToelichting` when only the reason is missing, `status` when the move itself is refused.
 */
export type TransitionCheck =
  { ok: true } | { ok: false; field: 'status' | 'statusToelichting'; message: DomainMessage };

/**
 * Checks a status change as the user asks for it: refused when it is not a transition of the policy, or when the
 * move needs a StatusToelichting and `toelichting` is missing or blank. The message (a key with its statuses) says what
 * to do; each adapter says it in its own language.
 */
export function checkTransition(from: ActieStatus, to: ActieStatus, toelichting?: string): TransitionCheck {
  if (from === to) return { ok: false, field: 'status', message: M.zelfdeStatus(from) };
  if (!canTransition(from, to))
    return { ok: false, field: 'status', message: M.overgangNietToegestaan(from, to, allowedTransitions(from)) };
  if (requiresToelichting(from, to) && (toelichting === undefined || toelichting.trim() === '')) {
    return { ok: false, field: 'statusToelichting', message: toelichtingMessage(from, to) };
  }
  return { ok: true };
}

/**
 * Whether an action in this status must carry a StatusToelichting (Geblokkeerd, Niet overgenomen),
 * independent of how it got there.
 */
export function statusRequiresToelichting(status: ActieStatus): boolean {
  return STATUSES_NEEDING_TOELICHTING.includes(status);
}

/**
 * The report category of a status: done = Afgerond; running = Loopt and Belegd in lopend traject;
 * blocked = Geblokkeerd; not taken up = Niet overgenomen; not started = Niet gestart.
 */
export function statusCategory(status: ActieStatus): StatusCategory {
  switch (status) {
    case 'Afgerond':
      return 'afgerond';
    case 'Loopt':
    case 'Belegd in lopend traject':
      return 'lopend';
    case 'Geblokkeerd':
      return 'geblokkeerd';
    case 'Niet overgenomen':
      return 'niet-overgenomen';
    case 'Niet gestart':
      return 'niet-gestart';
  }
}

/** Whether work on an action is still open: every status except Afgerond and Niet overgenomen. */
export function isOpen(status: ActieStatus): boolean {
  return status !== 'Afgerond' && status !== 'Niet overgenomen';
}
