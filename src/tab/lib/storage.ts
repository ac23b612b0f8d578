/**
 * localStorage that never throws: Teams can run the tab in a partitioned or storage-blocked frame,
 * and a blocked store must cost a convenience, never the page.
 */
export function readJson<T>(key: string, parse: (raw: unknown) => T | undefined): T | undefined {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return undefined;
    return parse(JSON.parse(raw) as unknown);
  } catch {
    return undefined; // blocked storage or a value that is not JSON: treated as absent
  }
}

/** Writes a JSON value; returns false when storage is blocked or full, so the caller can say so. */
export function writeJson(key: string, value: unknown): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeKey(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage blocked: there is nothing stored to remove either.
  }
}

/** The keys that start with `prefix` (none when storage is blocked). */
export function keysWithPrefix(prefix: string): string[] {
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i += 1) {
      const key = window.localStorage.key(i);
      if (key?.startsWith(prefix)) keys.push(key);
    }
    return keys;
  } catch {
    return [];
  }
}
