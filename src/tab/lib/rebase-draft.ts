/**
 * A small form's draft moved onto a newer stored version (a three-way rebase): a field the person has not changed
 * since `base` (the version the form started from) takes the newer stored value; a field they changed keeps what they
 * typed. So a reload after someone else's change (a 412, say) neither throws typed text away nor writes the form's
 * stale copy of a field the person never touched over the other's edit. Pure; values are compared with `sameValue`.
 */
export function rebaseDraft<T extends object>(draft: T, base: T, next: T): T {
  const rebased = { ...draft };
  for (const key of Object.keys(next) as (keyof T)[]) if (sameValue(draft[key], base[key])) rebased[key] = next[key];
  return rebased;
}

/**
 * The fields both sides changed, each to another value: the person since `base`, and the newer version too. A rebase
 * keeps the person's value there, so a form names these (with the other's value) rather than keep them silently.
 */
export function changedOnBothSides<T extends object>(draft: T, base: T, next: T): (keyof T)[] {
  return (Object.keys(next) as (keyof T)[]).filter(
    (key) => !sameValue(draft[key], base[key]) && !sameValue(next[key], base[key]) && !sameValue(draft[key], next[key]),
  );
}

/** True when both hold the same value for every field (`sameValue`). */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof T>;
  return [...keys].every((key) => sameValue(a[key], b[key]));
}

/**
 * A form field's value compared by what it holds: `Object.is` for text, numbers and flags; arrays and plain objects
 * (a list of domains, a schedule picker's choice) by their JSON, so a copy made anew from the same stored item is the
 * same.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
