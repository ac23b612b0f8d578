const nl = {
  cause: 'Oorzaak: {detail}',
  kept: 'Hieronder staat wat het laatst is geladen; het kan verouderd zijn.',
};

/**
 * The load failure's own texts (a feature catalogue, see `defineCatalogue`), in the lazy views' chunks with
 * `LoadError`, not in the first view. Plain, so the unit tests can read it without the tab's JSX modules.
 */
export const loadErrorTexts = {
  nl,
  en: {
    cause: 'Cause: {detail}',
    kept: 'Below is what was loaded last; it may be out of date.',
  } satisfies Record<keyof typeof nl, string>,
};
