import { addDays, currentKwartaal, isValidKwartaal, kwartaalOf, kwartaalPeriod } from '../../../../domain/dates.js';
import type { Kwartaal } from '../../../../domain/model.js';

/**
 * A quarter as people write it ("Q4 2026"), not as the lists store it ("2026-Q4", which sorts): for headers and
 * sentences. Anything that is not a quarter (`isValidKwartaal`) is shown as it is.
 */
export function quarterText(kwartaal: string): string {
  return isValidKwartaal(kwartaal) ? `${kwartaal.slice(5)} ${kwartaal.slice(0, 4)}` : kwartaal;
}

/**
 * The quarters a new goal can be set for, oldest first: `before` quarters back (a goal recorded late), the current one
 * (Amsterdam's, at `now`), and `after` ahead.
 */
export function quarterChoices(now: Date, before = 1, after = 4): Kwartaal[] {
  const current = currentKwartaal(now);
  const out: Kwartaal[] = [current];
  for (let i = 0; i < before; i += 1) out.unshift(kwartaalOf(addDays(kwartaalPeriod(out[0]!).start, -1)));
  for (let i = 0; i < after; i += 1) out.push(kwartaalOf(addDays(kwartaalPeriod(out[out.length - 1]!).einde, 1)));
  return out;
}
