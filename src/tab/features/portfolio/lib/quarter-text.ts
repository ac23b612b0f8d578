import { isValidKwartaal } from '../../../../domain/dates.js';

/**
 * A quarter as people write it ("Q4 2026"), not as the lists store it ("2026-Q4", which sorts): for headers and
 * sentences. Anything that is not a quarter (`isValidKwartaal`) is shown as it is.
 */
export function quarterText(kwartaal: string): string {
  return isValidKwartaal(kwartaal) ? `${kwartaal.slice(5)} ${kwartaal.slice(0, 4)}` : kwartaal;
}
