import { inrichtingTemplatesNl, type InrichtingMessageKey } from '../../domain/inrichting.js';

/**
 * The set-up's faults (`checkInrichting`'s messages) as catalogue texts, `problem.<key>`: the Dutch are the domain's
 * own templates, the English below. Spread into each lazy catalogue that says them (the plan import's dialog and the
 * set-up warning), so neither the first view nor the other's chunk carries them twice.
 */
export const inrichtingProblemsNl = Object.fromEntries(
  Object.entries(inrichtingTemplatesNl).map(([key, text]) => [`problem.${key}`, text]),
) as { readonly [K in InrichtingMessageKey as `problem.${K}`]: (typeof inrichtingTemplatesNl)[K] };

export const inrichtingProblemsEn: Record<`problem.${InrichtingMessageKey}`, string> = {
  'problem.inrichtingGeenObject': 'The set-up is not a valid list of municipality, domains, themes and plateaus.',
  'problem.inrichtingGemeenteOntbreekt': 'The name of the municipality is missing.',
  'problem.inrichtingGemeenteMeerdere': 'The set-up names more than one municipality ({namen}); there should be one.',
  'problem.inrichtingGemeenteTeLang': 'The name of the municipality can be at most {max} characters long.',
  'problem.inrichtingDomeinenGeenLijst': 'The domains are missing or are not a list.',
  'problem.inrichtingThemasGeenLijst': 'The themes are missing or are not a list.',
  'problem.inrichtingPlateausGeenLijst': 'The plateaus are missing or are not a list.',
  'problem.inrichtingDomeinZonderNaam': 'Domain {nr} has no name.',
  'problem.inrichtingThemaZonderNaam': 'Theme {nr} has no name.',
  'problem.inrichtingPlateauZonderNaam': 'Plateau {nr} has no name.',
  'problem.inrichtingDomeinNaamTeLang': "The name of domain '{naam}' can be at most {max} characters long.",
  'problem.inrichtingThemaNaamTeLang': "The name of theme '{naam}' can be at most {max} characters long.",
  'problem.inrichtingPlateauNaamTeLang': "The name of plateau '{naam}' can be at most {max} characters long.",
  'problem.inrichtingDomeinScheidingsteken':
    "The name of domain '{naam}' contains ';#'; SharePoint uses that to separate choices.",
  'problem.inrichtingThemaScheidingsteken':
    "The name of theme '{naam}' contains ';#'; SharePoint uses that to separate choices.",
  'problem.inrichtingPlateauScheidingsteken':
    "The name of plateau '{naam}' contains ';#'; SharePoint uses that to separate choices.",
  'problem.inrichtingDomeinDubbel': "Domain '{naam}' is in the set-up more than once.",
  'problem.inrichtingThemaCodeDubbel': "Theme code '{naam}' is in the set-up more than once.",
  'problem.inrichtingThemaDubbel': "Theme '{naam}' is in the set-up more than once.",
  'problem.inrichtingPlateauDubbel': "Plateau '{naam}' is in the set-up more than once.",
  'problem.inrichtingConcernAantal':
    "Exactly one domain must cover the whole organisation (the CMT's domain, 'Concern' in Zoetermeer); {aantal, plural, one {now there is #} other {now there are #}}.",
  'problem.inrichtingGeenBusinessdomein':
    'Besides the domain of the whole organisation, at least one other domain is needed.',
  'problem.inrichtingGeenThema': 'No theme has been set up.',
  'problem.inrichtingThemaCodeOntbreekt': 'Theme {nr} has no code.',
  'problem.inrichtingThemaCodeTeLang': "The code of theme '{code}' can be at most {max} characters long.",
  'problem.inrichtingThemaAdviezen':
    "Theme '{code}' names a recommendation that is not a whole number of 1 or more; give the recommendation numbers as 1, 2, 3.",
  'problem.inrichtingAdviesInTweeThemas':
    'Recommendation {advies} is under more than one theme ({codes}); a recommendation belongs to one theme.',
  'problem.inrichtingGeenPlateau': 'No plateau has been set up.',
};
