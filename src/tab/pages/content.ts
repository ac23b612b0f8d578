import type { Locale } from '../i18n/format.js';

export type PageName = 'over' | 'privacy' | 'gebruiksvoorwaarden';
type Page = { title: string; sections: { heading?: string; paragraphs: string[] }[] };

/** The pages the manifest links to (developer website, privacy, terms), in both languages. Plain text only. */
export const PAGES: Record<Locale, Record<PageName, Page>> = {
  nl: {
    over: {
      title: 'Over Actieplan Digitaal Leiderschap',
      sections: [
        {
          paragraphs: [
            'Actieplan Digitaal Leiderschap brengt het actieplan dat voortkomt uit het 213a-onderzoek naar digitaal leiderschap naar Microsoft Teams, waar de managementteams al samenwerken.',
            'Het onderzoek deed negen bevindingen en gaf elf adviezen in drie thema’s: structuur versterken, verbinding organiseren en continu leren. De adviezen zijn uitgewerkt in 33 acties over vier plateaus: randvoorwaardelijk, fundament versterken, verbeteren en excelleren. Het college heeft op elk advies gereageerd en bij tien adviezen een planning gegeven; bij advies 9 gaf het geen planning. Bij de adviezen 2, 7, 9, 10 en 11 noemt het de lopende trajecten of bestaande structuren waarin ze worden opgepakt.',
          ],
        },
        {
          heading: 'Wat je ermee doet',
          paragraphs: [
            'Elk MT ziet in het eigen kanaal de acties van zijn domein op de roadmap en in een lijst, met status, eigenaar, deadline en de planning van het college. Onder ‘Mijn acties’ vind je alles waarvan je eigenaar bent. ‘Voortgang’ laat per advies, plateau, thema en domein zien hoe ver het plan is.',
            'Zo blijft digitalisering een vast thema van elk MT-overleg (advies 11.5), en kan een actie die vastloopt op tijd worden besproken.',
          ],
        },
        {
          heading: 'Beheer',
          paragraphs: [
            'De app wordt beheerd door Informatie & Automatisering (I&A) van de gemeente. Vragen en verbeterideeën kun je melden via de servicedesk van I&A.',
          ],
        },
      ],
    },
    privacy: {
      title: 'Privacyverklaring',
      sections: [
        {
          paragraphs: [
            'De app toont en wijzigt de gegevens van het actieplan in de SharePoint-omgeving van de gemeente. Er is geen tweede database: versies, rechten en controle komen uit SharePoint.',
          ],
        },
        {
          heading: 'Welke persoonsgegevens',
          paragraphs: [
            'De app verwerkt je naam en e-mailadres zoals Microsoft 365 ze kent, om je aan te melden, om de acties te tonen waarvan je eigenaar bent en om in de versiegeschiedenis te laten zien wie wat heeft gewijzigd. Eigenaren van acties worden bij voorkeur als rol vastgelegd, bijvoorbeeld ‘Informatiemanager Sociaal Domein’.',
          ],
        },
        {
          heading: 'Opslag op je apparaat',
          paragraphs: [
            'Om snel te starten bewaart de app een kopie van het actieplan in de browser (IndexedDB). Tekst die je typt maar nog niet hebt opgeslagen, en je opgeslagen lijstweergaven, bewaart de app in de lokale opslag van de browser, zodat er niets verloren gaat. Deze gegevens verlaten je apparaat niet en je kunt ze wissen via de instellingen van je browser.',
          ],
        },
        {
          heading: 'Je rechten',
          paragraphs: [
            'Voor inzage, correctie of verwijdering van je gegevens, of een vraag over privacy, neem je contact op met de functionaris gegevensbescherming van de gemeente.',
          ],
        },
      ],
    },
    gebruiksvoorwaarden: {
      title: 'Gebruiksvoorwaarden',
      sections: [
        {
          paragraphs: [
            'De app is bedoeld voor medewerkers van de gemeente die bij het actieplan digitaal leiderschap betrokken zijn. Je gebruikt hem met je eigen Microsoft 365-account en binnen de rechten die je in SharePoint hebt.',
            'Wijzigingen die je maakt, zijn voor alle collega’s met toegang zichtbaar en worden met je naam in de versiegeschiedenis vastgelegd. Leg geen vertrouwelijke of bijzondere persoonsgegevens vast in titels of toelichtingen.',
            'De gegevens in het actieplan zijn werkinformatie. Aan de app en haar inhoud kunnen geen rechten worden ontleend. De gemeente mag de app wijzigen of beëindigen.',
          ],
        },
      ],
    },
  },
  en: {
    over: {
      title: 'About the Digital Leadership Action Plan',
      sections: [
        {
          paragraphs: [
            'The Digital Leadership Action Plan brings the plan that follows from the article 213a research into digital leadership to Microsoft Teams, where the management teams already work together.',
            'The research made nine findings and gave eleven recommendations in three themes: strengthening structure, organising connection and continuous learning. They were worked out into 33 actions over four plateaus: prerequisites, strengthening the foundation, improving and excelling. The Municipal Executive (college van B&W) responded to each recommendation and gave a planning for ten of them; for recommendation 9 it gave none. For recommendations 2, 7, 9, 10 and 11 it names the running tracks or existing structures that take them up.',
          ],
        },
        {
          heading: 'What you do with it',
          paragraphs: [
            'Each management team sees its domain’s actions in its own channel, on the roadmap and in a list, with status, owner, deadline and the Municipal Executive’s planning. ‘My actions’ lists everything you own. ‘Progress’ shows how far the plan is per recommendation, plateau, theme and domain.',
            'This keeps digitalisation a fixed topic of every management meeting (recommendation 11.5), so that an action that gets stuck is discussed in time.',
          ],
        },
        {
          heading: 'Management',
          paragraphs: [
            'The app is managed by the municipality’s IT department (I&A). Report questions and ideas through the I&A service desk.',
          ],
        },
      ],
    },
    privacy: {
      title: 'Privacy statement',
      sections: [
        {
          paragraphs: [
            'The app shows and changes the action plan’s data in the municipality’s own SharePoint. There is no second database: versions, permissions and auditing come from SharePoint.',
          ],
        },
        {
          heading: 'Which personal data',
          paragraphs: [
            'The app processes your name and e-mail address as Microsoft 365 knows them, to sign you in, to show the actions you own and to show in the version history who changed what. Owners of actions are preferably recorded as a role, such as ‘Information manager Social Domain’.',
          ],
        },
        {
          heading: 'Storage on your device',
          paragraphs: [
            'To start quickly, the app keeps a copy of the action plan in the browser (IndexedDB). Text you typed but did not save yet, and your saved list views, are kept in the browser’s local storage so that nothing is lost. This data does not leave your device and you can delete it in your browser’s settings.',
          ],
        },
        {
          heading: 'Your rights',
          paragraphs: [
            'To see, correct or delete your data, or with a question about privacy, contact the municipality’s data protection officer.',
          ],
        },
      ],
    },
    gebruiksvoorwaarden: {
      title: 'Terms of use',
      sections: [
        {
          paragraphs: [
            'The app is meant for employees of the municipality involved in the digital leadership action plan. You use it with your own Microsoft 365 account and within the permissions you have in SharePoint.',
            'Changes you make are visible to all colleagues with access and are recorded with your name in the version history. Do not record confidential or special categories of personal data in titles or explanations.',
            'The data in the action plan is working information. No rights can be derived from the app or its content. The municipality may change or end the app.',
          ],
        },
      ],
    },
  },
};
