import { defineCatalogue } from '../../i18n/feature-catalogue.js';

/**
 * The configuration page's texts about the site's set-up (issue 12.8), in the page's own lazy chunk: the page reads
 * the site's Inrichting before it offers the domains, and says so when it cannot.
 */
export const configTexts = defineCatalogue(
  {
    loading: 'De domeinen van deze site worden gelezen…',
    fallback:
      'De inrichting van deze site kon niet worden gelezen ({detail}). Hieronder staan daarom de domeinen van Zoetermeer; die kunnen afwijken van die van je gemeente. Kies er alleen een die je gemeente heeft, of probeer het opnieuw.',
    noSession: 'er is geen aanmelding beschikbaar op deze pagina',
    retry: 'Opnieuw lezen',
  },
  {
    loading: 'Reading the domains of this site…',
    fallback:
      'This site’s set-up could not be read ({detail}). The domains below are therefore Zoetermeer’s, which may differ from your municipality’s. Choose one only if your municipality has it, or try again.',
    noSession: 'no sign-in is available on this page',
    retry: 'Read again',
  },
);
