import { describe, expect, it } from 'vitest';
import { compareActienummers } from '../../../src/domain/actienummer.js';
import { amsterdamDate, kwartaalPeriod } from '../../../src/domain/dates.js';
import { DOMEINEN, PORTFOLIO_FASEN, PORTFOLIO_STATUSES, type Actie, type Plateau } from '../../../src/domain/model.js';
import {
  PERSONA_ROLES,
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import { datesFromPlanning, deadlineKind } from '../../../src/domain/planning.js';
import { isOverdue } from '../../../src/domain/rules.js';
import { parseMeetingSchedule } from '../../../src/domain/schedule.js';
import {
  validateActie,
  validateAdvies,
  validateBevinding,
  validateKwartaaldoel,
  validateMT,
  validatePlan,
  validatePortfolio,
  validatePortfolioItem,
} from '../../../src/domain/validation.js';

const { themas, adviezen, bevindingen, acties } = zoetermeerPlan;
const byNummer = new Map(acties.map((a) => [a.nummer, a] as const));
function get(nummer: string): Actie {
  const a = byNummer.get(nummer);
  if (!a) throw new Error(`no action ${nummer}`);
  return a;
}

const ALL_NUMBERS = [
  '1.1',
  '1.2',
  '2.1',
  '2.2',
  '2.3',
  '3.1',
  '3.2',
  '3.3',
  '4.1',
  '5.1',
  '6.1',
  '6.2',
  '7.1',
  '7.2',
  '8.1',
  '8.2',
  '8.3',
  '8.4',
  '8.5',
  '9.1',
  '9.2',
  '10.1',
  '10.2',
  '10.3',
  '10.4',
  '10.5',
  '10.6',
  '11.1',
  '11.2',
  '11.3',
  '11.4',
  '11.5',
  '11.6',
];

describe('the recommendations', () => {
  it('there are 11, numbered 1 to 11, in three themes A (1-4), B (5-9) and C (10-11)', () => {
    expect(adviezen.map((a) => a.nummer)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(adviezen.map((a) => a.thema).join('')).toBe('AAAABBBBBCC');
    expect(themas.map((t) => [t.code, t.naam, t.adviezen])).toEqual([
      ['A', 'Structuur versterken', [1, 2, 3, 4]],
      ['B', 'Verbinding organiseren', [5, 6, 7, 8, 9]],
      ['C', 'Continu leren', [10, 11]],
    ]);
  });

  it('carry the titles of the report (001)', () => {
    expect(adviezen.map((a) => a.titel)).toEqual([
      'Gemeenschappelijke visie & roadmap digitalisering',
      'Basis processen en data op orde brengen en houden',
      'Versterken positionering en zichtbaarheid IMO',
      'Innovatie apart positioneren van dagelijkse operatie',
      'Versterken informatiemanagement',
      'Gezamenlijk voortraject',
      'Hands-on ondersteuning',
      'Organiseren kennisdeling en externe inspiratie',
      'Organiseren afdelingsoverstijgende processen',
      'Versterken opdrachtgeverschap en eigenaarschap',
      'Voortdurend aandacht voor digitalisering en digitaal leiderschap',
    ]);
  });

  it("carry the college's planning verbatim (recommendation 9 has none)", () => {
    expect(adviezen.map((a) => a.collegePlanning)).toEqual([
      'Geheel 2025',
      'Loopt reeds',
      '1e halfjaar 2025 en verder',
      'Vanaf 2026',
      '1e halfjaar 2025 en verder',
      'Blijft onder de aandacht',
      '1e halfjaar 2025',
      '2025 en verder',
      '',
      '1e halfjaar 2025 en verder',
      'Geheel 2025 en verder',
    ]);
  });

  it("each has the college's reaction", () => {
    for (const a of adviezen) expect(a.collegeReactie.length, String(a.nummer)).toBeGreaterThan(40);
    expect(adviezen[1]?.collegeReactie).toContain('zonder een nieuw traject met 0-metingen op te starten');
    expect(adviezen[10]?.collegeReactie).toContain('Digitaal Samenwerken');
  });

  it('default plateaus: Randvoorwaardelijk 1, 2, 3, 10, 11; Fundament versterken 5, 6, 7; Verbeteren 8; Excelleren 4, 9', () => {
    const by = (p: Plateau) => adviezen.filter((a) => a.plateau === p).map((a) => a.nummer);
    expect(by('Randvoorwaardelijk')).toEqual([1, 2, 3, 10, 11]);
    expect(by('Fundament versterken')).toEqual([5, 6, 7]);
    expect(by('Verbeteren')).toEqual([8]);
    expect(by('Excelleren')).toEqual([4, 9]);
  });

  it('every one passes validateAdvies', () => {
    for (const a of adviezen) expect(validateAdvies(a)).toEqual({ ok: true, value: a });
  });
});

describe('the findings', () => {
  it('there are 9 with the titles and the one-sentence summaries of the report', () => {
    expect(bevindingen.map((b) => [b.nummer, b.titel])).toEqual([
      [1, 'Praat je erover of ga je erover?'],
      [2, 'Basis op orde houden of vernieuwen?'],
      [3, 'Fragmentatie door onvoldoende focus'],
      [4, 'Urgentie wint altijd van belang'],
      [5, 'Wij van de business en ‘hun’ van I&A (en vice versa)'],
      [6, 'Ieder zijn eigen oplossing'],
      [7, 'Gat tussen beleid en uitvoering'],
      [8, 'Overkomt het je of stuur je?'],
      [9, 'Ben je digitaal competent?'],
    ]);
    for (const b of bevindingen) {
      expect(b.toelichting.length).toBeGreaterThan(60);
      expect(b.toelichting.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 1).length).toBeLessThanOrEqual(2);
      expect(validateBevinding(b)).toEqual({ ok: true, value: b });
    }
  });

  it('link to the actions of the appendices (docs/decisions.md, findings → actions)', () => {
    const expected: Record<number, string[]> = {
      1: ['10.1', '10.2', '10.3'],
      2: ['2.1', '2.2', '2.3', '7.1', '8.5', '10.4', '10.5', '10.6'],
      3: ['1.1', '1.2', '3.1', '3.2', '3.3'],
      4: ['1.1', '4.1', '7.1'],
      5: ['1.1', '3.1', '5.1', '6.1', '6.2'],
      6: ['3.1', '5.1', '6.1', '6.2', '8.1', '8.2', '8.3', '8.4', '9.1', '9.2'],
      7: ['7.1', '7.2', '8.5', '10.4', '10.5'],
      8: ['7.2', '10.3', '10.4', '11.1'],
      9: ['11.2', '11.3', '11.4', '11.5', '11.6'],
    };
    for (const b of bevindingen) {
      const linked = acties.filter((a) => a.bevindingen.includes(b.nummer)).map((a) => a.nummer);
      expect(linked, `bevinding ${b.nummer}`).toEqual(expected[b.nummer]);
    }
  });

  it('every action answers at least one finding, each listed in ascending order', () => {
    for (const a of acties) {
      expect(a.bevindingen.length, a.nummer).toBeGreaterThan(0);
      expect(
        [...a.bevindingen].sort((x, y) => x - y),
        a.nummer,
      ).toEqual(a.bevindingen);
    }
  });
});

describe('the actions', () => {
  it('there are exactly 33, with the numbers 1.1 … 11.6 in order', () => {
    expect(acties).toHaveLength(33);
    expect(acties.map((a) => a.nummer)).toEqual(ALL_NUMBERS);
    expect([...acties.map((a) => a.nummer)].sort(compareActienummers)).toEqual(ALL_NUMBERS);
  });

  it('per recommendation 2+3+3+1+1+2+2+5+2+6+6', () => {
    const counts = adviezen.map((adv) => acties.filter((a) => a.advies === adv.nummer).length);
    expect(counts).toEqual([2, 3, 3, 1, 1, 2, 2, 5, 2, 6, 6]);
  });

  it('each action number starts with its recommendation', () => {
    for (const a of acties) expect(a.nummer.split('.')[0]).toBe(String(a.advies));
  });

  it('carry the Dutch titles of the report', () => {
    expect(get('1.2').titel).toBe('ICT portfolio overzicht delen');
    expect(get('3.3').titel).toBe('Verbeteren terugkoppeling van IMO naar management en/of organisatie');
    expect(get('11.5').titel).toBe('Digitalisering als vast thema MT vergaderingen');
    expect(get('11.3').titel).toBe('Bewustzijnsactie – hoe digitaal competent ben jij?');
    expect(get('8.3').titel).toContain('leeragenda');
    expect(new Set(acties.map((a) => a.titel)).size).toBe(33);
  });

  it.each([
    ['Randvoorwaardelijk', ['1.1', '1.2', '2.1', '3.1', '3.2', '10.1', '10.2', '11.3', '11.5']],
    ['Fundament versterken', ['2.2', '2.3', '3.3', '5.1', '6.2', '7.1', '7.2', '10.3', '10.4', '10.5', '11.2', '11.4']],
    ['Verbeteren', ['6.1', '8.1', '8.3', '10.6', '11.1']],
    ['Excelleren', ['4.1', '8.2', '8.4', '8.5', '9.1', '9.2', '11.6']],
  ] as const)('plateau %s holds exactly the actions of docs/decisions.md', (plateau, numbers) => {
    expect(acties.filter((a) => a.plateau === plateau).map((a) => a.nummer)).toEqual(numbers);
  });

  it('1.1, 3.3, 5.1, 6.1, 6.2, 7.1, 7.2 go to the four business domains, 11.5 to those and Concern, the rest to Concern', () => {
    const business = ['Bedrijfsvoering', 'Dienstverlening', 'Fysiek Domein', 'Sociaal Domein'];
    for (const a of acties) {
      if (['1.1', '3.3', '5.1', '6.1', '6.2', '7.1', '7.2'].includes(a.nummer))
        expect(a.domeinen, a.nummer).toEqual(business);
      else if (a.nummer === '11.5') expect(a.domeinen).toEqual([...business, 'Concern']);
      else expect(a.domeinen, a.nummer).toEqual(['Concern']);
    }
  });

  it('the actions do not share their domain lists (changing one does not change another)', () => {
    expect(get('1.1').domeinen).not.toBe(get('3.3').domeinen);
    expect(get('1.2').domeinen).not.toBe(get('2.1').domeinen);
  });

  it('seed statuses follow the college: 2.1 Niet overgenomen with its sentence', () => {
    const a = get('2.1');
    expect(a.status).toBe('Niet overgenomen');
    expect(a.statusToelichting).toContain('zonder een nieuw traject met 0-metingen op te starten');
  });

  it('seed statuses: 2.2, 2.3 and all of 7, 9, 10 and 11 except 11.5 are Belegd in lopend traject, with the track named', () => {
    const belegd = acties.filter((a) => a.status === 'Belegd in lopend traject').map((a) => a.nummer);
    expect(belegd).toEqual([
      '2.2',
      '2.3',
      '7.1',
      '7.2',
      '9.1',
      '9.2',
      '10.1',
      '10.2',
      '10.3',
      '10.4',
      '10.5',
      '10.6',
      '11.1',
      '11.2',
      '11.3',
      '11.4',
      '11.6',
    ]);
    expect(get('2.2').lopendTraject).toBe('Lopende trajecten data en processen');
    expect(get('7.1').lopendTraject).toMatch(/^Lopende trajecten/);
    expect(get('9.1').lopendTraject).toMatch(/Proceseigenaren/);
    expect(get('10.3').lopendTraject).toBe('Leiderschapstraject');
    for (const n of ['11.1', '11.2', '11.3', '11.4', '11.6']) expect(get(n).lopendTraject).toBe('Digitaal Samenwerken');
  });

  it('11.5 is the agenda item itself ("wordt expliciet op de agenda gezet", 000:130): Loopt, doorlopend, only its support in Digitaal Samenwerken', () => {
    const a = get('11.5');
    expect(a.status).toBe('Loopt');
    expect(a.statusToelichting).toBe('Het belang van digitalisering wordt expliciet op de agenda gezet');
    expect(a.lopendTraject).toBe('Alleen de ondersteuning: Digitaal Samenwerken');
    expect(deadlineKind(a)).toBe('doorlopend');
    expect(isOverdue(a, new Date('2026-12-04T09:00:00Z'))).toBe(false);
  });

  it('seed statuses: every other action is Niet gestart, without a track', () => {
    const rest = acties.filter((a) => a.status === 'Niet gestart').map((a) => a.nummer);
    expect(rest).toEqual([
      '1.1',
      '1.2',
      '3.1',
      '3.2',
      '3.3',
      '4.1',
      '5.1',
      '6.1',
      '6.2',
      '8.1',
      '8.2',
      '8.3',
      '8.4',
      '8.5',
    ]);
    for (const n of rest) expect(get(n).lopendTraject, n).toBeUndefined();
    expect(acties.filter((a) => a.status === 'Loopt').map((a) => a.nummer)).toEqual(['11.5']);
    expect(acties.filter((a) => a.status === 'Afgerond' || a.status === 'Geblokkeerd')).toEqual([]);
  });

  it('deadlines: 11.5 → 31-12-2025, 7.1 → 30-06-2025, 4.1 → none with start 01-01-2026', () => {
    expect(get('11.5').deadline).toBe('2025-12-31');
    expect(get('7.1').deadline).toBe('2025-06-30');
    expect(get('4.1').deadline).toBeUndefined();
    expect(get('4.1').start).toBe('2026-01-01');
  });

  it('every deadline and start follows the planning text of its recommendation', () => {
    for (const a of acties) {
      const adv = adviezen.find((x) => x.nummer === a.advies);
      expect(a.planning ?? '', a.nummer).toBe(adv?.collegePlanning);
      const { deadline, start } = datesFromPlanning(a.planning);
      expect(a.deadline, a.nummer).toBe(deadline);
      expect(a.start, a.nummer).toBe(start);
    }
  });

  it('recommendations 2, 6 and 9 have no deadline ("Loopt reeds", "Blijft onder de aandacht", none)', () => {
    for (const a of acties.filter((x) => [2, 6, 9].includes(x.advies))) expect(a.deadline, a.nummer).toBeUndefined();
    expect(get('9.1').planning).toBeUndefined();
  });

  it('dependencies: 2.2 and 2.3 on 2.1, 8.4 on 8.3, 9.2 on 9.1, 3.2 on 1.1, and nothing else', () => {
    const deps = acties.filter((a) => a.afhankelijkVan.length > 0).map((a) => [a.nummer, a.afhankelijkVan]);
    expect(deps).toEqual([
      ['2.2', ['2.1']],
      ['2.3', ['2.1']],
      ['3.2', ['1.1']],
      ['8.4', ['8.3']],
      ['9.2', ['9.1']],
    ]);
  });

  it('owners are roles from PERSONA_ROLES, known only by display name', () => {
    const rollen: readonly string[] = PERSONA_ROLES;
    for (const a of acties) {
      if (!a.eigenaar) continue;
      expect(rollen, a.nummer).toContain(a.eigenaar.displayName);
      expect(Object.keys(a.eigenaar)).toEqual(['displayName']);
    }
  });

  it('has an owner only where a seed names one: 1.2 and 3.1, the portfolio management role (001:1555-1557); the rest is Zonder eigenaar', () => {
    expect(acties.filter((a) => a.eigenaar).map((a) => [a.nummer, a.eigenaar?.displayName])).toEqual([
      ['1.2', 'Portfoliomanager I&A'],
      ['3.1', 'Portfoliomanager I&A'],
    ]);
  });

  it('PERSONA_ROLES has the 16 roles an owner can have, each once: no role that no seed names, the concerncontroller is the directeur Bedrijfsvoering (003:600)', () => {
    expect(PERSONA_ROLES).toHaveLength(16);
    expect(new Set(PERSONA_ROLES).size).toBe(16);
    expect(PERSONA_ROLES).not.toContain('Strategisch adviseur Digitalisering');
    expect(PERSONA_ROLES).not.toContain('Concerncontroller');
  });

  it('every action passes validateActie unchanged', () => {
    for (const a of acties) expect(validateActie(a), a.nummer).toEqual({ ok: true, value: a });
  });

  it('the whole plan passes validatePlan (links exist, no cycles)', () => {
    const r = validatePlan(zoetermeerPlan);
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('is the honest starting picture: today many deadlines have passed; standing commitments that run are not late', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    const overdue = acties.filter((a) => isOverdue(a, now)).map((a) => a.nummer);
    // One-off terms still open (1, 7) and standing commitments not yet started (3, 5, 8).
    expect(overdue).toEqual([
      '1.1',
      '1.2',
      '3.1',
      '3.2',
      '3.3',
      '5.1',
      '7.1',
      '7.2',
      '8.1',
      '8.2',
      '8.3',
      '8.4',
      '8.5',
    ]);
  });
});

describe('the sample ICT portfolio', () => {
  it('has about 14 items with unique keys', () => {
    expect(zoetermeerPortfolio.length).toBeGreaterThanOrEqual(12);
    expect(zoetermeerPortfolio.length).toBeLessThanOrEqual(16);
    expect(new Set(zoetermeerPortfolio.map((p) => p.key)).size).toBe(zoetermeerPortfolio.length);
  });

  it('names the initiatives of the seeds', () => {
    const titles = zoetermeerPortfolio.map((p) => p.titel).join(' | ');
    for (const name of [
      'zaaksysteem',
      'Burgerportaal',
      'Programma Datagedreven Werken',
      'Bedrijfsvoeringdashboard 2.0',
      'Robotic Process Automation',
      'SharePoint',
      'Archiefwet',
      'facturatieproces',
      'Wet modernisering elektronisch bestuurlijk verkeer',
      'Digitaal Samenwerken',
      'Grip op Wmo',
    ]) {
      expect(titles).toContain(name);
    }
  });

  it('covers every domain, every phase and every status', () => {
    expect(new Set(zoetermeerPortfolio.map((p) => p.domein))).toEqual(new Set(DOMEINEN));
    expect(new Set(zoetermeerPortfolio.map((p) => p.fase))).toEqual(new Set(PORTFOLIO_FASEN));
    expect(new Set(zoetermeerPortfolio.map((p) => p.status))).toEqual(new Set(PORTFOLIO_STATUSES));
    expect(new Set(zoetermeerPortfolio.map((p) => p.ditKwartaal))).toEqual(new Set(['wel', 'niet']));
  });

  it('every item passes validatePortfolioItem unchanged', () => {
    for (const p of zoetermeerPortfolio) expect(validatePortfolioItem(p), p.key).toEqual({ ok: true, value: p });
  });

  it('links only to existing actions, and the portfolio with its goals passes validatePortfolio', () => {
    const r = validatePortfolio({ items: zoetermeerPortfolio, kwartaaldoelen: zoetermeerKwartaaldoelen }, acties);
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(zoetermeerPortfolio.filter((p) => p.acties.length > 0).length).toBeGreaterThan(10);
  });

  it('IMO priorities are unique whole numbers; ideas, finished and stopped items have none', () => {
    const prios = zoetermeerPortfolio.flatMap((p) => (p.prioriteit === undefined ? [] : [p.prioriteit]));
    expect(new Set(prios).size).toBe(prios.length);
    for (const p of zoetermeerPortfolio) {
      if (['Idee', 'Afgerond', 'Gestopt'].includes(p.fase)) expect(p.prioriteit, p.key).toBeUndefined();
      else expect(p.prioriteit, p.key).toBeDefined();
    }
  });

  it('no sample item has an opdrachtgever (no seed names one); the informatiemanager is the item domain’s', () => {
    const rollen: readonly string[] = PERSONA_ROLES;
    for (const p of zoetermeerPortfolio) {
      expect(p.opdrachtgever, p.key).toBeUndefined();
      expect(rollen, p.key).toContain(p.informatiemanager?.displayName);
      expect(p.informatiemanager?.displayName, p.key).toMatch(/^Informatiemanager /);
      if (p.domein !== 'Concern') expect(p.informatiemanager?.displayName, p.key).toBe(`Informatiemanager ${p.domein}`);
    }
  });

  it('items picked up this quarter are in a running phase; finished and stopped ones are not picked up', () => {
    for (const p of zoetermeerPortfolio) {
      if (p.ditKwartaal === 'wel') expect(['Voorbereiding', 'Uitvoering', 'Nazorg'], p.key).toContain(p.fase);
      if (['Afgerond', 'Gestopt', 'Idee'].includes(p.fase)) expect(p.ditKwartaal, p.key).toBe('niet');
    }
  });
});

describe('the quarter goals', () => {
  const q3 = zoetermeerKwartaaldoelen.filter((d) => d.kwartaal === '2026-Q3');
  const q4 = zoetermeerKwartaaldoelen.filter((d) => d.kwartaal === '2026-Q4');

  it('only 2026-Q3 and 2026-Q4, every goal valid', () => {
    expect(q3.length + q4.length).toBe(zoetermeerKwartaaldoelen.length);
    for (const d of zoetermeerKwartaaldoelen) expect(validateKwartaaldoel(d)).toEqual({ ok: true, value: d });
  });

  it('2026-Q3 is judged (ja, deels and nee all occur) with a reason where it was not met', () => {
    expect(new Set(q3.map((d) => d.behaald))).toEqual(new Set(['ja', 'deels', 'nee']));
    for (const d of q3) if (d.behaald !== 'ja') expect(d.reden, d.portfolioKey).toBeTruthy();
  });

  it('2026-Q4 is still open', () => {
    expect(q4.length).toBeGreaterThan(0);
    for (const d of q4) {
      expect(d.behaald).toBeUndefined();
      expect(d.reden).toBeUndefined();
    }
  });

  it('every item picked up this quarter (2026-Q4) has a goal for it, one goal per item per quarter', () => {
    for (const p of zoetermeerPortfolio.filter((x) => x.ditKwartaal === 'wel')) {
      expect(
        q4.filter((d) => d.portfolioKey === p.key),
        p.key,
      ).toHaveLength(1);
    }
    const pairs = zoetermeerKwartaaldoelen.map((d) => `${d.portfolioKey}/${d.kwartaal}`);
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('goals belong to items that run in that quarter', () => {
    for (const d of zoetermeerKwartaaldoelen) {
      const p = zoetermeerPortfolio.find((x) => x.key === d.portfolioKey);
      const { start, einde } = kwartaalPeriod(d.kwartaal);
      if (p?.start) expect(p.start <= einde, d.portfolioKey).toBe(true);
      if (p?.einde) expect(p.einde >= start, d.portfolioKey).toBe(true);
    }
  });
});

describe('the MTs', () => {
  it('one per business domain plus the CMT for Concern', () => {
    expect(zoetermeerMTs.map((m) => [m.naam, m.domeinen])).toEqual([
      ['CMT', ['Concern']],
      ['MT Bedrijfsvoering', ['Bedrijfsvoering']],
      ['MT Dienstverlening', ['Dienstverlening']],
      ['MT Fysiek Domein', ['Fysiek Domein']],
      ['MT Sociaal Domein', ['Sociaal Domein']],
    ]);
    expect(new Set(zoetermeerMTs.map((m) => m.key)).size).toBe(5);
  });

  it('the CMT meets weekly; the MTs weekly or every other week, during office hours', () => {
    for (const m of zoetermeerMTs) {
      const s = parseMeetingSchedule(m.schema ?? '');
      expect(s, m.key).toBeDefined();
      if (!s) continue;
      expect(s.freq).toBe('WEEKLY');
      expect([1, 2]).toContain(s.interval);
      expect(s.byDay.length).toBe(1);
      expect(['MO', 'TU', 'WE', 'TH', 'FR']).toContain(s.byDay[0]?.day);
      const hour = s.byHour[0] ?? -1;
      expect(hour).toBeGreaterThanOrEqual(8);
      expect(hour).toBeLessThanOrEqual(16);
      if (s.dtstart) {
        expect(s.dtstart.hour).toBe(hour);
        expect(s.dtstart.minute).toBe(s.byMinute[0] ?? 0);
        // the anchor falls on the rule's own weekday (in Amsterdam)
        const weekday = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'][new Date(`${s.dtstart.date}T12:00:00Z`).getUTCDay()];
        expect(weekday).toBe(s.byDay[0]?.day);
        expect(amsterdamDate(new Date(`${s.dtstart.date}T12:00:00Z`))).toBe(s.dtstart.date);
      }
    }
    expect(parseMeetingSchedule(zoetermeerMTs[0]?.schema ?? '')?.interval).toBe(1);
    expect(zoetermeerMTs.some((m) => parseMeetingSchedule(m.schema ?? '')?.interval === 2)).toBe(true);
  });

  it('every MT passes validateMT unchanged', () => {
    for (const m of zoetermeerMTs) expect(validateMT(m)).toEqual({ ok: true, value: m });
  });
});
