/**
 * A quarter as people write it ("Q4 2026"), not as the lists store it ("2026-Q4", which sorts): for headers and
 * sentences. Anything else is shown as it is.
 */
export function quarterText(kwartaal: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(kwartaal);
  return match ? `Q${match[2]} ${match[1]}` : kwartaal;
}
