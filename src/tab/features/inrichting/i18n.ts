import { defineCatalogue } from '../../i18n/feature-catalogue.js';
import { inrichtingProblemsEn, inrichtingProblemsNl } from '../../lib/inrichting-problem-texts.js';

/**
 * The warning that the site's set-up (its Inrichting list) is unusable and Zoetermeer's is used instead (issue 12.8).
 * Loaded only on a site where that is so: the first view carries none of it.
 */
export const inrichtingTexts = defineCatalogue(
  {
    title: 'De inrichting van deze site is niet bruikbaar',
    body: 'De lijst Inrichting van deze site (de gemeente met haar domeinen, thema’s en plateaus) klopt niet. De app gebruikt daarom de inrichting van Zoetermeer: de domeinen, thema’s en plateaus die je ziet kunnen afwijken van die van je gemeente. Herstel de lijst Inrichting in SharePoint; daarna leest de app de eigen inrichting weer.',
    problems: 'Wat er niet klopt:',
    ...inrichtingProblemsNl,
  },
  {
    title: 'This site’s set-up cannot be used',
    body: 'This site’s Inrichting list (the municipality with its domains, themes and plateaus) is not valid. The app therefore uses Zoetermeer’s set-up: the domains, themes and plateaus you see may differ from your municipality’s. Correct the Inrichting list in SharePoint; the app then reads the site’s own set-up again.',
    problems: 'What is wrong:',
    ...inrichtingProblemsEn,
  },
);
