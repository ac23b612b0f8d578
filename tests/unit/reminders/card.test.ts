import { AdaptiveCard, TextBlock } from '@microsoft/teams.cards';
import { describe, expect, it } from 'vitest';
import {
  composeAgenda,
  occurrenceKey,
  snapshotOf,
  type AgendaActieInput,
  type AgendaInput,
} from '../../../src/domain/agenda.js';
import { ACTIE_STATUSES, type ActieStatus } from '../../../src/domain/model.js';
import { allowedTransitions } from '../../../src/domain/status.js';
import {
  buildAgendaCard,
  buildPersonalSection,
  CARD_BYTE_LIMIT,
  CARD_TEXT_COLORS,
  cardByteSize,
  NO_FORM_NOTE,
  MAX_REFRESH_USER_IDS,
  SECTION_MAX_ROWS,
  sectionLink,
  type AgendaCard,
  buildAgendaCardWithNotice,
  withCardNotice,
} from '../../../src/reminders/card.js';
import {
  AGENDEREN_INPUT_IDS,
  agenderingBesluitInputId,
  BESLUIT_INPUT_ID,
  CARD_VERBS,
  parseAgenderenRequest,
  parseAgenderingBesproken,
  parseStatusUpdate,
  statusInputIds,
  type CardVerb,
} from '../../../src/reminders/verbs.js';
import type { AgenderingInput } from '../../../src/domain/agendering.js';
import { TEXT_MAX } from '../../../src/domain/text-limits.js';
import { escapeCardText } from '../../../src/reminders/card-text.js';
import { validateAdaptiveCard } from './adaptive-card-schema.js';
import { actie, agendaWith, DEEP_LINK, MEETING, NEXT_MEETING, NOW } from './fixtures.js';

// ---------- walking a card ----------

type Node = Record<string, unknown>;

/** Every object in the card, depth first, including those inside ShowCards. */
function nodes(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) for (const v of value) nodes(v, out);
  else if (typeof value === 'object' && value !== null) {
    out.push(value as Node);
    for (const v of Object.values(value)) nodes(v, out);
  }
  return out;
}

const ofType = (card: object, type: string): Node[] => nodes(card).filter((n) => n.type === type);
const texts = (card: object): string[] => ofType(card, 'TextBlock').map((n) => String(n.text));
const allText = (card: object): string => texts(card).join('\n');

/** The rows of the section whose heading starts with `title`. */
function section(card: AgendaCard, title: string): Node | undefined {
  return nodes(card.body).find(
    (n) =>
      n.type === 'Container' &&
      Array.isArray(n.items) &&
      String((n.items[0] as Node | undefined)?.text ?? '').startsWith(title),
  );
}

// ---------- agendas ----------

function agenda(acties: AgendaActieInput[], extra: Partial<AgendaInput> = {}): ReturnType<typeof composeAgenda> {
  return composeAgenda({
    mt: { key: 'mt-sociaal-domein', naam: 'MT Sociaal Domein', domeinen: ['Sociaal Domein'] },
    occurrenceStart: MEETING,
    nextOccurrenceStart: NEXT_MEETING,
    now: NOW,
    acties,
    ...extra,
  });
}

function escalation(id: string, over: Partial<AgenderingInput['value']> = {}): AgenderingInput {
  return {
    id,
    eTag: `"agendering-${id},1"`,
    value: {
      actie: '1.1',
      domein: 'Sociaal Domein',
      reden: 'Het besluit over de roadmap blijft hangen.',
      op: '2026-11-20T09:00:00Z',
      besproken: false,
      door: { displayName: 'Informatiemanager Sociaal Domein' },
      ...over,
    },
  };
}

/** The CMT's agenda (Concern), with the given escalations and one action 1.1 that four domains carry. */
function cmtAgenda(
  agenderingen: AgenderingInput[],
  acties: AgendaActieInput[] = [
    actie(0, { nummer: '1.1', titel: 'Visie en roadmap', domeinen: ['Sociaal Domein', 'Concern'] }),
  ],
) {
  return agenda(acties, { mt: { key: 'cmt', naam: 'CMT', domeinen: ['Concern'] }, agenderingen });
}

describe('schema and size', () => {
  it.each([0, 1, 40, 200])('an agenda with %i actions is a valid Adaptive Card 1.5 under 28 KB', (n) => {
    for (const options of [
      { deepLink: DEEP_LINK },
      {
        deepLink: DEEP_LINK,
        viewerDisplayName: 'Directeur Sociaal Domein',
        refreshUserIds: ['29:1abc'],
        besproken: { door: 'Secretaris', op: MEETING },
      },
      { deepLink: DEEP_LINK, besluiten: Array.from({ length: 30 }, (_, i) => `Besluit ${i} `.padEnd(255, 'x')) },
    ]) {
      const card = buildAgendaCard(agendaWith(n), options);
      const result = validateAdaptiveCard(card);
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
      expect(card.version).toBe('1.5');
      expect(cardByteSize(card)).toBeLessThan(CARD_BYTE_LIMIT);
    }
  });

  it('stays under its budget with 200 actions whose texts are all very long', () => {
    const long = 'Zeer lange tekst met veel woorden '.repeat(60);
    const acties = Array.from({ length: 200 }, (_, i) =>
      actie(i, {
        titel: long,
        statusToelichting: long,
        status: 'Geblokkeerd',
        deadline: '2026-01-01',
        eigenaar: { displayName: long },
      }),
    );
    const card = buildAgendaCard(agenda(acties, { previousDecisions: Array.from({ length: 20 }, () => long) }), {
      deepLink: DEEP_LINK,
      maxBytes: 20_000,
    });
    expect(cardByteSize(card)).toBeLessThanOrEqual(20_000);
    expect(validateAdaptiveCard(card).valid).toBe(true);
  });

  it('the schema test can fail: the teams.cards builder classes emit 1.6 defaults that 1.5 rejects (why the card uses typed literals)', () => {
    const built = JSON.parse(JSON.stringify(new AdaptiveCard(new TextBlock('x')).withVersion('1.5'))) as object;
    expect(validateAdaptiveCard(built).valid).toBe(false);
  });

  it('counts bytes, not characters', () => {
    expect(cardByteSize({ t: 'é' })).toBe(JSON.stringify({ t: 'x' }).length + 1);
  });
});

describe('a small card', () => {
  it('matches its snapshot', () => {
    const a = agenda(
      [
        actie(0, {
          nummer: '11.5',
          titel: 'Digitalisering als vast thema MT-vergaderingen',
          status: 'Loopt',
          deadline: '2026-11-20',
        }),
        actie(1, {
          nummer: '2.1',
          titel: 'Uitvoeren van 0-metingen',
          status: 'Geblokkeerd',
          statusToelichting: 'Wacht op IMO',
          deadline: undefined,
        }),
      ],
      { previousDecisions: ['IMO-terugkoppeling elk kwartaal agenderen'] },
    );
    const card = buildAgendaCard(a, {
      deepLink: DEEP_LINK,
      besproken: { door: 'Secretaris MT Sociaal Domein', op: new Date('2026-11-24T09:15:00Z') },
      refreshUserIds: ['29:1'],
      besluiten: ['Actie 2.1 krijgt een eigenaar uit het MT'],
    });
    expect(card).toMatchSnapshot();
  });

  it('has a header with the MT and the meeting in Amsterdam time, in Dutch', () => {
    const card = buildAgendaCard(agendaWith(1), { deepLink: DEEP_LINK });
    expect(texts(card)).toContain('MT Sociaal Domein');
    expect(texts(card)).toContain('Vergadering: dinsdag 24 november 2026, 09:00');
  });

  it('lists every action with number, title, status, owner and deadline', () => {
    const card = buildAgendaCard(
      agenda([actie(0, { nummer: '3.3', titel: 'Terugkoppeling IMO', status: 'Loopt', deadline: '2026-11-26' })]),
      { deepLink: DEEP_LINK },
    );
    const t = allText(card);
    expect(t).toContain('**3.3** Terugkoppeling IMO');
    expect(t).toContain('Loopt · Eigenaar: Informatiemanager Sociaal Domein · Deadline: 26 november 2026');
  });

  it("names a shared action's owners per domain on the CMT's card, and lists it without owner only while a domain has none", () => {
    const shared = actie(1, {
      nummer: '11.5',
      titel: 'Digitalisering vast agendapunt',
      status: 'Loopt',
      domeinen: ['Sociaal Domein', 'Concern'],
      eigenaar: undefined,
      deadline: '2026-11-27',
    });
    const rows = (owners: number) =>
      (['Sociaal Domein', 'Concern'] as const).map((domein, i) => ({
        id: `r${i}`,
        eTag: `"r${i},1"`,
        value: {
          actie: '11.5',
          domein,
          status: 'Loopt' as const,
          ...(i < owners ? { eigenaar: { displayName: `Eigenaar ${domein}` } } : {}),
        },
      }));
    const cmt = { mt: { key: 'cmt', naam: 'CMT', domeinen: ['Concern' as const] } };
    const all = allText(
      buildAgendaCard(agenda([shared], { ...cmt, domeinVoortgang: rows(2) }), { deepLink: DEEP_LINK }),
    );
    expect(all).toContain('Loopt · Eigenaar: per domein · Deadline: 27 november 2026');
    expect(all).not.toContain('Zonder eigenaar (1)');
    const one = allText(
      buildAgendaCard(agenda([shared], { ...cmt, domeinVoortgang: rows(1) }), { deepLink: DEEP_LINK }),
    );
    expect(one).toContain('Zonder eigenaar (1)');
    expect(one).toContain('Loopt · Eigenaar: in 1 van 2 domeinen · Deadline: 27 november 2026');
  });

  it('gives a standing commitment its start date as "doorlopend vanaf", not as a deadline, in every section', () => {
    const card = buildAgendaCard(
      agenda([
        // To start before the next meeting ("2026 en verder"), and one without an owner: neither overdue.
        actie(0, {
          nummer: '4.2',
          titel: 'Doorlopend te starten',
          status: 'Niet gestart',
          deadline: '2026-11-26',
          planning: '2026 en verder',
        }),
        actie(1, {
          nummer: '8.1',
          titel: 'Doorlopend zonder eigenaar',
          status: 'Niet gestart',
          deadline: '2027-06-30',
          planning: '1e halfjaar 2027 en verder',
          eigenaar: undefined,
        }),
      ]),
      { deepLink: DEEP_LINK },
    );
    const t = allText(card);
    expect(t).toContain(
      'Niet gestart · Eigenaar: Informatiemanager Sociaal Domein · Doorlopend vanaf: 26 november 2026',
    );
    expect(t).toContain('Doorlopend vanaf: 30 juni 2027');
    expect(t).not.toMatch(/Deadline: (26 november 2026|30 juni 2027)/);
  });

  it('shows each section with its count, and blocked actions with their reason and what they wait for', () => {
    const acties = [
      actie(0, { nummer: '2.1', status: 'Loopt', deadline: '2026-11-25' }),
      actie(1, { nummer: '2.2', status: 'Niet gestart', afhankelijkVan: ['2.1'], deadline: undefined }),
      actie(2, { nummer: '9.1', status: 'Geblokkeerd', statusToelichting: 'Geen capaciteit', deadline: '2026-10-01' }),
    ];
    const card = buildAgendaCard(agenda(acties), { deepLink: DEEP_LINK });
    const t = allText(card);
    expect(t).toContain('Achterstallig (1)');
    expect(t).toContain('Geblokkeerd of wachtend (2)');
    expect(t).toContain('Deadline tot en met 1 december 2026 (1)');
    expect(t).toContain('Reden: Geen capaciteit');
    expect(t).toMatch(/Wacht op: 2\.1 .* \(Loopt\)/);
    expect(t).toContain('2 maanden te laat.');
    expect(t).not.toMatch(/\d{2,} dagen/);
  });

  it('lists a standing commitment ("… en verder") as late only while it has not started, and says so', () => {
    const acties = [
      actie(0, {
        nummer: '3.1',
        status: 'Niet gestart',
        deadline: '2025-06-30',
        planning: '1e halfjaar 2025 en verder',
      }),
      actie(1, { nummer: '3.2', status: 'Loopt', deadline: '2025-06-30', planning: '1e halfjaar 2025 en verder' }),
      actie(2, { nummer: '7.1', status: 'Loopt', deadline: '2025-06-30', planning: '1e halfjaar 2025' }),
    ];
    const a = agenda(acties);
    expect(a.overdue.map((x) => [x.nummer, x.doorlopend])).toEqual([
      ['3.1', true],
      ['7.1', false],
    ]);
    const t = allText(buildAgendaCard(a, { deepLink: DEEP_LINK }));
    expect(t).toContain('Achterstallig (2)');
    expect(t).toContain('Doorlopend vanaf de deadline, nog niet gestart (17 maanden).');
    expect(t).toContain('17 maanden te laat.');
  });

  it('says on a first agenda that there is nothing to compare with yet', () => {
    expect(allText(buildAgendaCard(agendaWith(0, { previous: undefined }), { deepLink: DEEP_LINK }))).toContain(
      'Dit is de eerste agenda voor dit MT.',
    );
  });

  it('shows the reflection question, with the report’s sentence that says whom it asks about', () => {
    const a = agendaWith(1);
    const all = allText(buildAgendaCard(a, { deepLink: DEEP_LINK }));
    expect(all).toContain(`**${a.reflectionQuestion.aspect}**: “${a.reflectionQuestion.vraag}”`);
    // "Wat vraagt dat van hen?" names nobody on its own: the sentence before it in the report does.
    expect(all).toContain(
      'Uit de conclusie van het onderzoeksrapport: “Omdat de digitalisering onvermijdelijk is blijft het van belang dat leidinggevenden binnen de gemeente Zoetermeer steeds met elkaar het gesprek blijven voeren over digitaal leiderschap.”',
    );
  });
});

describe('buttons', () => {
  const card = buildAgendaCard(agendaWith(10), { deepLink: DEEP_LINK, refreshUserIds: ['29:1'] });
  const executes = ofType(card, 'Action.Execute');

  it('every Action.Execute carries one of the verbs, and data { verb, mtKey, occurrenceKey }', () => {
    expect(executes.length).toBeGreaterThan(2);
    for (const e of executes) {
      expect(CARD_VERBS).toContain(e.verb);
      expect(e.data).toMatchObject({
        verb: e.verb,
        mtKey: 'mt-sociaal-domein',
        occurrenceKey: 'mt-sociaal-domein|2026-11-24T08:00:00Z',
      });
    }
  });

  it('uses every verb of the union: a domain MT card besproken, status-bijwerken, vernieuwen (the refresh), besluit-vastleggen and agenderen; the CMT card agendering-besproken', () => {
    const used = new Set(executes.map((e) => e.verb));
    const cmt = buildAgendaCard(cmtAgenda([escalation('1')]), { deepLink: DEEP_LINK });
    for (const e of nodes(cmt).filter((n) => n.type === 'Action.Execute')) used.add(e.verb as CardVerb);
    const all: Record<CardVerb, true> = {
      besproken: true,
      'status-bijwerken': true,
      vernieuwen: true,
      'besluit-vastleggen': true,
      agenderen: true,
      'agendering-besproken': true,
    };
    expect([...used].sort()).toEqual(Object.keys(all).sort());
    // @ts-expect-error a verb outside the union does not compile
    const wrong: CardVerb = 'verwijderen';
    expect(CARD_VERBS).not.toContain(wrong);
  });

  it('a status update carries the action’s SharePoint id and eTag, and the bot can read its inputs back', () => {
    const update = executes.find((e) => e.verb === 'status-bijwerken');
    expect(update?.data).toMatchObject({ actieId: expect.any(String), eTag: expect.stringMatching(/^"/) });
    const data = update?.data as Record<string, string>;
    const ids = statusInputIds(data.actieId ?? '');
    expect(
      parseStatusUpdate({ ...data, [ids.status]: 'Loopt', [ids.toelichting]: ' ', [ids.deadline]: '2027-01-31' }),
    ).toEqual({
      mtKey: data.mtKey,
      occurrenceKey: data.occurrenceKey,
      actieId: data.actieId,
      eTag: data.eTag,
      status: 'Loopt',
      deadline: '2027-01-31',
    });
  });

  it.each(ACTIE_STATUSES.filter((s) => s !== 'Afgerond' && s !== 'Niet overgenomen'))(
    'the status choices of a listed "%s" action are its allowed transitions, then the status it keeps',
    (status: ActieStatus) => {
      const c = buildAgendaCard(agenda([actie(0, { status, deadline: '2026-01-01' })]), { deepLink: DEEP_LINK });
      const choiceSet = ofType(c, 'Input.ChoiceSet')[0];
      const choices = choiceSet?.choices as { title: string; value: string }[];
      expect(choices.map((x) => x.value)).toEqual([...allowedTransitions(status), status]);
      expect(choices.at(-1)?.title).toBe(`${status} (blijft)`);
    },
  );

  it('a closed action is on no list, so it never gets a status form', () => {
    const c = buildAgendaCard(agenda([actie(0, { status: 'Afgerond', deadline: '2026-01-01' })]), {
      deepLink: DEEP_LINK,
      viewerDisplayName: 'Informatiemanager Sociaal Domein',
    });
    expect(ofType(c, 'Input.ChoiceSet')).toEqual([]);
  });

  it('every input id is unique, also when an action is listed in several sections', () => {
    // Action 2.2 is overdue, blocked by 2.1 and without owner: three listings, one form.
    const acties = [
      actie(0, { nummer: '2.1', deadline: undefined }),
      actie(1, { nummer: '2.2', afhankelijkVan: ['2.1'], deadline: '2026-01-01', eigenaar: undefined }),
    ];
    const c = buildAgendaCard(agenda(acties), { deepLink: DEEP_LINK });
    const inputIds = nodes(c)
      .filter((n) => String(n.type).startsWith('Input.'))
      .map((n) => n.id);
    expect(new Set(inputIds).size).toBe(inputIds.length);
    expect(allText(c).match(/\*\*2\.2\*\*/g)).toHaveLength(3);
    expect(ofType(c, 'Input.ChoiceSet').filter((n) => n.id !== AGENDEREN_INPUT_IDS.actie)).toHaveLength(1);
    const big = buildAgendaCard(agendaWith(200, { now: NOW }), {
      deepLink: DEEP_LINK,
      viewerDisplayName: 'Directeur Sociaal Domein',
    });
    const bigIds = nodes(big)
      .filter((n) => String(n.type).startsWith('Input.'))
      .map((n) => n.id);
    expect(new Set(bigIds).size).toBe(bigIds.length);
  });

  it('"Besproken" is a button until pressed; then the card says by whom and when, for everyone', () => {
    expect(executes.some((e) => e.verb === 'besproken')).toBe(true);
    const after = buildAgendaCard(agendaWith(10), {
      deepLink: DEEP_LINK,
      besproken: { door: 'Secretaris **MT**', op: new Date('2026-11-24T09:12:00Z') },
    });
    expect(ofType(after, 'Action.Execute').some((e) => e.verb === 'besproken')).toBe(false);
    expect(texts(after)).toContain('Besproken door Secretaris \\*\\*MT\\*\\* op dinsdag 24 november 2026, 10:12.');
  });

  it('after a write, the card everyone sees says what it did, by whom and when, under the header (issue 14, point 5)', () => {
    const plain = buildAgendaCard(agendaWith(10), { deepLink: DEEP_LINK });
    expect(texts(plain).some((t) => t.startsWith('Laatste wijziging'))).toBe(false);
    const after = buildAgendaCard(agendaWith(10), {
      deepLink: DEEP_LINK,
      laatsteWijziging: '3.1 → Afgerond, door Secretaris **CMT**, 17:05',
    });
    const body = after.body ?? [];
    const banner = body[1] as { items?: { text?: string }[] };
    expect(banner.items?.[0]?.text).toBe(
      'Laatste wijziging: 3\\.1 → Afgerond, door Secretaris \\*\\*CMT\\*\\*, 17:05.',
    );
  });

  it('"Open in actieplan" opens the deep link; a link that is not https is refused', () => {
    const open = ofType(card, 'Action.OpenUrl');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((o) => o.url === new URL(DEEP_LINK).toString())).toBe(true);
    expect(open.filter((o) => o.title === 'Open in actieplan').length).toBeGreaterThan(0);
    for (const bad of ['javascript:alert(1)', 'http://evil.example/x', 'geen url']) {
      expect(() => buildAgendaCard(agendaWith(1), { deepLink: bad })).toThrow(RangeError);
    }
    expect(() => buildAgendaCard(agendaWith(1), { deepLink: 'http://localhost:3978/tab' })).not.toThrow();
  });

  it('refresh runs the vernieuwen verb for at most 60 distinct users', () => {
    const userIds = Array.from({ length: 80 }, (_, i) => `29:user-${i % 70}`);
    const c = buildAgendaCard(agendaWith(1), { deepLink: DEEP_LINK, refreshUserIds: userIds });
    expect(c.refresh?.action?.verb).toBe('vernieuwen');
    expect(c.refresh?.userIds).toHaveLength(MAX_REFRESH_USER_IDS);
    expect(new Set(c.refresh?.userIds).size).toBe(MAX_REFRESH_USER_IDS);
    expect(c.refresh?.userIds?.[0]).toBe('29:user-0');
  });
});

describe('"Besluit vastleggen": this meeting’s decisions on the card', () => {
  const inputOf = (c: AgendaCard) => ofType(c, 'Input.Text').find((n) => n.id === BESLUIT_INPUT_ID);

  it('has a labelled multiline input of at most 255 characters and a button with the besluit-vastleggen verb', () => {
    const c = buildAgendaCard(agendaWith(3), { deepLink: DEEP_LINK });
    expect(inputOf(c)).toMatchObject({
      type: 'Input.Text',
      label: 'Besluit vastleggen',
      isMultiline: true,
      maxLength: 255,
    });
    // Not required: a required input would block "Besproken" and every other button of the card while it is empty.
    expect(inputOf(c)?.isRequired).toBeUndefined();
    const button = ofType(c, 'Action.Execute').find((e) => e.verb === 'besluit-vastleggen');
    expect(button).toMatchObject({
      title: 'Vastleggen',
      data: {
        verb: 'besluit-vastleggen',
        mtKey: 'mt-sociaal-domein',
        occurrenceKey: 'mt-sociaal-domein|2026-11-24T08:00:00Z',
      },
    });
    expect(texts(c)).toContain('Besluiten deze vergadering (0)');
    expect(validateAdaptiveCard(c).errors).toEqual([]);
  });

  it('lists the decisions recorded so far, the latest five, and says how many more there are', () => {
    const c = buildAgendaCard(agendaWith(3), {
      deepLink: DEEP_LINK,
      besluiten: ['Een', '', 'Twee', 'Drie', 'Vier', 'Vijf', 'Zes', 'Zeven'],
    });
    const t = texts(c);
    expect(t).toContain('Besluiten deze vergadering (7)');
    expect(t).toContain('En 2 eerdere besluiten, zie het actieplan.');
    expect(
      t.filter((x) => x.startsWith('• ') && ['Drie', 'Vier', 'Vijf', 'Zes', 'Zeven'].includes(x.slice(2))),
    ).toHaveLength(5);
    expect(t).not.toContain('• Een');
  });

  it('is on the shared card, the refreshed per-user card and the discussed card, each valid 1.5 with 200 actions', () => {
    for (const options of [
      { deepLink: DEEP_LINK, besluiten: ['Besluit A'] },
      { deepLink: DEEP_LINK, viewerDisplayName: 'Directeur Sociaal Domein', besluiten: ['Besluit A'] },
      { deepLink: DEEP_LINK, besproken: { door: 'Secretaris', op: MEETING }, besluiten: ['Besluit A'] },
    ]) {
      const c = buildAgendaCard(agendaWith(200), options);
      expect(inputOf(c)).toBeDefined();
      expect(validateAdaptiveCard(c).errors).toEqual([]);
      expect(cardByteSize(c)).toBeLessThanOrEqual(26_000);
    }
  });
});

describe("the secretary's choices (issue 14.3)", () => {
  it('lists Ook bespreken with its status form and Niet nodig with the reason, and leaves the dropped action out', () => {
    const list = [
      actie(1, { deadline: '2026-01-01', status: 'Loopt' }),
      actie(2, { deadline: undefined, status: 'Loopt' }),
    ];
    const key = occurrenceKey('mt-sociaal-domein', MEETING);
    const plain = agenda(list);
    expect(plain.overdue.map((x) => x.id)).toEqual(['101']);
    const a = agenda(list, {
      keuzes: [
        { id: '1', value: { vergadering: key, actieId: '102', keuze: 'Ook bespreken' } },
        { id: '2', value: { vergadering: key, actieId: '101', keuze: 'Niet nodig', reden: 'Loopt via het IMO' } },
      ],
    });
    const card = buildAgendaCard(a, { deepLink: DEEP_LINK });
    const ook = section(card, 'Ook bespreken');
    expect(texts(ook ?? {})[0]).toBe('Ook bespreken (1)');
    expect(texts(ook ?? {})[1]).toBe(`**${list[1]?.value.nummer ?? ''}** ${list[1]?.value.titel ?? ''}`);
    expect(nodes(ook).some((n) => n.type === 'Action.ShowCard')).toBe(true);
    const niet = section(card, 'Niet nodig deze vergadering');
    expect(texts(niet ?? {})).toContain('Reden: Loopt via het IMO');
    expect(section(card, 'Achterstallig')).toBeUndefined();
    expect(validateAdaptiveCard(card)).toEqual({ valid: true, errors: [] });
  });
});

describe('hostile texts render inert', () => {
  const HOSTILE = [
    '**vet** _schuin_ ~~weg~~ `code`',
    '[klik hier](http://x.example) ![img](http://x.example/a.png) <http://x.example>',
    '${expr} ${mt.naam} {{DATE(2017-02-14T06:08:00Z, SHORT)}}',
    '<img src=x onerror=alert(1)> <script>alert(1)</script> &lt;b&gt;',
    '- lijst\n1. genummerd\n# kop\n> citaat\r\n| tabel |',
    '\\*al ontsnapt\\*',
  ];

  /** Markdown control characters without a backslash in front (an escaped backslash does not count as an escape). */
  function unescaped(t: string): string[] {
    const found: string[] = [];
    for (let i = 0; i < t.length; i += 1) {
      const c = t[i] ?? '';
      if (c === '\\') {
        i += 1;
        continue;
      }
      if ('*_[]<>`~{}&|#'.includes(c)) found.push(c);
    }
    return found;
  }

  function hostileCard(): AgendaCard {
    const acties = HOSTILE.map((h, i) =>
      actie(i, {
        titel: h,
        statusToelichting: h,
        status: 'Geblokkeerd',
        deadline: '2026-01-01',
        eigenaar: { displayName: h },
      }),
    );
    // The secretary's "Niet nodig" reasons are typed text too: one more action per hostile text, dropped with it.
    const dropped = HOSTILE.map((h, i) => actie(20 + i, { titel: h, deadline: '2026-01-01' }));
    const a = agenda([...acties, ...dropped], {
      mt: { key: 'mt-x', naam: HOSTILE.join(' '), domeinen: ['Sociaal Domein'] },
      previousDecisions: HOSTILE,
      keuzes: dropped.map((d, i) => ({
        id: String(i + 1),
        value: {
          vergadering: occurrenceKey('mt-x', MEETING),
          actieId: d.id,
          keuze: 'Niet nodig' as const,
          reden: HOSTILE[i] ?? '',
        },
      })),
    });
    expect(a.nietNodig).toHaveLength(HOSTILE.length);
    return buildAgendaCard(a, {
      deepLink: DEEP_LINK,
      besproken: { door: HOSTILE[0] ?? '', op: MEETING },
      viewerDisplayName: HOSTILE[0],
      besluiten: HOSTILE,
      laatsteWijziging: `3.1 → Afgerond, door ${HOSTILE[1] ?? ''}, 17:05`,
    });
  }

  it('no TextBlock holds an unescaped Markdown character, a template ${…}, a {{DATE()}} or a line break', () => {
    const card = hostileCard();
    const userTexts = texts(card).filter((t) =>
      HOSTILE.some((h) => t.includes(h.slice(2, 6).replace(/[*_[\]<>`~{}&|#\\]/g, ''))),
    ).length;
    expect(userTexts).toBeGreaterThan(10);
    // Our own Markdown is only **bold** around a number or name; strip exactly that, the rest must be inert.
    for (const t of texts(card)) {
      const own = t.replace(/^\*\*(\d+\.\d+|[^*\\]*(?:\\.[^*\\]*)*)\*\*/, '');
      expect(unescaped(own), t).toEqual([]);
      expect(t).not.toMatch(/\$\{/);
      expect(t).not.toMatch(/\{\{/);
      expect(t).not.toMatch(/[\r\n]/);
      expect(t).not.toMatch(/^\s*(?:[-+]\s|\d+[.)])/);
    }
  });

  it('the hostile texts are still there to read (escaped, not dropped)', () => {
    const t = allText(hostileCard());
    expect(t).toContain('\\*\\*vet\\*\\* \\_schuin\\_');
    expect(t).toContain('\\[klik hier\\](http://x.example)');
    expect(t).toContain('$\\{expr\\}');
    expect(t).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  it("the secretary's hostile Niet nodig reasons are on the card, escaped", () => {
    const rows = section(hostileCard(), 'Niet nodig deze vergadering');
    const t = texts(rows ?? {}).join('\n');
    expect(t).toContain('Reden: \\*\\*vet\\*\\* \\_schuin\\_');
    expect(t).toContain('Reden: \\<img src=x onerror=alert(1)\\>');
  });

  it('a hostile domain name (free text in the Inrichting list) is escaped in the header and in the portfolio rows', () => {
    const domein = 'Sociaal [Domein](https://evil.example) **x**';
    const portfolioItem = (status: 'Op koers' | 'Kritiek') => ({
      id: '7',
      value: {
        key: 'pf-7',
        titel: 'Initiatief 7',
        omschrijving: '',
        domein,
        fase: 'Uitvoering' as const,
        status,
        prioriteit: 7,
        ditKwartaal: 'wel' as const,
        acties: [],
      },
    });
    const mt = { key: 'mt-x', naam: 'MT X', domeinen: ['Sociaal Domein', domein] };
    const previous = snapshotOf({
      mt,
      occurrenceStart: MEETING,
      now: NOW,
      acties: [],
      portfolio: [portfolioItem('Op koers')],
    });
    const card = buildAgendaCard(agenda([], { mt, previous, portfolio: [portfolioItem('Kritiek')] }), {
      deepLink: DEEP_LINK,
    });
    const shown = texts(card).filter((t) => t.includes('evil.example'));
    expect(shown).toEqual([
      'Domein: Sociaal Domein, Sociaal \\[Domein\\](https://evil.example) \\*\\*x\\*\\*',
      '**Initiatief 7** (Sociaal \\[Domein\\](https://evil.example) \\*\\*x\\*\\*)',
    ]);
  });

  it('a hostile MT name is escaped in the header and in the fallback text', () => {
    const card = hostileCard();
    expect(card.fallbackText).not.toMatch(/\$\{|(^|[^\\])<img/);
    expect(card.fallbackText).toContain('\\<img');
    expect(texts(card).some((t) => t.startsWith('\\*\\*vet\\*\\*'))).toBe(true);
  });

  it('very long texts are cut with an ellipsis instead of growing the card', () => {
    const a = agenda([actie(0, { titel: 'x'.repeat(5000), deadline: '2026-01-01' })]);
    const titles = texts(buildAgendaCard(a, { deepLink: DEEP_LINK })).filter((t) => t.includes('xxxx'));
    expect(titles.length).toBeGreaterThan(0);
    for (const t of titles) expect(t.length).toBeLessThan(260);
    expect(titles[0]).toMatch(/…$/);
  });
});

describe('a notice for the person who acted', () => {
  // The longest reason the card's input takes, nearly all of it in characters of three UTF-8 bytes.
  const typed = '“€’’” ’’€’’ '.repeat(100).slice(0, TEXT_MAX.statusToelichting - 1) + 'x';

  it('shows what the person typed whole, and the card gives up rows to stay within its byte budget', () => {
    const agenda = agendaWith(200);
    const notice = { text: 'Niet opgeslagen.', color: 'Attention', typed } as const;
    let over = 0;
    for (let maxBytes = 13_000; maxBytes <= 26_000; maxBytes += 250) {
      const options = { deepLink: DEEP_LINK, maxBytes };
      // The banner put on the card as built for the budget alone: over the budget for some budgets.
      if (cardByteSize(withCardNotice(buildAgendaCard(agenda, options), notice)) > maxBytes) over += 1;
      const card = buildAgendaCardWithNotice(agenda, options, notice);
      expect(cardByteSize(card), String(maxBytes)).toBeLessThanOrEqual(maxBytes);
      const all = texts(card);
      const at = all.indexOf('Niet opgeslagen.');
      expect(all.slice(at, at + 3)).toEqual(['Niet opgeslagen.', 'Wat je typte (niet opgeslagen):', typed]);
    }
    expect(over).toBeGreaterThan(5);
    expect(validateAdaptiveCard(buildAgendaCardWithNotice(agenda, { deepLink: DEEP_LINK }, notice))).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('escapes the typed text and the notice like every other text, and shows no typed part without one', () => {
    const card = withCardNotice(buildAgendaCard(agendaWith(3), { deepLink: DEEP_LINK }), {
      text: '1. Conflict',
      color: 'Attention',
      typed: '  **vet** [klik](https://evil.example)  ',
    });
    // The banner comes right after the card's header.
    const [, banner] = card.body ?? [];
    const [notice, label, kept] = texts(banner ?? {});
    expect(notice).toBe('1\\. Conflict');
    expect(label).toBe('Wat je typte (niet opgeslagen):');
    expect(kept).toBe(escapeCardText('**vet** [klik](https://evil.example)'));
    expect(kept).toContain('\\[klik\\]');
    const plain = withCardNotice(buildAgendaCard(agendaWith(3), { deepLink: DEEP_LINK }), {
      text: 'Opgeslagen.',
      color: 'Good',
      typed: '   ',
    });
    expect(allText(plain)).not.toContain('Wat je typte');
  });
});

describe('themes', () => {
  it('every TextBlock colour is on the allow-list of colours Teams renders at 4.5:1 in light and dark', () => {
    const allowed = Object.keys(CARD_TEXT_COLORS);
    // Each allowed colour says why (its measured contrast in both themes).
    for (const reason of Object.values(CARD_TEXT_COLORS)) expect(reason).toMatch(/light.*dark/);
    expect(allowed).not.toContain('Warning');
    expect(allowed).not.toContain('Good');
    const cards = [
      buildAgendaCard(agendaWith(200), { deepLink: DEEP_LINK, viewerDisplayName: 'Directeur Sociaal Domein' }),
      buildAgendaCard(agendaWith(40), { deepLink: DEEP_LINK, besproken: { door: 'X', op: MEETING }, maxBytes: 12_000 }),
      buildAgendaCard(
        agenda([
          actie(0, { deadline: '2026-01-01' }),
          actie(2, { status: 'Geblokkeerd' }),
          actie(3, { eigenaar: undefined }),
        ]),
        { deepLink: DEEP_LINK },
      ),
    ];
    const used = new Set(
      cards.flatMap((c) =>
        ofType(c, 'TextBlock')
          .map((n) => n.color)
          .filter((c) => c !== undefined),
      ),
    );
    expect(used.size).toBeGreaterThan(0);
    for (const c of used) expect(allowed, String(c)).toContain(c);
  });

  it('uses only semantic colours and container styles, never raw colours, so light, dark and high contrast work', () => {
    const card = buildAgendaCard(agendaWith(40), {
      deepLink: DEEP_LINK,
      besproken: { door: 'X', op: MEETING },
      viewerDisplayName: 'Directeur Sociaal Domein',
    });
    const colors = new Set(
      nodes(card)
        .map((n) => n.color)
        .filter((c) => c !== undefined),
    );
    const styles = new Set(
      ofType(card, 'Container')
        .map((n) => n.style)
        .filter((s) => s !== undefined),
    );
    expect([...colors].every((c) => ['Attention', 'Warning', 'Good', 'Accent'].includes(String(c)))).toBe(true);
    expect([...styles].every((s) => ['emphasis', 'accent', 'good'].includes(String(s)))).toBe(true);
    expect(JSON.stringify(card)).not.toMatch(/#[0-9a-fA-F]{3,8}\b|rgb\(/);
  });
});

describe('when it does not all fit', () => {
  const big = agendaWith(200);
  const card = buildAgendaCard(big, { deepLink: DEEP_LINK });

  it('lists the most urgent first: every section shows its first rows, overdue before the rest', () => {
    const overdue = section(card, 'Achterstallig');
    const rows = (overdue?.items as Node[]).filter((n) => n.type === 'Container');
    expect(rows.length).toBeGreaterThanOrEqual(5);
    const first = big.overdue[0];
    expect(JSON.stringify(rows[0])).toContain(`**${first?.nummer}**`);
    for (const title of ['Geblokkeerd', 'Deadline tot en met', 'Zonder eigenaar']) {
      expect(
        (section(card, title)?.items as Node[]).filter((n) => n.type === 'Container').length,
        title,
      ).toBeGreaterThan(0);
    }
  });

  it('gives every section its first row before any section its second, also on a tight budget', () => {
    const tight = buildAgendaCard(big, { deepLink: DEEP_LINK, maxBytes: 16_000 });
    for (const title of ['Achterstallig', 'Geblokkeerd of wachtend', 'Deadline tot en met', 'Zonder eigenaar']) {
      expect(
        (section(tight, title)?.items as Node[]).filter((n) => n.type === 'Container').length,
        title,
      ).toBeGreaterThan(0);
    }
    expect(cardByteSize(tight)).toBeLessThanOrEqual(16_000);
  });

  it('summarises the rest per section ("En N meer in het actieplan") with a button to the tab', () => {
    const overdue = section(card, 'Achterstallig');
    const shown = (overdue?.items as Node[]).filter((n) => n.type === 'Container').length;
    const more = ofType(overdue ?? {}, 'Action.OpenUrl');
    expect(more.map((a) => a.title)).toEqual([`En ${big.overdue.length - shown} meer in het actieplan`]);
    expect(more[0]?.url).toBe(new URL(DEEP_LINK).toString());
  });

  it('keeps the heading counts as the full totals', () => {
    expect(allText(card)).toContain(`Achterstallig (${big.counts.overdue})`);
    expect(allText(card)).toContain(`Geblokkeerd of wachtend (${big.counts.blocked})`);
  });

  it('a small agenda is not summarised', () => {
    const small = buildAgendaCard(agendaWith(1), { deepLink: DEEP_LINK });
    expect(allText(small)).not.toMatch(/Niet alles past|zie het actieplan/);
  });

  it('says, once, that an action without "Status bijwerken" is changed in the tab, when the forms ran out', () => {
    /** The action ids of the rows on the card, and those with a status form. */
    const rowsAndForms = (c: AgendaCard, agenda: typeof big) => {
      const rows = new Set<string>();
      const forms = new Set<string>();
      for (const n of nodes(c.body)) {
        if (n.type === 'Action.Execute' && n.verb === 'status-bijwerken')
          forms.add(String((n.data as { actieId?: string }).actieId));
      }
      for (const a of [...agenda.overdue, ...agenda.blocked, ...agenda.dueBeforeNextMeeting, ...agenda.withoutOwner])
        if (JSON.stringify(c.body).includes(`**${a.nummer}**`)) rows.add(a.id);
      return { rows, forms };
    };
    const full = rowsAndForms(card, big);
    expect([...full.rows].filter((id) => !full.forms.has(id)).length).toBeGreaterThan(0);
    expect(texts(card).filter((t) => t === NO_FORM_NOTE)).toHaveLength(1);
    // Every action on a small card has its form: no note.
    const smallAgenda = agendaWith(3);
    const small = buildAgendaCard(smallAgenda, { deepLink: DEEP_LINK });
    const few = rowsAndForms(small, smallAgenda);
    expect(few.rows.size).toBeGreaterThan(0);
    expect([...few.rows].every((id) => few.forms.has(id))).toBe(true);
    expect(allText(small)).not.toContain(NO_FORM_NOTE);
  });
});

describe('short by design', () => {
  const late = (n: number): AgendaActieInput[] =>
    Array.from({ length: n }, (_, i) =>
      actie(i, {
        nummer: `5.${i + 1}`,
        status: 'Loopt',
        deadline: `2026-0${1 + (i % 9)}-${String(10 + Math.floor(i / 9)).padStart(2, '0')}`,
      }),
    );

  it(`a plan with 40 overdue actions lists ${SECTION_MAX_ROWS}, the longest overdue first, and "En 35 meer in het actieplan"`, () => {
    const a = agenda(late(40));
    const card = buildAgendaCard(a, { deepLink: DEEP_LINK });
    const overdue = section(card, 'Achterstallig');
    const rows = (overdue?.items as Node[]).filter((n) => n.type === 'Container');
    expect(SECTION_MAX_ROWS).toBe(5);
    expect(rows).toHaveLength(5);
    expect(allText(overdue ?? {})).toContain('Achterstallig (40)');
    expect(ofType(overdue ?? {}, 'Action.OpenUrl').map((o) => o.title)).toEqual(['En 35 meer in het actieplan']);
    // Worst first: the five oldest deadlines, oldest at the top.
    const oldest = [...a.overdue]
      .sort((x, y) => (x.deadline ?? '').localeCompare(y.deadline ?? ''))
      .slice(0, 5)
      .map((x) => `**${x.nummer}**`);
    expect(rows.map((r) => /\*\*\d+\.\d+\*\*/.exec(allText(r))?.[0])).toEqual(oldest);
    expect(a.overdue[0]?.dagenTeLaat).toBeGreaterThan(a.overdue[4]?.dagenTeLaat ?? Infinity);
    // The cap is by design, not for lack of room: no "Niet alles past" warning.
    expect(allText(card)).not.toMatch(/Niet alles past/);
  });

  it('links "meer" to the tab’s Lijst filtered to that section, from the same tab URL as the card’s other links', () => {
    const tab = 'https://actieplan.example.nl/tab/index.html#/lijst?domein=Sociaal+Domein';
    const acties = [
      ...late(8),
      ...Array.from({ length: 7 }, (_, i) =>
        actie(i, { nummer: `9.${i + 1}`, status: 'Geblokkeerd', deadline: '2027-06-30' }),
      ),
    ];
    const card = buildAgendaCard(agenda(acties), { deepLink: tab });
    const url = (title: string): URL => new URL(String(ofType(section(card, title) ?? {}, 'Action.OpenUrl')[0]?.url));
    const params = (u: URL): URLSearchParams => new URLSearchParams(u.hash.split('?')[1]);
    const overdue = url('Achterstallig');
    expect(overdue.origin + overdue.pathname).toBe('https://actieplan.example.nl/tab/index.html');
    expect(overdue.hash.startsWith('#/lijst?')).toBe(true);
    expect(Object.fromEntries(params(overdue))).toEqual({
      domein: 'Sociaal Domein',
      due: 'achterstallig',
      sort: 'deadline:asc',
    });
    // Geblokkeerd or waiting on another action: the list's `vast` filter holds both halves of the section.
    expect(Object.fromEntries(params(url('Geblokkeerd')))).toEqual({ domein: 'Sociaal Domein', vast: '1' });
    // Without an owner: the section counts open actions only, and so does the list it links to.
    const zonder = buildAgendaCard(
      agenda(
        Array.from({ length: 7 }, (_, i) =>
          actie(i, { nummer: `8.${i + 1}`, eigenaar: undefined, deadline: '2027-06-30' }),
        ),
      ),
      { deepLink: tab },
    );
    // Due before the next meeting: the list's `tot` filter (open, not overdue, a deadline up to and including it).
    const due = buildAgendaCard(
      agenda(Array.from({ length: 7 }, (_, i) => actie(i, { nummer: `7.${i + 1}`, deadline: '2026-11-28' }))),
      { deepLink: tab },
    );
    const dueLink = ofType(section(due, 'Deadline tot en met') ?? {}, 'Action.OpenUrl')[0]?.url;
    expect(Object.fromEntries(params(new URL(String(dueLink))))).toEqual({
      domein: 'Sociaal Domein',
      tot: '2026-12-01',
      sort: 'deadline:asc',
    });
    const zonderLink = ofType(section(zonder, 'Zonder eigenaar') ?? {}, 'Action.OpenUrl')[0]?.url;
    expect(Object.fromEntries(params(new URL(String(zonderLink))))).toEqual({
      domein: 'Sociaal Domein',
      eigenaar: '',
      status: 'Niet gestart,Loopt,Geblokkeerd,Belegd in lopend traject',
    });
    expect(ofType(card, 'Action.OpenUrl').find((o) => o.title === 'Open in actieplan')?.url).toBe(
      new URL(tab).toString(),
    );
  });

  it('sectionLink keeps the MT filter, adds the section’s and leaves a link without a list route alone', () => {
    expect(sectionLink('http://localhost:3978/tab/index.html#/lijst?domein=Bedrijfsvoering', { eigenaar: '' })).toBe(
      'http://localhost:3978/tab/index.html#/lijst?domein=Bedrijfsvoering&eigenaar=',
    );
    expect(sectionLink('https://x.example/index.html#/lijst', {})).toBe('https://x.example/index.html#/lijst');
    expect(sectionLink(DEEP_LINK, { due: 'achterstallig' })).toBe(new URL(DEEP_LINK).toString());
  });
});

describe('"Jouw acties" (the refreshed, per-user view)', () => {
  const acties = [
    actie(0, { nummer: '1.1', deadline: '2026-12-31', eigenaar: { displayName: 'Directeur Sociaal Domein' } }),
    actie(1, { nummer: '1.2', deadline: '2026-01-01', eigenaar: { displayName: 'directeur  sociaal domein' } }),
    actie(2, { nummer: '1.3', deadline: '2026-11-01', eigenaar: { displayName: 'Directeur Sociaal Domein' } }),
    actie(3, { nummer: '1.4', eigenaar: { displayName: 'Informatiemanager Sociaal Domein' } }),
    actie(4, { nummer: '1.5', status: 'Afgerond', eigenaar: { displayName: 'Directeur Sociaal Domein' } }),
  ];

  it('lists the viewer’s open actions (name matched without case or spacing), most overdue first', () => {
    const s = buildPersonalSection(agenda(acties), 'Directeur Sociaal Domein');
    const t = allText(s);
    expect(t).toContain('Jouw acties (3)');
    expect(t.match(/\*\*(\d+\.\d+)\*\*/g)).toEqual(['**1.2**', '**1.3**', '**1.1**']);
    expect(ofType(s, 'Input.ChoiceSet')).toHaveLength(3);
  });

  it('says so when the viewer has no open actions', () => {
    expect(allText(buildPersonalSection(agenda(acties), 'Gemeentesecretaris'))).toContain(
      'Je hebt geen open acties op de agenda van dit MT.',
    );
  });

  it('comes first on the card built for a viewer, and its rows carry the forms', () => {
    const c = buildAgendaCard(agenda(acties), { deepLink: DEEP_LINK, viewerDisplayName: 'Directeur Sociaal Domein' });
    const containers = c.body.filter((b) => b.type === 'Container') as unknown as Node[];
    expect(String((containers[1]?.items as Node[])[0]?.text)).toBe('Jouw acties (3)');
    expect(ofType(containers[1] ?? {}, 'Input.ChoiceSet')).toHaveLength(3);
    expect(validateAdaptiveCard(c).valid).toBe(true);
  });
});

describe('escalation to the CMT on the card', () => {
  it('the CMT card has "Geagendeerd door de MT\'s" with action, domain, who, since when and why, and a tick per item', () => {
    const card = buildAgendaCard(
      cmtAgenda([
        escalation('7'),
        escalation('8', { actie: '9.9', domein: 'Fysiek Domein', door: undefined, op: '2026-11-21T09:00:00Z' }),
      ]),
      { deepLink: DEEP_LINK },
    );
    expect(validateAdaptiveCard(card).errors).toEqual([]);
    const s = section(card, "Geagendeerd door de MT's (2)");
    expect(s).toBeDefined();
    const t = allText(s ?? {});
    expect(t).toContain('**1.1** Visie en roadmap');
    expect(t).toContain('Sociaal Domein · door Informatiemanager Sociaal Domein · sinds vrijdag 20 november 2026');
    expect(t).toContain('Reden: Het besluit over de roadmap blijft hangen.');
    expect(t).toContain('Fysiek Domein · door onbekend');
    const ticks = nodes(s).filter((n) => n.type === 'Action.Execute' && n.verb === 'agendering-besproken');
    expect(ticks.map((n) => (n.data as Record<string, string>).agenderingId)).toEqual(['7', '8']);
    const data = ticks[0]?.data as Record<string, string>;
    expect(data.eTag).toBe('"agendering-7,1"');
    expect(parseAgenderingBesproken({ ...data, [agenderingBesluitInputId('7')]: ' Roadmap in januari ' })).toEqual({
      mtKey: 'cmt',
      occurrenceKey: data.occurrenceKey,
      agenderingId: '7',
      eTag: '"agendering-7,1"',
      besluit: 'Roadmap in januari',
    });
    expect(parseAgenderingBesproken({ ...data, eTag: undefined })).toBeUndefined();
    // The CMT does not escalate to itself.
    expect(nodes(card).some((n) => n.type === 'Action.ShowCard' && n.title === 'Agenderen in CMT')).toBe(false);
  });

  it('a ticked escalation is not on the CMT card; a domain MT card has no such section', () => {
    expect(
      section(
        buildAgendaCard(cmtAgenda([escalation('7', { besproken: true })]), { deepLink: DEEP_LINK }),
        'Geagendeerd',
      ),
    ).toBeUndefined();
    const domain = buildAgendaCard(agenda([actie(0)], { agenderingen: [escalation('7')] }), { deepLink: DEEP_LINK });
    expect(section(domain, 'Geagendeerd')).toBeUndefined();
  });

  it('"Agenderen in CMT" shows a long title cut with "…", never mid-word without a mark, and on one line', () => {
    const titel = 'Positioneren\ninformatiemanagement dichtbij business en verder uitwerken';
    const card = buildAgendaCard(agenda([actie(0, { nummer: '5.1', titel })]), { deepLink: DEEP_LINK });
    const form = nodes(card).find((n) => n.type === 'Action.ShowCard' && n.title === 'Agenderen in CMT');
    const choice = nodes(form).find((n) => n.id === AGENDEREN_INPUT_IDS.actie);
    const [title] = (choice?.choices as { title: string }[]).map((c) => c.title);
    expect(title).toBe('5.1 Positioneren informatiemanagement dichtbij busine…');
    expect(Array.from(title ?? '').length).toBe('5.1 '.length + 50);
    const short = buildAgendaCard(agenda([actie(0, { nummer: '1.1', titel: 'Visie en roadmap' })]), {
      deepLink: DEEP_LINK,
    });
    const shortChoice = nodes(nodes(short).find((n) => n.title === 'Agenderen in CMT')).find(
      (n) => n.id === AGENDEREN_INPUT_IDS.actie,
    );
    expect((shortChoice?.choices as { title: string }[])[0]?.title).toBe('1.1 Visie en roadmap');
  });

  it('a domain MT card has "Agenderen in CMT": its open actions to choose from, a required reason, and the report\'s words with their source', () => {
    const a = agenda([
      actie(0, { nummer: '1.1', titel: 'Visie en roadmap' }),
      actie(1, { nummer: '6.1', status: 'Afgerond' }),
      actie(2, { nummer: '6.2' }),
    ]);
    const card = buildAgendaCard(a, { deepLink: DEEP_LINK });
    expect(validateAdaptiveCard(card).errors).toEqual([]);
    const form = nodes(card).find((n) => n.type === 'Action.ShowCard' && n.title === 'Agenderen in CMT');
    expect(form).toBeDefined();
    const choice = nodes(form).find((n) => n.id === AGENDEREN_INPUT_IDS.actie);
    expect((choice?.choices as { title: string; value: string }[]).map((c) => c.title.split(' ')[0]).sort()).toEqual([
      '1.1',
      '6.2',
    ]);
    const reden = nodes(form).find((n) => n.id === AGENDEREN_INPUT_IDS.reden);
    expect(reden).toMatchObject({ isRequired: true, isMultiline: true, maxLength: 1000 });
    expect(allText(form ?? {})).toContain('Uit het rapport: “… ');
    // Named by its document, not by a line number that means nothing to a reader.
    expect(allText(form ?? {})).toContain(
      'Het CMT “zorgt voor voortgangsbewaking” (organisatieafspraken van de gemeente).',
    );
    expect(allText(form ?? {})).not.toMatch(/\(\d{3}:\d+/);
    expect(allText(form ?? {})).toContain(
      '“… dat het niet of te laat wordt voorgelegd aan de leidinggevenden (escaleren)”',
    );
    const execute = nodes(form).find((n) => n.type === 'Action.Execute');
    expect(execute?.verb).toBe('agenderen');
    const data = execute?.data as Record<string, string>;
    expect(
      parseAgenderenRequest({
        ...data,
        [AGENDEREN_INPUT_IDS.actie]: '2',
        [AGENDEREN_INPUT_IDS.reden]: '  Geen capaciteit.  ',
      }),
    ).toEqual({ mtKey: data.mtKey, occurrenceKey: data.occurrenceKey, actieId: '2', reden: 'Geen capaciteit.' });
    expect(parseAgenderenRequest({ ...data })).toEqual({
      mtKey: data.mtKey,
      occurrenceKey: data.occurrenceKey,
      reden: '',
    });
  });

  it('offers at most 10 actions, the most urgent first, and says how many more the tab has', () => {
    const card = buildAgendaCard(agendaWith(200), { deepLink: DEEP_LINK });
    const a = agendaWith(200);
    const form = nodes(card).find((n) => n.type === 'Action.ShowCard' && n.title === 'Agenderen in CMT');
    const choices = nodes(form).find((n) => n.id === AGENDEREN_INPUT_IDS.actie)?.choices as { value: string }[];
    expect(choices).toHaveLength(10);
    expect(choices[0]?.value).toBe(a.overdue[0]?.id);
    expect(allText(form ?? {})).toContain(`Niet in deze lijst: ${a.openActies.length - 10} andere open acties.`);
  });

  it('hostile reasons, names and titles in the CMT section render inert', () => {
    const hostile = '**vet** [klik](http://x.example) ${expr} {{DATE(2017-02-14T06:08:00Z, SHORT)}} <script>\n- lijst';
    const card = buildAgendaCard(
      cmtAgenda(
        [escalation('7', { reden: hostile, door: { displayName: hostile } })],
        [actie(0, { nummer: '1.1', titel: hostile, domeinen: ['Concern'] })],
      ),
      { deepLink: DEEP_LINK },
    );
    const t = allText(section(card, "Geagendeerd door de MT's") ?? {});
    expect(t).toContain('\\*\\*vet\\*\\*');
    expect(t).not.toContain('[klik]');
    expect(t).not.toContain('${expr}');
    expect(t).not.toContain('{{DATE');
    expect(t).not.toContain('<script>');
    expect(t).not.toMatch(/\n- lijst/);
  });
});

describe('progress per domain on the card (issue 12.4)', () => {
  const BUSINESS = ['Sociaal Domein', 'Fysiek Domein', 'Dienstverlening', 'Bedrijfsvoering'] as const;
  const gedeeld = actie(0, {
    nummer: '1.1',
    domeinen: [...BUSINESS],
    status: 'Loopt',
    deadline: '2026-11-20',
    eigenaar: { displayName: 'CIO' },
  });
  const rijen: NonNullable<AgendaInput['domeinVoortgang']> = [
    {
      id: '41',
      eTag: '"rij-41,2"',
      value: {
        actie: '1.1',
        domein: 'Sociaal Domein',
        status: 'Loopt',
        eigenaar: { displayName: 'IM Sociaal Domein' },
        deadline: '2026-11-22',
      },
    },
    { id: '42', eTag: '"rij-42,1"', value: { actie: '1.1', domein: 'Fysiek Domein', status: 'Afgerond' } },
  ];
  const base = (mt: AgendaInput['mt']): AgendaInput => ({
    mt,
    occurrenceStart: MEETING,
    nextOccurrenceStart: NEXT_MEETING,
    now: NOW,
    acties: [gedeeld],
    domeinVoortgang: rijen,
  });

  it('a domain MT’s card shows its own row and its save writes that row: the row’s id and eTag travel with the button', () => {
    const card = buildAgendaCard(
      composeAgenda(base({ key: 'mt-sociaal-domein', naam: 'MT Sociaal Domein', domeinen: ['Sociaal Domein'] })),
      { deepLink: DEEP_LINK },
    );
    expect(allText(card)).toContain(
      'Loopt (Sociaal Domein) · Eigenaar: IM Sociaal Domein · Deadline: 22 november 2026',
    );
    const save = nodes(card).find((n) => n.type === 'Action.Execute' && n.verb === 'status-bijwerken');
    const data = save?.data as Record<string, string>;
    expect(data).toMatchObject({ actieId: gedeeld.id, eTag: '"rij-41,2"', rijId: '41' });
    const ids = statusInputIds(gedeeld.id);
    expect(parseStatusUpdate({ ...data, [ids.status]: 'Afgerond' })).toEqual({
      mtKey: data.mtKey,
      occurrenceKey: data.occurrenceKey,
      actieId: gedeeld.id,
      eTag: '"rij-41,2"',
      rijId: '41',
      status: 'Afgerond',
    });
    expect(validateAdaptiveCard(card)).toEqual({ valid: true, errors: [] });
  });

  it('a domain without a row yet: the button carries the action and no row id (the bot creates the row)', () => {
    const card = buildAgendaCard(
      composeAgenda(base({ key: 'mt-d', naam: 'MT Dienstverlening', domeinen: ['Dienstverlening'] })),
      { deepLink: DEEP_LINK },
    );
    const data = nodes(card).find((n) => n.type === 'Action.Execute' && n.verb === 'status-bijwerken')?.data as Record<
      string,
      string
    >;
    expect(data.eTag).toBe(gedeeld.eTag);
    expect(data.rijId).toBeUndefined();
    expect(allText(card)).toContain('(Dienstverlening)');
  });

  it('the CMT’s card shows the breakdown "1 van 4 domeinen afgerond" and no status form for the roll-up', () => {
    const cmt = {
      ...base({ key: 'cmt', naam: 'CMT', domeinen: ['Concern'] }),
      acties: [{ ...gedeeld, value: { ...gedeeld.value, domeinen: [...BUSINESS, 'Concern' as const] } }],
    };
    const card = buildAgendaCard(composeAgenda(cmt), { deepLink: DEEP_LINK });
    expect(allText(card)).toContain('Voortgang per domein: 1 van 5 domeinen afgerond');
    expect(nodes(card).filter((n) => n.type === 'Action.Execute' && n.verb === 'status-bijwerken')).toEqual([]);
    const four = {
      ...cmt,
      acties: [gedeeld],
      mt: {
        key: 'cmt',
        naam: 'CMT',
        domeinen: ['Concern' as const, 'Sociaal Domein' as const, 'Fysiek Domein' as const],
      },
    };
    expect(allText(buildAgendaCard(composeAgenda(four), { deepLink: DEEP_LINK }))).toContain(
      'Voortgang per domein: 1 van 4 domeinen afgerond',
    );
  });
});
