/**
 * The voortgangsrapportage as a neutral outline: blocks of headings, paragraphs, tables and charts in reading order.
 * The PDF (pdfkit, tagged) and Word (docx) builders render this one outline, so both documents have the same
 * structure, texts and numbers, and those numbers are the model's (`voortgangAt`), as on the dashboard.
 *
 * Texts from SharePoint are untrusted: every text passes `cleanText` (no control characters that would make the Word
 * file unreadable, one kind of line break) and is only ever used as plain text, never as markup.
 * Pure: no I/O, no clock.
 */
import type { BorgingMT } from '../domain/borging.js';
import { DOORLOPEND_LINE } from '../domain/planning.js';
import {
  BELEGD_LINE,
  type AdviesVoortgang,
  type RapportActie,
  type RapportProject,
  type Voortgangsrapportage,
} from '../domain/report.js';
import type { ProgressCounts, ProgressRow } from '../domain/rules.js';
import { breakLongWords, displayText, type TextFieldName } from '../domain/text-limits.js';
import { concernDomein, themaNameIn, type Inrichting } from '../domain/inrichting-basis.js';
import {
  adviesHeading,
  dateNl,
  dateTimeNl,
  gateState,
  gateSentence,
  NONE_TEXT,
  isWarning,
  OORDEEL,
  OORDEEL_EXPLANATIONS,
  OORDEEL_ORDER,
  planningSentence,
  plateauLabel,
  RAPPORT_TITEL,
  COUNT_COLUMNS,
  PER_DOMEIN_TOELICHTING,
  COUNT_EXPLANATION,
  countCells,
  themaLabel,
} from './labels.js';

/** A piece of text with emphasis. `waarschuwing` marks what needs attention (an overdue deadline). */
export type Run = { text: string; bold?: boolean; italics?: boolean; waarschuwing?: boolean };
/** A table cell: plain text, or runs; a run's text may hold line breaks (`\n`). */
export type Cell = string | Run[];

export type Block =
  | { kind: 'titel'; gemeente: string; titel: string; ondertitel: string }
  | { kind: 'kop'; niveau: 1 | 2 | 3; tekst: string }
  | { kind: 'alinea'; runs: Run[]; stijl?: 'meta' | 'klein' }
  | {
      kind: 'tabel';
      kop: string[];
      rijen: Cell[][];
      /** Relative column widths (any scale; here roughly points on A4, the builders scale them to the page). */
      breedtes: number[];
      /** Columns whose cells are numbers (right-aligned). */
      numeriek?: boolean[];
      /** The last row is a total (bold). */
      totaalRij?: boolean;
      /** Small tables are kept on one page. */
      onbreekbaar?: boolean;
    }
  /**
   * A bar chart: one stacked bar per row, one part per kind. `alt` says in words what it shows (its alternate text
   * for a screen reader); the table that follows it has the same numbers, so a renderer that cannot draw it (Word)
   * leaves it out and loses nothing.
   */
  | { kind: 'figuur'; alt: string; soorten: string[]; balken: { label: string; waarden: number[] }[] };

export type RapportOutline = {
  /** The document title, also its metadata title. */
  titel: string;
  gemeente: string;
  peildatum: string;
  /** The peildatum in Dutch ("31 december 2025"). */
  peildatumNl: string;
  blocks: Block[];
};

// XML 1.0 forbids C0 controls other than tab, line feed and carriage return, lone surrogates and U+FFFE/U+FFFF; Word
// refuses a document that holds them. C1 controls are legal XML but never meant as text. Tabs become spaces so a
// table cell does not jump.
const ONGELDIG =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Makes an untrusted text safe to put in a document as plain text: no control characters, no lone surrogates, `\n`
 * as the only line break, no trailing whitespace. Anything that is not a string becomes the empty string.
 */
export function cleanText(text: unknown): string {
  if (typeof text !== 'string') return '';
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(ONGELDIG, '')
    .replace(/[ \u00A0]+\n/g, '\n')
    .trim();
}

/**
 * A cleaned free text as the report shows it: cut to its field's maximum with "…" (a text typed in SharePoint may be
 * longer than the app allows) and with a break opportunity in every long word, so that no line breaker has to split a
 * 10,000-character word letter by letter. `'onbegrensd'` only breaks long words (lists the report composes itself).
 */
function vrij(text: unknown, veld: TextFieldName | 'onbegrensd'): string {
  const s = cleanText(text);
  return veld === 'onbegrensd' ? breakLongWords(s) : displayText(s, veld);
}

/** A cleaned text (see `vrij`; a single line by default), or the given placeholder when nothing is left. */
/** A shared action its domains carry (no owner of its own), as the tab says it; undefined when none of them has one. */
function eigenaarPerDomein(a: RapportActie): string | undefined {
  const per = a.eigenaarPerDomein;
  if (!per) return undefined;
  return per.belegd === per.totaal ? 'Per domein' : `In ${per.belegd} van ${per.totaal} domeinen`;
}

function ofGeen(text: string | undefined, placeholder = '—', veld: TextFieldName | 'onbegrensd' = 'regel'): string {
  const s = vrij(text, veld);
  return s === '' ? placeholder : s;
}

function telRij(c: ProgressCounts): string[] {
  return countCells(c).map(String);
}

const TELLING_KOP = COUNT_COLUMNS.map((k) => k.label);

function groepTabel(
  eersteKolom: string,
  rows: readonly ProgressRow[],
  label: (key: string) => string,
  /** The plan's totals as the last row; absent where the groups overlap (an action of several domains). */
  totals: ProgressCounts | undefined,
): Block {
  return {
    kind: 'tabel',
    kop: [eersteKolom, ...TELLING_KOP, '% afgerond'],
    rijen: [
      ...rows.map((r) => [label(r.key), ...telRij(r), `${r.percentAfgerond}%`]),
      ...(totals ? [['Totaal', ...telRij(totals), `${totals.percentAfgerond}%`]] : []),
    ],
    breedtes: [82, 27, 38, 31, 50, 30, 54, 51, 37],
    numeriek: [false, true, true, true, true, true, true, true, true],
    totaalRij: totals !== undefined,
    onbreekbaar: true,
  };
}

/** A domain row by its name; the set-up's domain of the whole organisation says so ("Gemeentebreed (CMT)"). */
function domeinKey(inrichting: Inrichting): (key: string) => string {
  const concern = concernDomein(inrichting);
  return (key) => (key === concern ? `${cleanText(key)} (CMT)` : cleanText(key) || 'Onbekend');
}

/** "1 van 3 domeinen afgerond", then each domain with its own status: a shared action's breakdown. */
function domeinenRegels(d: NonNullable<RapportActie['domeinen']>): string {
  return [
    `${d.afgerond} van ${d.totaal} domeinen afgerond`,
    ...d.perDomein.map((p) => `${cleanText(p.domein)}: ${cleanText(p.status)}`),
  ].join('\n');
}

/** The parts of a counts bar, in this order (lopend includes Belegd in lopend traject, as in the tables). */
const BALK_DELEN = COUNT_COLUMNS.filter((k) => k.key !== 'total' && k.key !== 'achterstallig');

function aantalActies(n: number): string {
  return n === 1 ? '1 actie' : `${n} acties`;
}

/** A stacked bar per group (plateau), with its numbers in words as the chart's alternate text. */
function groepFiguur(wat: string, rows: readonly ProgressRow[], label: (key: string) => string): Block {
  const balken = rows.map((r) => ({ label: label(r.key), waarden: BALK_DELEN.map((k) => r[k.key]) }));
  const zinnen = balken.map((b, i) => {
    const delen = BALK_DELEN.map((k, j) => `${b.waarden[j] ?? 0} ${k.label.toLowerCase()}`);
    return `${b.label}: ${aantalActies(rows[i]?.total ?? 0)}, waarvan ${delen.slice(0, -1).join(', ')} en ${delen.at(-1) ?? ''}.`;
  });
  return {
    kind: 'figuur',
    alt: `Staafdiagram van de stand ${wat}: per balk het aantal acties per status. ${zinnen.join(' ')} De tabel hieronder geeft dezelfde cijfers.`,
    soorten: BALK_DELEN.map((k) => k.label),
    balken,
  };
}

function plateauNaam(key: string): string {
  return cleanText(key) || 'Onbekend';
}

/** "A. Structuur versterken": a theme row by the set-up's name; a code the set-up does not know is unknown. */
function themaKey(inrichting: Inrichting): (key: string) => string {
  return (key) =>
    inrichting.themas.some((t) => t.code === key) ? `${key}. ${themaNameIn(inrichting, key)}` : 'Onbekend thema';
}

function samenvatting(model: Voortgangsrapportage): Block[] {
  const t = model.totals;
  const datum = dateNl(model.peildatum);
  const blocks: Block[] = [
    { kind: 'kop', niveau: 1, tekst: 'Samenvatting' },
    {
      kind: 'alinea',
      runs: [
        {
          text: `Op ${datum} telt het actieplan ${t.total} acties: ${t.afgerond} afgerond, ${t.lopend} lopend, ${t.geblokkeerd} geblokkeerd, ${t.nietGestart} niet gestart en ${t.nietOvergenomen} niet overgenomen. ${t.achterstallig === 1 ? 'Eén actie is' : `${t.achterstallig} acties zijn`} achterstallig.`,
        },
      ],
    },
    { kind: 'kop', niveau: 2, tekst: 'Stand per plateau' },
    groepFiguur('per plateau', orderPlateaus(model.perPlateau, model.inrichting.plateaus), plateauNaam),
    groepTabel('Plateau', orderPlateaus(model.perPlateau, model.inrichting.plateaus), plateauNaam, t),
    { kind: 'kop', niveau: 2, tekst: 'Stand per thema' },
    groepTabel('Thema', model.perThema, themaKey(model.inrichting), t),
    { kind: 'kop', niveau: 2, tekst: 'Stand per domein' },
    groepTabel('Domein', model.perDomein, domeinKey(model.inrichting), undefined),
    { kind: 'alinea', stijl: 'klein', runs: [{ text: `${COUNT_EXPLANATION} ${PER_DOMEIN_TOELICHTING}` }] },
    { kind: 'kop', niveau: 2, tekst: 'Tegen de planning van het college' },
    {
      kind: 'tabel',
      kop: ['Oordeel', 'Adviezen', 'Betekenis'],
      rijen: OORDEEL_ORDER.map((o) => [OORDEEL[o], String(model.oordelen[o]), OORDEEL_EXPLANATIONS[o]]),
      breedtes: [70, 45, 328],
      numeriek: [false, true, false],
      onbreekbaar: true,
    },
    {
      kind: 'tabel',
      kop: ['Advies', 'Planning college', 'Termijn', 'Oordeel', 'Afgerond'],
      rijen: model.perAdvies.map((a) => [
        `${a.nummer}. ${ofGeen(a.titel)}`,
        ofGeen(a.collegePlanning),
        a.termijn ? dateNl(a.termijn) : '—',
        isWarning(a.oordeel) ? [{ text: OORDEEL[a.oordeel], bold: true, waarschuwing: true }] : OORDEEL[a.oordeel],
        `${a.counts.afgerond} van ${a.counts.total}`,
      ]),
      breedtes: [160, 95, 78, 64, 40],
      numeriek: [false, false, false, false, true],
    },
    { kind: 'alinea', stijl: 'klein', runs: [{ text: DOORLOPEND_LINE }] },
    { kind: 'kop', niveau: 2, tekst: 'Eerst het fundament' },
    {
      kind: 'alinea',
      runs: [
        { text: `${gateState(model.gate.toestand, model.inrichting.plateaus)}. `, bold: true },
        { text: gateSentence(model.gate, model.inrichting.plateaus) },
      ],
    },
    { kind: 'alinea', stijl: 'klein', runs: [{ text: BELEGD_LINE }] },
  ];
  if (model.borging) blocks.push(...borgingSectie(model.borging));
  return blocks;
}

/** Advies 11.5 made visible: per MT how often the digitalisering item was sent, discussed and decided on. */
function borgingSectie(rows: readonly BorgingMT[]): Block[] {
  const stil = rows.flatMap((r) => r.stilstaand.map((s) => ({ mt: r.naam, s })));
  return [
    { kind: 'kop', niveau: 2, tekst: 'Borging advies 11.5: digitalisering als vast agendapunt' },
    {
      kind: 'alinea',
      runs: [
        {
          text: 'Per managementteam: de vergaderingen tot de peildatum, hoe vaak het agendapunt digitalisering vooraf is verstuurd, hoe vaak het als besproken is gemarkeerd, de vastgelegde besluiten en de acties die drie of meer vergaderingen ongewijzigd bleven.',
        },
      ],
    },
    {
      kind: 'tabel',
      kop: ['MT', 'Vergaderingen', 'Verstuurd', 'Besproken', 'Besluiten', 'Stilstaand'],
      rijen: rows.map((r) => [
        ofGeen(r.naam),
        String(r.vergaderingen),
        String(r.verzonden),
        `${r.besproken} (${r.besprokenPercent}%)`,
        String(r.besluiten),
        String(r.stilstaand.length),
      ]),
      breedtes: [150, 70, 60, 70, 60, 60],
      numeriek: [false, true, true, true, true, true],
      onbreekbaar: true,
    },
    ...(stil.length === 0
      ? []
      : [
          {
            kind: 'tabel' as const,
            kop: ['MT', 'Nr.', 'Actie', 'Status', 'Vergaderingen'],
            rijen: stil.map(({ mt, s }) => [
              ofGeen(mt),
              cleanText(s.nummer),
              ofGeen(s.titel),
              cleanText(s.status),
              String(s.vergaderingen),
            ]),
            breedtes: [110, 28, 170, 85, 60],
            numeriek: [false, false, false, false, true],
          },
        ]),
  ];
}

/** The plateau rows in the set-up's order (the model already orders them; unknown plateaus stay after the known ones). */
function orderPlateaus(rows: readonly ProgressRow[], plateaus: readonly string[]): ProgressRow[] {
  const index = (k: string) => {
    const i = plateaus.indexOf(k);
    return i === -1 ? plateaus.length : i;
  };
  return [...rows].sort((a, b) => index(a.key) - index(b.key));
}

/** The action's title, with its description (the report's own words for the seeded actions) under it in italics. */
function actieTitel(a: RapportActie): Cell {
  const titel = ofGeen(a.titel, '(zonder titel)');
  const omschrijving = vrij(a.omschrijving, 'omschrijving');
  if (!omschrijving) return titel;
  return [{ text: titel }, { text: `\n${omschrijving}`, italics: true }];
}

function gedaanToelichting(a: RapportActie): string {
  const delen: string[] = [];
  if (a.lopendTraject) delen.push(`Traject: ${vrij(a.lopendTraject, 'regel')}`);
  if (a.toelichting) delen.push(vrij(a.toelichting, 'statusToelichting'));
  return delen.filter((d) => d !== '').join('\n') || '—';
}

function volgendeStatus(a: RapportActie): Cell {
  const toelichting = vrij(a.toelichting, 'statusToelichting');
  const domeinen = a.domeinen ? [{ text: `\n${domeinenRegels(a.domeinen)}` }] : [];
  if (!toelichting) return domeinen.length > 0 ? [{ text: cleanText(a.status) }, ...domeinen] : cleanText(a.status);
  return [{ text: cleanText(a.status) }, ...domeinen, { text: `\n${toelichting}`, italics: true }];
}

function deadlineCel(a: RapportActie): Cell {
  if (!a.deadline) return '—';
  const datum = a.deadlineSoort === 'doorlopend' ? `doorlopend vanaf ${dateNl(a.deadline)}` : dateNl(a.deadline);
  if (!a.achterstallig) return datum;
  return [
    { text: datum },
    { text: a.deadlineSoort === 'doorlopend' ? '\nniet gestart' : '\nachterstallig', bold: true, waarschuwing: true },
  ];
}

function projectRij(p: RapportProject): Cell[] {
  return [
    ofGeen(p.titel),
    ofGeen(p.domein),
    ofGeen(p.fase),
    ofGeen(p.status),
    ofGeen(p.acties.join(', '), '—', 'onbegrensd'),
  ];
}

/** "3 en 5", "3, 5 en 7". */
function nummersNl(nummers: readonly number[]): string {
  return nummers.length <= 1
    ? nummers.join('')
    : `${nummers.slice(0, -1).join(', ')} en ${nummers[nummers.length - 1]}`;
}

function samenhangAlinea(s: AdviesVoortgang['samenhang']): Block[] {
  const zinnen = [
    ...(s.noemt.length > 0
      ? [`In samenhang met advies ${nummersNl(s.noemt)}: zo pakt het college dit advies op (zie de reactie hierboven).`]
      : []),
    ...s.genoemdDoor.map(
      (n) => `In samenhang met advies ${n}: de reactie van het college op advies ${n} noemt dit advies.`,
    ),
  ];
  return zinnen.length > 0 ? [{ kind: 'alinea', stijl: 'meta', runs: [{ text: zinnen.join(' ') }] }] : [];
}

/** The report's findings as its appendices group them by theme: one heading per theme, a line per finding. */
function bevindingenSectie(
  groepen: NonNullable<Voortgangsrapportage['bevindingenPerThema']>,
  inrichting: Inrichting,
): Block[] {
  if (groepen.length === 0) return [];
  return [
    { kind: 'kop', niveau: 1, tekst: 'Bevindingen per thema' },
    {
      kind: 'alinea',
      runs: [
        {
          text: 'De bevindingen van het onderzoek, gegroepeerd naar het thema waaronder de bijlagen van het rapport ze bespreken.',
        },
      ],
    },
    ...groepen.flatMap((g): Block[] => [
      { kind: 'kop', niveau: 2, tekst: g.thema ? themaLabel(g.thema, inrichting) : 'Zonder thema' },
      ...g.bevindingen.map((b): Block => ({
        kind: 'alinea',
        runs: [{ text: cleanText(`${b.nummer}. ${ofGeen(b.titel, '(zonder titel)')}`) }],
      })),
    ]),
  ];
}

function adviesSectie(a: AdviesVoortgang, datum: string, sinds: string | undefined, inrichting: Inrichting): Block[] {
  const blocks: Block[] = [
    { kind: 'kop', niveau: 2, tekst: adviesHeading(a.nummer, ofGeen(a.titel, '(zonder titel)')) },
    {
      kind: 'alinea',
      stijl: 'meta',
      runs: [{ text: cleanText(`${themaLabel(a.thema, inrichting)} · ${plateauLabel(a.plateau)}`) }],
    },
    // The report's own words for the advies, before the college's reaction to it.
    ...(vrij(a.omschrijving, 'omschrijving')
      ? ([
          { kind: 'kop', niveau: 3, tekst: 'Het advies in het rapport' },
          { kind: 'alinea', runs: [{ text: vrij(a.omschrijving, 'omschrijving'), italics: true }] },
        ] satisfies Block[])
      : []),
    { kind: 'kop', niveau: 3, tekst: 'Reactie college' },
    { kind: 'alinea', runs: [{ text: ofGeen(a.collegeReactie, NONE_TEXT, 'collegeReactie') }] },
    // The relation the college makes between adviezen, in our words: its own are the reaction above (or advies n's).
    ...samenhangAlinea(a.samenhang),
    { kind: 'kop', niveau: 3, tekst: 'Planning' },
    {
      kind: 'alinea',
      runs: [
        {
          text: `${planningSentence(vrij(a.collegePlanning, 'regel'), a.termijn, a.termijnSoort)} Oordeel op ${datum}: `,
        },
        { text: `${OORDEEL[a.oordeel]}.`, bold: true, waarschuwing: isWarning(a.oordeel) },
      ],
    },
    {
      kind: 'tabel',
      kop: TELLING_KOP,
      rijen: [telRij(a.counts)],
      breedtes: [1, 1, 1, 1.2, 1.1, 1.3, 1.3],
      numeriek: TELLING_KOP.map(() => true),
      onbreekbaar: true,
    },
    { kind: 'kop', niveau: 3, tekst: 'Wat is gedaan' },
  ];
  if (a.gedaan.length === 0) blocks.push({ kind: 'alinea', runs: [{ text: NONE_TEXT }] });
  else
    blocks.push({
      kind: 'tabel',
      kop: ['Nr.', 'Actie', 'Status', 'Toelichting'],
      rijen: a.gedaan.map((x) => [cleanText(x.nummer), actieTitel(x), cleanText(x.status), gedaanToelichting(x)]),
      breedtes: [28, 170, 85, 160],
    });

  // Belegd is neither done nor a deviation (BELEGD_LINE): its own heading, with the track that carries each action.
  if (a.belegd.length > 0)
    blocks.push(
      { kind: 'kop', niveau: 3, tekst: 'Belegd in lopend traject' },
      {
        kind: 'tabel',
        kop: ['Nr.', 'Actie', 'Traject', 'Eigenaar'],
        rijen: a.belegd.map((x) => [
          cleanText(x.nummer),
          actieTitel(x),
          ofGeen(x.lopendTraject, 'Traject niet vastgelegd.'),
          ofGeen(x.eigenaar ?? eigenaarPerDomein(x), 'Zonder eigenaar'),
        ]),
        breedtes: [28, 170, 160, 85],
      },
    );

  if (sinds !== undefined) {
    blocks.push({ kind: 'kop', niveau: 3, tekst: `Ontwikkelingen sinds ${dateNl(sinds)}` });
    if (a.ontwikkelingen.length === 0) blocks.push({ kind: 'alinea', runs: [{ text: 'Geen statuswijzigingen.' }] });
    else
      blocks.push({
        kind: 'tabel',
        kop: ['Datum', 'Nr.', 'Actie', 'Status', 'Toelichting'],
        rijen: a.ontwikkelingen.map((w) => [
          dateTimeNl(new Date(w.op)),
          cleanText(w.nummer),
          ofGeen(w.titel),
          `van ${cleanText(w.van)} naar ${cleanText(w.naar)}`,
          ofGeen(w.toelichting, '—', 'statusToelichting'),
        ]),
        breedtes: [70, 28, 140, 110, 110],
      });
  }

  blocks.push({ kind: 'kop', niveau: 3, tekst: 'Volgende stappen' });
  if (a.volgende.length === 0) blocks.push({ kind: 'alinea', runs: [{ text: NONE_TEXT }] });
  else
    blocks.push({
      kind: 'tabel',
      kop: ['Nr.', 'Actie', 'Status', 'Eigenaar', 'Deadline'],
      // Without an owner is a true state the CMT has to resolve, so the report says it in words.
      rijen: a.volgende.map((x) => [
        cleanText(x.nummer),
        actieTitel(x),
        volgendeStatus(x),
        ofGeen(x.eigenaar ?? eigenaarPerDomein(x), 'Zonder eigenaar'),
        deadlineCel(x),
      ]),
      breedtes: [28, 177, 70, 90, 78],
    });

  if (a.nietOvergenomen.length > 0) {
    blocks.push(
      { kind: 'kop', niveau: 3, tekst: 'Niet overgenomen' },
      {
        kind: 'tabel',
        kop: ['Nr.', 'Actie', 'Motivering'],
        rijen: a.nietOvergenomen.map((x) => [
          cleanText(x.nummer),
          actieTitel(x),
          ofGeen(x.toelichting, 'Geen motivering vastgelegd.', 'statusToelichting'),
        ]),
        breedtes: [28, 170, 245],
      },
    );
  }

  blocks.push({ kind: 'kop', niveau: 3, tekst: 'Gekoppelde portfolioprojecten' });
  if (a.projecten.length === 0) blocks.push({ kind: 'alinea', runs: [{ text: NONE_TEXT }] });
  else
    blocks.push({
      kind: 'tabel',
      kop: ['Project', 'Domein', 'Fase', 'Status', 'Acties'],
      rijen: a.projecten.map(projectRij),
      breedtes: [170, 75, 70, 50, 55],
    });
  return blocks;
}

/** The report's outline for a model: title, summary, then one section per advies in number order. */
export function rapportOutline(model: Voortgangsrapportage): RapportOutline {
  const gemeente = ofGeen(model.gemeente, 'Gemeente');
  const datum = dateNl(model.peildatum);
  const blocks: Block[] = [
    { kind: 'titel', gemeente, titel: RAPPORT_TITEL, ondertitel: `Stand op ${datum}` },
    {
      kind: 'alinea',
      runs: [
        {
          text: `Deze rapportage geeft per advies uit het onderzoek naar digitaal leiderschap (artikel 213a Gemeentewet) de reactie van het college, de planning, de stand van de acties, wat is gedaan, wat de volgende stappen zijn en de gekoppelde projecten uit het ICT-portfolio${model.sinds ? `, met de statuswijzigingen sinds ${dateNl(model.sinds)}` : ''}${model.borging ? ', en hoe digitalisering een vast agendapunt van de managementteams is (advies 11.5)' : ''}. Alle cijfers gelden voor het einde van ${datum} (peildatum).`,
        },
      ],
    },
    ...samenvatting(model),
    { kind: 'kop', niveau: 1, tekst: 'Voortgang per advies' },
  ];
  if (model.perAdvies.length === 0) blocks.push({ kind: 'alinea', runs: [{ text: NONE_TEXT }] });
  for (const a of model.perAdvies) blocks.push(...adviesSectie(a, datum, model.sinds, model.inrichting));
  if (model.bevindingenPerThema) blocks.push(...bevindingenSectie(model.bevindingenPerThema, model.inrichting));
  return { titel: RAPPORT_TITEL, gemeente, peildatum: model.peildatum, peildatumNl: datum, blocks };
}
