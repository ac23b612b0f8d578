/**
 * A small form's draft moved onto a newer stored version (a three-way rebase): a field the person has not changed
 * since `base` (the version the form started from) takes the newer stored value; a field they changed keeps what they
 * typed. So a reload after someone else's change (a 412, say) neither throws typed text away nor writes the form's
 * stale copy of a field the person never touched over the other's edit. Pure; values are compared with `Object.is`.
 */
export function rebaseDraft<T extends Record<string, unknown>>(draft: T, base: T, next: T): T {
  const rebased = { ...draft };
  for (const key of Object.keys(next) as (keyof T)[]) if (Object.is(draft[key], base[key])) rebased[key] = next[key];
  return rebased;
}

/** True when both hold the same value for every field (shallow, `Object.is`). */
export function sameFields<T extends Record<string, unknown>>(a: T, b: T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => Object.is(a[key], b[key]));
}
