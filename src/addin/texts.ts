/**
 * The add-in's texts in both languages. The add-in is its own small entry (a task pane must load fast), so it has
 * its own catalogue instead of the tab's; `satisfies` makes a key missing from English a compile error, and a unit
 * test checks the same at run time.
 */
export type AddinLocale = 'nl' | 'en';

export const ADDIN_NL = {
  'block.heading': 'Agendapunt digitalisering: {mt}',
  'block.intro': 'Vast agendapunt (advies 11.5) voor de vergadering van {datum}.',
  'block.overdue': 'Achterstallig ({n})',
  'block.blocked': 'Geblokkeerd of wachtend ({n})',
  'block.ookBespreken': 'Ook bespreken ({n})',
  'block.due': 'Deadline voor de volgende vergadering ({n})',
  'block.changed': 'Gewijzigd sinds de vorige vergadering ({n})',
  'block.withoutOwner': 'Zonder eigenaar ({n})',
  'block.geagendeerd': "Geagendeerd door de MT's ({n})",
  'block.geagendeerdMeta': '{domein} · door {door} · sinds {sinds}',
  'block.geagendeerdReden': 'Reden: {reden}',
  'block.portfolio': 'Wijzigingen in het portfolio ({n})',
  'block.previousDecisions': 'Besluiten van de vorige vergadering ({n})',
  'block.reflection': 'Reflectievraag',
  'block.nothing': 'Geen acties die aandacht vragen en geen wijzigingen in het portfolio.',
  'block.deadline': 'deadline {datum}',
  'block.doorlopend': 'doorlopend vanaf {datum}',
  'block.keptEdits': 'Eerdere versie van het agendapunt, met wat er in de uitnodiging zelf aan is veranderd:',
  'block.daysLate': '{n} dagen te laat',
  'block.dayLate': '1 dag te laat',
  'block.doorlopendLate': 'doorlopend vanaf {datum}, nog niet gestart',
  'block.owner': 'eigenaar {naam}',
  'block.ownerPerDomein': 'eigenaar per domein',
  'block.ownerSomeDomeinen': 'eigenaar in {belegd} van {totaal} domeinen',
  'block.blockedBy': 'wacht op {acties}',
  'block.removed': 'niet meer op de agenda',
  'block.new': 'nieuw',
  'block.footer': 'Samengesteld uit het Actieplan Digitaal Leiderschap op {moment}.',
  'block.openPlan': 'Open het actieplan',
  'pane.title': 'Agendapunt digitalisering',
  'pane.attendeeTitle': 'Digitalisering op de agenda',
  'pane.mt': 'MT',
  'pane.mtProposedSubject': 'Voorgesteld op grond van het onderwerp van de uitnodiging.',
  'pane.mtProposedInvitees': 'Voorgesteld op grond van de genodigden.',
  'pane.mtChoose': 'Kies het MT van deze vergadering.',
  'pane.mtNone': 'Kies een MT',
  'pane.meeting': 'Vergadering van {datum}',
  'pane.noStart': 'De uitnodiging heeft nog geen begintijd.',
  'pane.loading': 'De agenda wordt geladen…',
  'pane.loadError': 'De agenda kon niet worden geladen: {detail}',
  'pane.retry': 'Opnieuw proberen',
  'pane.preview': 'Voorbeeld',
  'pane.insert': 'Invoegen in de uitnodiging',
  'pane.replace': 'Agendapunt bijwerken in de uitnodiging',
  'pane.inserting': 'Bezig met invoegen…',
  'pane.inserted': 'Het agendapunt staat in de uitnodiging.',
  'pane.followed': 'De uitnodiging is gewijzigd: het voorbeeld hieronder volgt de nieuwe tijd en genodigden.',
  'pane.moved':
    'De begintijd van de uitnodiging is intussen gewijzigd: het voorbeeld hieronder is nu de agenda voor die vergadering. Kies opnieuw Invoegen.',
  'pane.replaced': 'Het agendapunt in de uitnodiging is bijgewerkt; de rest van de tekst is onveranderd.',
  'pane.replacedKept':
    'Het agendapunt in de uitnodiging is bijgewerkt. Wat je er zelf in had getypt, staat eronder als eerdere versie: haal weg wat je niet meer nodig hebt.',
  'pane.edited':
    'Het agendapunt in de uitnodiging is met de hand aangepast. Bij bijwerken komt het nieuwe agendapunt erboven en blijft jouw versie eronder staan.',
  'pane.insertError': 'Invoegen is mislukt: {detail}',
  'pane.damaged': 'het eerder ingevoegde agendapunt is in de tekst beschadigd. Verwijder het en voeg het opnieuw in.',
  'pane.noOffice': 'Dit venster werkt alleen in Outlook.',
  'pane.noMts': 'Er zijn nog geen MT’s ingesteld. Stel ze in op het tabblad Instellingen van het actieplan.',
  'pane.previousDecisions': 'Besluiten van de vorige vergadering',
  'pane.noPreviousDecisions': 'Er zijn geen besluiten vastgelegd in de vorige vergadering.',
  'pane.fail.offline': 'er is geen verbinding met SharePoint.',
  'pane.fail.denied': 'je hebt geen rechten op de lijsten van het actieplan.',
  'pane.fail.other': 'SharePoint gaf een fout ({status}).',
  'pane.fail.office':
    'Outlook nam de wijziging niet aan (foutcode {code}). Controleer of je deze uitnodiging mag bewerken, sla haar op en probeer het opnieuw.',
} as const;

export type AddinTextKey = keyof typeof ADDIN_NL;

export const ADDIN_EN = {
  'block.heading': 'Agenda item digitalisation: {mt}',
  'block.intro': 'Standing agenda item (recommendation 11.5) for the meeting of {datum}.',
  'block.overdue': 'Overdue ({n})',
  'block.blocked': 'Blocked or waiting ({n})',
  'block.ookBespreken': 'Also to discuss ({n})',
  'block.due': 'Deadline before the next meeting ({n})',
  'block.changed': 'Changed since the previous meeting ({n})',
  'block.withoutOwner': 'Without an owner ({n})',
  'block.geagendeerd': 'Put on the agenda by the MTs ({n})',
  'block.geagendeerdMeta': '{domein} · by {door} · since {sinds}',
  'block.geagendeerdReden': 'Reason: {reden}',
  'block.portfolio': 'Portfolio changes ({n})',
  'block.previousDecisions': 'Decisions of the previous meeting ({n})',
  'block.reflection': 'Reflection question',
  'block.nothing': 'No actions that need attention and no portfolio changes.',
  'block.deadline': 'deadline {datum}',
  'block.doorlopend': 'ongoing from {datum}',
  'block.keptEdits': 'Earlier version of the agenda item, with the changes made in the invitation itself:',
  'block.daysLate': '{n} days late',
  'block.dayLate': '1 day late',
  'block.doorlopendLate': 'ongoing from {datum}, not started yet',
  'block.owner': 'owner {naam}',
  'block.ownerPerDomein': 'owner per domain',
  'block.ownerSomeDomeinen': 'owner in {belegd} of {totaal} domains',
  'block.blockedBy': 'waiting for {acties}',
  'block.removed': 'no longer on the agenda',
  'block.new': 'new',
  'block.footer': 'Composed from the Digital Leadership Action Plan on {moment}.',
  'block.openPlan': 'Open the action plan',
  'pane.title': 'Agenda item digitalisation',
  'pane.attendeeTitle': 'Digitalisation on the agenda',
  'pane.mt': 'Management team',
  'pane.mtProposedSubject': 'Proposed from the invitation’s subject.',
  'pane.mtProposedInvitees': 'Proposed from the invitees.',
  'pane.mtChoose': 'Choose the management team of this meeting.',
  'pane.mtNone': 'Choose a team',
  'pane.meeting': 'Meeting of {datum}',
  'pane.noStart': 'The invitation has no start time yet.',
  'pane.loading': 'Loading the agenda…',
  'pane.loadError': 'The agenda could not be loaded: {detail}',
  'pane.retry': 'Try again',
  'pane.preview': 'Preview',
  'pane.insert': 'Insert into the invitation',
  'pane.replace': 'Update the agenda item in the invitation',
  'pane.inserting': 'Inserting…',
  'pane.inserted': 'The agenda item is in the invitation.',
  'pane.followed': 'The invitation has changed: the preview below follows its new time and invitees.',
  'pane.moved':
    'The invitation’s start has changed meanwhile: the preview below is now the agenda for that meeting. Choose Insert again.',
  'pane.replaced': 'The agenda item in the invitation was updated; the rest of the text is unchanged.',
  'pane.replacedKept':
    'The agenda item in the invitation was updated. What you had typed in it is below it, as the earlier version: remove what you no longer need.',
  'pane.edited':
    'The agenda item in the invitation was edited by hand. Updating puts the new agenda item above it and keeps your version below it.',
  'pane.insertError': 'Inserting failed: {detail}',
  'pane.damaged': 'the agenda item inserted earlier was damaged in the text. Remove it and insert it again.',
  'pane.noOffice': 'This pane only works in Outlook.',
  'pane.noMts': 'No management teams are set up yet. Set them up on the action plan’s Settings tab.',
  'pane.previousDecisions': 'Decisions of the previous meeting',
  'pane.noPreviousDecisions': 'No decisions were recorded at the previous meeting.',
  'pane.fail.offline': 'there is no connection to SharePoint.',
  'pane.fail.denied': 'you have no access to the action plan’s lists.',
  'pane.fail.other': 'SharePoint returned an error ({status}).',
  'pane.fail.office':
    'Outlook did not accept the change (error code {code}). Check that you may edit this invitation, save it and try again.',
} as const satisfies Record<AddinTextKey, string>;

export type AddinTranslate = (key: AddinTextKey, values?: Record<string, string | number>) => string;

/** A translate function for one language: `{name}` placeholders are filled from `values`. */
export function addinTranslator(locale: AddinLocale): AddinTranslate {
  const catalogue: Record<AddinTextKey, string> = locale === 'en' ? ADDIN_EN : ADDIN_NL;
  return (key, values = {}) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Dutch unless the host's display language is English (`en`, `en-GB`, …), as the tab does. */
export function addinLocale(language: string | undefined): AddinLocale {
  return language?.toLowerCase().startsWith('en') ? 'en' : 'nl';
}
