import { describe, expect, it } from 'vitest';
import { composeAgenda, occurrenceKey, type AgendaActieInput, type AgendaInput } from '../../../src/domain/agenda.js';
import {
  AGENDA_KEUZE_REDEN_MAX,
  agendaKeuzeOpen,
  agendaKeuzeMessageText,
  agendaKeuzeProblem,
  agendaKeuzesFor,
  type AgendaKeuzeInput,
} from '../../../src/domain/agenda-keuze.js';
import type { Actie } from '../../../src/domain/model.js';
import { nextOccurrence } from '../../../src/domain/recurrence.js';
import { parseMeetingSchedule } from '../../../src/domain/schedule.js';

// Tuesday 24 November 2026 09:00 Amsterdam; the next meeting a week later.
const MEETING = new Date('2026-11-24T08:00:00Z');
const NEXT = new Date('2026-12-01T08:00:00Z');
const NOW = new Date('2026-11-23T08:00:00Z');
const MT: AgendaInput['mt'] = { key: 'mt-sociaal-domein', naam: 'MT Sociaal Domein', domeinen: ['Sociaal Domein'] };
const KEY = occurrenceKey(MT.key, MEETING);

function actie(nummer: string, extra: Partial<Actie> = {}): Actie {
  return {
    nummer,
    titel: `Actie ${nummer}`,
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: ['Sociaal Domein'],
    status: 'Loopt',
    eigenaar: { displayName: 'IM Sociaal Domein' },
    afhankelijkVan: [],
    bevindingen: [],
    ...extra,
  };
}

/** 1.1 overdue, 1.2 without owner and due, 1.3 running without deadline (not on the agenda), 9.1 another domain's. */
const ACTIES: AgendaActieInput[] = [
  { id: '1', eTag: '"1,1"', value: actie('1.1', { deadline: '2026-11-01' }) },
  { id: '2', eTag: '"2,1"', value: actie('1.2', { deadline: '2026-11-27', eigenaar: undefined }) },
  { id: '3', eTag: '"3,1"', value: actie('1.3') },
  { id: '4', eTag: '"4,1"', value: actie('9.1', { domeinen: ['Fysiek Domein'] }) },
  { id: '5', eTag: '"5,1"', value: actie('1.5', { vervallen: true, vervallenReden: 'Opgegaan in 1.1' }) },
];

function keuze(
  id: string,
  actieId: string,
  soort: 'Ook bespreken' | 'Niet nodig',
  reden?: string,
  vergadering = KEY,
): AgendaKeuzeInput {
  return { id, value: { vergadering, actieId, keuze: soort, ...(reden === undefined ? {} : { reden }) } };
}

function agenda(keuzes: AgendaKeuzeInput[], acties = ACTIES, start = MEETING, next = NEXT) {
  return composeAgenda({ mt: MT, occurrenceStart: start, nextOccurrenceStart: next, now: NOW, acties, keuzes });
}

const nummers = (xs: { nummer: string }[]) => xs.map((x) => x.nummer);

describe('agendaKeuzeProblem', () => {
  it('requires a reason for Niet nodig, not only blanks, and names the field', () => {
    const geenReden = agendaKeuzeProblem({ keuze: 'Niet nodig', actieId: '1' });
    expect(geenReden).toEqual({ veld: 'reden', bericht: { key: 'agendaKeuzeRedenVerplicht' } });
    expect(agendaKeuzeMessageText(geenReden!.bericht)).toBe(
      'Geef een reden waarom deze actie niet besproken hoeft te worden.',
    );
    expect(agendaKeuzeProblem({ keuze: 'Niet nodig', actieId: '1', reden: '  \n ' })?.veld).toBe('reden');
    expect(agendaKeuzeProblem({ keuze: 'Niet nodig', actieId: '1', reden: 'Afgestemd in het IMO' })).toBeUndefined();
    expect(agendaKeuzeProblem({ keuze: 'Ook bespreken', actieId: '1' })).toBeUndefined();
  });

  it('refuses a reason that is too long, an unknown choice and no action', () => {
    const long = 'x'.repeat(AGENDA_KEUZE_REDEN_MAX + 1);
    const teLang = agendaKeuzeProblem({ keuze: 'Niet nodig', actieId: '1', reden: long });
    expect(teLang).toEqual({
      veld: 'reden',
      bericht: {
        key: 'agendaKeuzeRedenTeLang',
        params: { lengte: AGENDA_KEUZE_REDEN_MAX + 1, max: AGENDA_KEUZE_REDEN_MAX },
      },
    });
    expect(agendaKeuzeMessageText(teLang!.bericht)).toBe(
      `De reden is ${AGENDA_KEUZE_REDEN_MAX + 1} tekens; het maximum is ${AGENDA_KEUZE_REDEN_MAX}.`,
    );
    const onbekend = agendaKeuzeProblem({ keuze: 'Misschien', actieId: '1' });
    expect(onbekend?.veld).toBe('keuze');
    expect(agendaKeuzeMessageText(onbekend!.bericht)).toBe(
      "Onbekende keuze 'Misschien': kies Ook bespreken of Niet nodig.",
    );
    const geenActie = agendaKeuzeProblem({ keuze: 'Ook bespreken', actieId: ' ' });
    expect(geenActie?.veld).toBe('actie');
    expect(agendaKeuzeMessageText(geenActie!.bericht)).toBe('Kies een actie.');
  });
});

describe('agendaKeuzesFor (the selection rule)', () => {
  const ofMT = (a: Actie) => a.domeinen.includes('Sociaal Domein');

  it("takes only this meeting's choices, the latest per action", () => {
    const effect = agendaKeuzesFor(
      [
        keuze('10', '3', 'Niet nodig', 'eerst'),
        keuze('12', '3', 'Ook bespreken'),
        keuze('11', '1', 'Niet nodig', 'andere vergadering', occurrenceKey(MT.key, NEXT)),
      ],
      KEY,
      ACTIES,
      ofMT,
    );
    expect([...effect.ookBespreken]).toEqual(['3']);
    expect([...effect.nietNodig]).toEqual([]);
    expect(effect.genegeerd).toEqual([]);
  });

  it('ignores an action that left the plan or was retired, and says so', () => {
    const effect = agendaKeuzesFor(
      [keuze('1', '99', 'Ook bespreken'), keuze('2', '5', 'Niet nodig', 'vervallen')],
      KEY,
      ACTIES,
      ofMT,
    );
    expect(effect.ookBespreken.size + effect.nietNodig.size).toBe(0);
    expect(effect.genegeerd).toEqual([
      { actieId: '5', waarom: 'vervallen' },
      { actieId: '99', waarom: 'onbekend' },
    ]);
  });

  it("drops only the MT's own actions, and never without a reason", () => {
    const effect = agendaKeuzesFor(
      [keuze('1', '4', 'Niet nodig', 'niet van ons'), keuze('2', '1', 'Niet nodig', '  ')],
      KEY,
      ACTIES,
      ofMT,
    );
    expect(effect.nietNodig.size).toBe(0);
  });
});

describe('composeAgenda with the choices', () => {
  it('without choices lists 1.1 overdue and 1.2 due and without owner, and 1.3 nowhere', () => {
    const a = agenda([]);
    expect(nummers(a.overdue)).toEqual(['1.1']);
    expect(nummers(a.dueBeforeNextMeeting)).toEqual(['1.2']);
    expect(nummers(a.withoutOwner)).toEqual(['1.2']);
    expect(a.ookBespreken).toEqual([]);
    expect(a.nietNodig).toEqual([]);
  });

  it('Niet nodig takes an action out of every section and lists it with the reason', () => {
    const a = agenda([keuze('1', '2', 'Niet nodig', 'Eigenaar wordt in het IMO benoemd')]);
    expect(nummers(a.dueBeforeNextMeeting)).toEqual([]);
    expect(nummers(a.withoutOwner)).toEqual([]);
    expect(nummers(a.overdue)).toEqual(['1.1']);
    expect(a.nietNodig).toMatchObject([{ id: '2', nummer: '1.2', reden: 'Eigenaar wordt in het IMO benoemd' }]);
    expect(a.counts).toMatchObject({ dueBeforeNextMeeting: 0, withoutOwner: 0, nietNodig: 1, ookBespreken: 0 });
    // Still the MT's open action: "Jouw acties" keeps it.
    expect(nummers(a.openActies)).toContain('1.2');
  });

  it('Niet nodig on a blocked action leaves the headline counts equal to the sections', () => {
    const blocked = [...ACTIES, { id: '6', eTag: '"6,1"', value: actie('1.6', { status: 'Geblokkeerd' }) }];
    expect(agenda([], blocked).counts).toMatchObject({ blocked: 1, geblokkeerd: 1 });
    const a = agenda([keuze('1', '6', 'Niet nodig', 'Wacht op de aanbesteding')], blocked);
    expect(a.counts).toMatchObject({ blocked: 0, geblokkeerd: 0, wachtOp: 0, nietNodig: 1 });
  });

  it('Niet nodig also hides the action from "changed since the last meeting"', () => {
    const previous = {
      version: 1 as const,
      mtKey: MT.key,
      occurrenceStart: '2026-11-17T08:00:00Z',
      acties: { '1': { nummer: '1.1', status: 'Niet gestart' as const } },
      portfolio: {},
    };
    const base = composeAgenda({ mt: MT, occurrenceStart: MEETING, now: NOW, acties: ACTIES, previous });
    expect(base.changedSinceLastMeeting.some((c) => c.kind !== 'removed' && c.actie.id === '1')).toBe(true);
    const dropped = composeAgenda({
      mt: MT,
      occurrenceStart: MEETING,
      now: NOW,
      acties: ACTIES,
      previous,
      keuzes: [keuze('1', '1', 'Niet nodig', 'Besproken in de stuurgroep')],
    });
    expect(dropped.changedSinceLastMeeting.some((c) => c.kind !== 'removed' && c.actie.id === '1')).toBe(false);
    expect(dropped.overdue).toEqual([]);
  });

  it("Ook bespreken lists an action the agenda would not, also another domain's", () => {
    const a = agenda([keuze('1', '3', 'Ook bespreken'), keuze('2', '4', 'Ook bespreken')]);
    expect(nummers(a.ookBespreken)).toEqual(['1.3', '9.1']);
    expect(a.counts.ookBespreken).toBe(2);
    expect(a.counts.overdue).toBe(1);
  });

  it('a choice for an action no longer in the plan changes nothing', () => {
    const without3 = ACTIES.filter((x) => x.id !== '3' && x.id !== '1');
    const a = agenda([keuze('1', '3', 'Ook bespreken'), keuze('2', '1', 'Niet nodig', 'weg')], without3);
    expect(a).toEqual(agenda([], without3));
  });

  it("a cancelled meeting's choices apply to no other meeting", () => {
    // Weekly on Tuesday 09:00; 1 December is cancelled, so the meeting after 24 November is 8 December.
    const schedule = parseMeetingSchedule(
      'DTSTART;TZID=Europe/Amsterdam:20261103T090000\nRRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0\nEXDATE;TZID=Europe/Amsterdam:20261201T090000',
    );
    if (!schedule) throw new Error('schedule not read');
    const next = nextOccurrence(schedule, MEETING);
    expect(next?.toISOString()).toBe('2026-12-08T08:00:00.000Z');
    const cancelledKey = occurrenceKey(MT.key, NEXT);
    const keuzes = [
      keuze('1', '2', 'Niet nodig', 'voor 1 december', cancelledKey),
      keuze('2', '3', 'Ook bespreken', undefined, cancelledKey),
    ];
    const after = next ?? NEXT;
    const a = composeAgenda({ mt: MT, occurrenceStart: after, now: NOW, acties: ACTIES, keuzes });
    expect(a.occurrence.key).toBe('mt-sociaal-domein|2026-12-08T08:00:00Z');
    expect(a).toEqual(composeAgenda({ mt: MT, occurrenceStart: after, now: NOW, acties: ACTIES }));
  });
});

describe('agendaKeuzeOpen', () => {
  it('is open until the card goes out, and never after a card was sent', () => {
    const kaartOm = new Date('2026-11-23T08:00:00Z');
    expect(agendaKeuzeOpen(new Date('2026-11-23T07:59:59Z'), kaartOm, false)).toBe(true);
    expect(agendaKeuzeOpen(kaartOm, kaartOm, false)).toBe(false);
    expect(agendaKeuzeOpen(new Date('2026-11-22T08:00:00Z'), kaartOm, true)).toBe(false);
  });
});
