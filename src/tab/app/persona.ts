/** A role to act as in the local sandbox, offered by its persona directory. */
export type Persona = { upn: string; displayName: string; jobTitle?: string };

const STORAGE_KEY = 'actieplan.persona';

export async function fetchPersonas(directoryUrl: string): Promise<Persona[]> {
  const response = await fetch(directoryUrl);
  if (!response.ok) throw new Error(`persona directory answered ${response.status}`);
  const body = (await response.json()) as unknown;
  if (!Array.isArray(body)) throw new Error('persona directory did not return a list');
  return body.filter(
    (p): p is Persona =>
      typeof p === 'object' &&
      p !== null &&
      typeof (p as Persona).upn === 'string' &&
      typeof (p as Persona).displayName === 'string',
  );
}

export function rememberedPersona(): string | undefined {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined; // storage blocked (private mode, partitioned iframe): the picker just asks again
  }
}

export function rememberPersona(upn: string | undefined): void {
  try {
    if (upn) window.localStorage.setItem(STORAGE_KEY, upn);
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: the choice holds for this page only, which is acceptable.
  }
}
