/**
 * Dynamic imports that can be tried again after a failed load: the tab's lazily loaded views and parts (their
 * `componentLoader` notes a failure), and what a button loads (`retryingImport`: the report's PDF and Word renderers,
 * ExcelJS, the portfolio's export and import).
 *
 * Chromium keeps a failed dynamic import for the page's life (version 150 does; the HTML standard leaves it open,
 * whatwg/html#10327): importing the same URL again fails at once, without a request, so "Opnieuw proberen" after a
 * dropped connection failed again. The build (scripts/vite-retryable-imports.ts) writes each dynamic import of one of
 * its chunks as `import(globalThis.__actieplanImportUrl?.(`./x.js`, import.meta.url) ?? `./x.js`)`; this module puts
 * `importUrlFor` there, which answers the script's own URL until a load of it has failed and then the same script
 * under another URL (`…js?retry=N`; the app server serves files by path). The bundler's own handling of the module
 * (`.then((m) => m.x)` for a module it merged into a shared chunk) stays as it was. The scripts a chunk imports
 * statically keep their URLs: one of those that failed itself stays failed until the page is reloaded.
 */

/** The global the build's dynamic imports ask for a script's URL (scripts/vite-retryable-imports.ts). */
export const IMPORT_URL_GLOBAL = '__actieplanImportUrl';

/** Per script (its URL without `retry`), how often a load of it failed. */
const failures = new Map<string, number>();
/** The failures noted already (an error reaches more than one listener). */
let noted = new WeakSet<object>();

/** The script a failed dynamic import names in its message (Chromium and Firefox do; Safari does not). */
export function failedScript(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const match = /\bhttps?:\/\/[^\s'"]+?\.m?js(?:\?[\w=&%.-]*)?/.exec(message)?.[0];
  return match?.replace(/[.]$/, '');
}

/** The script a failed dynamic import names, without the `retry` of an earlier try: the same for every try of it. */
export function failedScriptOf(error: unknown): string | undefined {
  const url = failedScript(error);
  return url === undefined ? undefined : scriptOf(url);
}

/**
 * Whether `error`, after a retry of the script that failed before (`retried`: what `failedScriptOf` named then, from
 * a script that did not load), is that script failing again: then only a new page loads it. A failure of another
 * script is a new one. Undefined on either side (Safari names no script): a script failing again after a retry.
 */
export function failedAgain(retried: { script: string | undefined } | undefined, error: unknown): boolean {
  if (retried === undefined || !isModuleLoadFailure(error)) return false;
  const script = failedScriptOf(error);
  return retried.script === undefined || script === undefined || retried.script === script;
}

/** Whether `error` is a script that did not load (a dynamic import or one of the scripts it imports), not a bug. */
export function isModuleLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return (
    failedScript(error) !== undefined ||
    /dynamically imported module|importing a module script failed|unable to preload/i.test(message)
  );
}

/** `url` with `retry=attempt` in its query: another module for the browser, the same file for the server. */
export function retryUrl(url: string, attempt: number): string {
  const next = new URL(url);
  next.searchParams.set('retry', String(attempt));
  return next.href;
}

/** `url` without the `retry` of an earlier try. */
function scriptOf(url: string): string {
  const own = new URL(url);
  own.searchParams.delete('retry');
  return own.href;
}

/**
 * Notes that the script `error` names did not load, so the next import of it asks under another URL. False when the
 * error names no script (Safari, or an error in the module's own code): the next import is the same one.
 */
export function noteFailedImport(error: unknown): boolean {
  const named = failedScript(error);
  if (named === undefined) return false;
  // One failure is one try: Vite's `vite:preloadError` and the importer (componentLoader, retryingImport) both see
  // the same error object.
  if (typeof error === 'object' && error !== null) {
    if (noted.has(error)) return true;
    noted.add(error);
  }
  const script = scriptOf(named);
  failures.set(script, (failures.get(script) ?? 0) + 1);
  return true;
}

/**
 * The URL a dynamic import of `specifier` (relative to `base`, the importing chunk's `import.meta.url`) asks for: the
 * specifier itself, or, once loads of the script have failed N times, the script's URL with `?retry=N`.
 */
export function importUrlFor(specifier: string, base: string): string {
  const script = new URL(specifier, base).href;
  const failed = failures.get(script);
  return failed === undefined ? specifier : retryUrl(script, failed);
}

/** Forgets the failures noted so far (for tests). */
export function forgetFailedImports(): void {
  failures.clear();
  noted = new WeakSet<object>();
}

const host = globalThis as typeof globalThis & Record<string, unknown>;
host[IMPORT_URL_GLOBAL] = importUrlFor;
// Vite's loader of a chunk with dependencies reports a failed load (its `vite:preloadError`): noted here too, for the
// imports that do not go through `retryingImport`.
if (typeof host.addEventListener === 'function')
  host.addEventListener('vite:preloadError', (event) => {
    noteFailedImport((event as Event & { payload?: unknown }).payload);
  });

/**
 * A dynamic import (`() => import('./x.js')`) loaded at most once at a time and kept once it came; after a failure
 * the next call imports again, and the build's import then asks for the script under another URL (above). `pick` takes
 * what is needed from the module.
 */
export function retryingImport<M, T = M>(importModule: () => Promise<M>, pick?: (module: M) => T): () => Promise<T> {
  let loading: Promise<T> | undefined;
  const take = pick ?? ((module: M) => module as unknown as T);
  return () =>
    (loading ??= importModule().then(take, (error: unknown) => {
      loading = undefined;
      noteFailedImport(error);
      throw error;
    }));
}
