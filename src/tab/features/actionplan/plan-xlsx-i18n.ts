import { planImportTemplatesNl, type PlanImportMessageKey } from '../../../data/plan-import-messages.js';
import { defineCatalogue } from '../../i18n/feature-catalogue.js';

/** The plan import's own problems: the Dutch are the data layer's templates (`problem.<key>`). */
const problemsNl = Object.fromEntries(
  Object.entries(planImportTemplatesNl).map(([key, text]) => [`problem.${key}`, text]),
) as { readonly [K in PlanImportMessageKey as `problem.${K}`]: (typeof planImportTemplatesNl)[K] };

/** Texts of the plan as .xlsx (issue 12, point 8): the whole plan's export and the import into an empty site. */
export const planXlsxTexts = defineCatalogue(
  {
    export: 'Heel plan exporteren (.xlsx)',
    exporting: 'Plan exporteren…',
    exportError: 'Het plan kon niet worden geëxporteerd: {detail}',
    import: 'Plan importeren (.xlsx)',
    importTitle: 'Een plan importeren',
    importIntro:
      'Deze site heeft nog geen plan. Kies een .xlsx-bestand in het formaat van "Heel plan exporteren" (tabbladen Themas, Adviezen, Bevindingen, Acties en DomeinVoortgang). Eerst volgt een proefimport: die toont elk probleem met tabblad en rij en slaat niets op.',
    file: 'Bestand',
    reading: 'Bestand controleren…',
    problemsTitle: '{count, plural, one {# probleem} other {# problemen}}; er is niets opgeslagen',
    problemsHint: 'Verbeter het bestand en kies het opnieuw.',
    where: 'Waar',
    problem: 'Probleem',
    row: '{sheet}, rij {row}',
    rowColumn: '{sheet}, rij {row}, kolom {column}',
    sheetOnly: '{sheet}',
    readyTitle: 'Proefimport zonder problemen',
    ready:
      'Te importeren: {adviezen} adviezen, {bevindingen} bevindingen, {acties} acties en {rijen} rijen per domein. Er is nog niets opgeslagen.',
    apply: 'Importeren',
    applying: 'Importeren…',
    doneTitle: 'Het plan is geïmporteerd',
    done: '{adviezen} adviezen, {bevindingen} bevindingen, {acties} acties en {rijen} rijen per domein staan nu op de site.',
    failedTitle: 'Importeren is mislukt; alles is teruggedraaid',
    failed: 'Bij {where} antwoordde de site {status}: {detail}. {deleted} al geschreven items zijn weer verwijderd.',
    rollbackFailed: 'Niet teruggedraaid, verwijder met de hand: {list} {key} ({detail})',
    notEmpty: 'Deze site heeft al een plan; een plan importeren kan alleen in een lege site. Er is niets opgeslagen.',
    error: 'Het bestand kon niet worden gelezen: {detail}',
    close: 'Sluiten',
    ...problemsNl,
  },
  {
    export: 'Export whole plan (.xlsx)',
    exporting: 'Exporting the plan…',
    exportError: 'The plan could not be exported: {detail}',
    import: 'Import a plan (.xlsx)',
    importTitle: 'Import a plan',
    importIntro:
      'This site has no plan yet. Choose an .xlsx file in the format of "Export whole plan" (sheets Themas, Adviezen, Bevindingen, Acties and DomeinVoortgang). A dry run comes first: it shows every problem with its sheet and row and saves nothing.',
    file: 'File',
    reading: 'Checking the file…',
    problemsTitle: '{count, plural, one {# problem} other {# problems}}; nothing was saved',
    problemsHint: 'Correct the file and choose it again.',
    where: 'Where',
    problem: 'Problem',
    row: '{sheet}, row {row}',
    rowColumn: '{sheet}, row {row}, column {column}',
    sheetOnly: '{sheet}',
    readyTitle: 'Dry run without problems',
    ready:
      'To import: {adviezen} recommendations, {bevindingen} findings, {acties} actions and {rijen} rows per domain. Nothing has been saved yet.',
    apply: 'Import',
    applying: 'Importing…',
    doneTitle: 'The plan has been imported',
    done: '{adviezen} recommendations, {bevindingen} findings, {acties} actions and {rijen} rows per domain are now on the site.',
    failedTitle: 'The import failed; everything was rolled back',
    failed: 'At {where} the site answered {status}: {detail}. {deleted} items already written were deleted again.',
    rollbackFailed: 'Not rolled back, delete by hand: {list} {key} ({detail})',
    notEmpty: 'This site already has a plan; a plan can only be imported into an empty site. Nothing was saved.',
    error: 'The file could not be read: {detail}',
    close: 'Close',
    'problem.planTabbladOntbreekt': 'The sheet "{tabblad}" is missing; the import format has the sheets {tabbladen}.',
    'problem.planKolomOntbreekt': 'The column "{kolom}" is missing on sheet "{tabblad}".',
    'problem.planKolomOnbekend': 'Unknown column "{kolom}" on sheet "{tabblad}"; the columns are: {kolommen}.',
    'problem.planPersoonOnbekend':
      'Unknown person "{naam}": choose someone the SharePoint site knows, or leave the cell empty.',
    'problem.planThemaOnbekend': 'Unknown theme "{code}": this version knows the themes {themas}.',
    'problem.planThemaNaam':
      'Theme {code} is called "{naam}" in this version; the app cannot store other theme names yet.',
    'problem.planThemaDubbel': 'Theme {code} is on the sheet twice.',
    'problem.planThemaNietOpTabblad': 'Theme {code} is not on the sheet "Themas".',
    'problem.planAdviesDubbel': 'Recommendation {nummer} is also on row {rij}; make each number unique.',
    'problem.planBevindingDubbel': 'Finding {nummer} is also on row {rij}; make each number unique.',
    'problem.planActieDubbel': 'Action {nummer} is also on row {rij}; make each number unique.',
    'problem.planActienummerLeeg': 'Enter the action number.',
    'problem.planActieNietOpTabblad': 'Action {actie} is not on the sheet "Acties" (without errors).',
    'problem.planDomeinOnbekend': 'Unknown domain "{waarde}": choose from {domeinen}.',
    'problem.planActieNietVanDomein': 'Action {actie} does not belong to {waarde} (it belongs to {domeinen}).',
    'problem.planStatusOnbekend': 'Unknown status "{waarde}": choose from {statussen}.',
    'problem.planToelichtingVerplicht': 'The status {waarde} needs an explanation.',
    'problem.planDatumOngeldig': '"{waarde}" is not a date; use for example 31-12-2026.',
    'problem.planDomeinRijDubbel':
      'Action {actie} already has a row for {waarde} (row {rij}); one row per action and domain.',
    'problem.planGeenAdviezen': 'The plan has no recommendations.',
    'problem.planGeenActies': 'The plan has no actions.',
    // The set-up's own sentence (Dutch: the set-up's checks name the value in the municipality's words).
    'problem.planInrichting': 'Set-up (in Dutch): {melding}',
    'problem.planInrichtingSoort': 'Unknown kind "{waarde}": choose from {soorten}.',
    'problem.planInrichtingJaNee': 'Fill in yes or no under "Hele organisatie".',
    'problem.planInrichtingConcernSoort':
      'Only a domain can cover the whole organisation; leave "Hele organisatie" empty for a {soort}.',
    'problem.planAdviesAnderThema': "The set-up puts recommendation {nummer} under theme '{code}', not '{waarde}'.",
    'problem.planAdviesThemaNietIngericht':
      "Recommendation {nummer} belongs to theme '{waarde}', which the set-up does not have.",
    'problem.planBevindingThemaNietIngericht':
      "Finding {nummer} belongs to theme '{waarde}', which the set-up does not have.",
    'problem.planAdviesPlateauNietIngericht':
      "Recommendation {nummer} is on plateau '{waarde}', which the set-up does not have.",
    'problem.planActiePlateauNietIngericht':
      "Action {nummer} is on plateau '{waarde}', which the set-up does not have.",
    'problem.planActieDomeinNietIngericht':
      "Action {nummer} names the domain '{waarde}', which the set-up does not have.",
  },
);
