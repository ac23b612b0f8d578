/**
 * Dynamic imports that can be tried again after a failed load, for the browser's lazily loaded code (the tab's views
 * and parts, and what a button loads: the report's PDF and Word renderers, the Excel export and the portfolio's
 * import).
 */
/** The script a failed dynamic import names in its message (Chromium and Firefox do; Safari does not). */
export function failedScript(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return /\bhttps?:\/\/[^\s'"]+?\.m?js(?:\?[^\s'"]*)?(?=$|[\s'"),.])/.exec(message)?.[0];
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

/**
 * A dynamic import (`() => import('./x.js')`) that can be tried again after it failed. Chromium keeps a failed dynamic
 * import for the page's life (version 150 does: importing the same URL again fails at once, without a request; the
 * HTML standard leaves it open, whatwg/html#10327), so "Opnieuw proberen" after a dropped connection failed again.
 * After a failure whose message names the script, the next try imports that script under another URL (`retryUrl`;
 * the app server serves files by path and ignores the query). The modules it imports keep their URLs: those already
 * loaded are shared, and one whose own fetch failed stays failed until the page is reloaded. Where the message names no
 * script (Safari), the next try imports the same URL again. `pick` takes what is needed from the module; `importUrl`
 * is the import of a URL (the tests give their own).
 */
export function retryingImport<M, T = M>(
  importModule: () => Promise<M>,
  pick?: (module: M) => T,
  importUrl: (url: string) => Promise<unknown> = (url) => import(/* @vite-ignore */ url),
): () => Promise<T> {
  let failed: string | undefined;
  let attempt = 0;
  const take = pick ?? ((module: M) => module as unknown as T);
  return async () => {
    const url = failed;
    try {
      const module = url ? ((await importUrl(retryUrl(url, (attempt += 1)))) as M) : await importModule();
      failed = undefined;
      return take(module);
    } catch (error) {
      const named = failedScript(error);
      // A retried URL names itself: the next try goes back to the script's own URL with a new attempt number.
      failed = named ? named.replace(/([?&])retry=\d+&?/, '$1').replace(/[?&]$/, '') : url;
      throw error;
    }
  };
}
