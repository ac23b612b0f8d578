/**
 * A deadline that puts an action past it at once: accepted (a plan may record what was agreed late), but said, so no
 * one makes an action achterstallig by a slip of the date picker. Pure, for the action's form, Nieuwe actie and the
 * bulk change.
 */
import { isValidCalendarDate } from '../../../../domain/dates.js';
import type { Actie } from '../../../../domain/model.js';
import { isOverdue } from '../../../../domain/rules.js';

/**
 * Whether `deadline`, typed for `actie`, makes it overdue at `now` (`isOverdue`: open, a date before today in
 * Amsterdam, and for a doorlopend deadline not yet started). Not for an empty or invalid date (the form says what is
 * wrong with those), nor for the deadline the action has stored already (`stored`): an action past its deadline is
 * not warned about again each time its form opens.
 */
export function deadlineMakesOverdue(actie: Actie, deadline: string, now: Date, stored?: string): boolean {
  const value = deadline.trim();
  if (value === '' || value === (stored ?? '') || !isValidCalendarDate(value)) return false;
  return isOverdue({ ...actie, deadline: value }, now);
}
