import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeAgenda, occurrenceKey } from '../../../src/domain/agenda.js';
import {
  AgendaKeuzeConflictError,
  AgendaKeuzeValidationError,
  createAgendaKeuzesStore,
} from '../../../src/data/agendakeuzes-store.js';
import { loadPlanCold } from '../../../src/data/plan-sync.js';
import { loadReminderData } from '../../../src/data/reminder-data.js';
import { listPath } from '../../../src/data/site.js';
import type { ListItem } from '../../../src/data/lists/list-definition.js';
import type { AgendaCard } from '../../../src/reminders/card.js';
import { runReminderJob, type CardSender } from '../../../src/reminders/job.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { connectMtChannels, seedSite } from '../../support/seeded-site.js';

let sandbox: TestSandbox;
let siteId: string;

// The seeded CMT meets on Tuesdays at 09:00; its card for 24 November 2026 goes out on Monday 23 at 09:00.
const MEETING = new Date('2026-11-24T08:00:00Z');
const NEXT = new Date('2026-12-01T08:00:00Z');
const MONDAY_MORNING = new Date('2026-11-23T08:05:00Z');
const KEY = occurrenceKey('cmt', MEETING);

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  await connectMtChannels(sandbox.graph(), siteId);
});
afterAll(async () => {
  await sandbox?.close();
});

async function items(): Promise<ListItem[]> {
  return sandbox.graph().getAll<ListItem>(`${listPath(siteId, 'Agendakeuzes')}/items?$expand=fields`);
}

/** The CMT's agenda as composed without choices: one action it lists, and one action it does not. */
async function candidates() {
  const { plan } = await loadPlanCold(sandbox.graph(), sandbox.siteUrl);
  const data = await loadReminderData(sandbox.graph(), siteId, new Date('2026-10-01T00:00:00Z'));
  const cmt = data.mts.find((m) => m.value.key === 'cmt')!;
  const base = composeAgenda({
    mt: cmt.value,
    occurrenceStart: MEETING,
    nextOccurrenceStart: NEXT,
    now: MONDAY_MORNING,
    acties: plan.acties,
  });
  const listed = [...base.overdue, ...base.dueBeforeNextMeeting, ...base.blocked, ...base.withoutOwner];
  const drop = listed[0]!;
  const listedIds = new Set(listed.map((a) => a.id));
  // Every open CMT action is on its agenda already: the one to add is another domain's.
  const added = plan.acties.find((a) => !listedIds.has(a.id) && !a.value.domeinen.includes('Concern'))!;
  return { plan, drop, add: { id: added.id, nummer: added.value.nummer } };
}

describe('the Agendakeuzes list (issue 14.3), against the sandbox', () => {
  it('validates first, creates once per action and meeting, updates with If-Match and withdraws', async () => {
    const { drop } = await candidates();
    const store = createAgendaKeuzesStore(sandbox.graph(), siteId);
    const write = {
      vergadering: KEY,
      vergadermoment: '2026-11-24T08:00:00Z',
      actieId: drop.id,
      actieNummer: drop.nummer,
      keuze: 'Niet nodig' as const,
      doorNaam: 'Secretaris CMT',
      op: '2026-11-20T10:00:00Z',
    };
    // No reason: refused, naming the field, and nothing is written.
    const refused = await store.kiezen({ ...write, reden: '   ' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AgendaKeuzeValidationError);
    expect(refused).toMatchObject({ veld: 'reden' });
    expect(await items()).toHaveLength(0);

    const created = await store.kiezen({ ...write, reden: ' Loopt via de stuurgroep ' });
    expect(created.value).toEqual({
      vergadering: KEY,
      actieId: drop.id,
      keuze: 'Niet nodig',
      reden: 'Loopt via de stuurgroep',
      doorNaam: 'Secretaris CMT',
      op: '2026-11-20T10:00:00Z',
    });
    // The same create again (a lost answer, a double click): the stored item, not a second one.
    const again = await store.kiezen({ ...write, reden: 'Loopt via de stuurgroep' });
    expect(again.id).toBe(created.id);
    // A different create for the same action and meeting (someone who had not seen the first) is a conflict.
    const raced = await store.kiezen({ ...write, keuze: 'Ook bespreken' }).catch((e: unknown) => e);
    expect(raced).toBeInstanceOf(AgendaKeuzeConflictError);
    expect((raced as AgendaKeuzeConflictError).theirs?.value.keuze).toBe('Niet nodig');
    expect(await items()).toHaveLength(1);
    expect((await items())[0]?.fields).toMatchObject({
      ClientKey: `agendakeuze:${KEY}|${drop.id}`,
      Title: `${drop.nummer} Niet nodig`,
      ActieLookupId: drop.id,
    });

    // An update with the eTag read: every field in one write; the old eTag then conflicts.
    const changed = await store.kiezen({ ...write, reden: 'Besproken in de stuurgroep van 19 november' }, created);
    expect(changed.value.reden).toBe('Besproken in de stuurgroep van 19 november');
    const stale = await store.kiezen({ ...write, reden: 'oud' }, created).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AgendaKeuzeConflictError);
    expect((stale as AgendaKeuzeConflictError).theirs?.value.reden).toBe('Besproken in de stuurgroep van 19 november');
    expect((await store.ofVergadering(KEY)).map((k) => k.value.reden)).toEqual([
      'Besproken in de stuurgroep van 19 november',
    ]);
    expect(await store.ofVergadering(occurrenceKey('cmt', NEXT))).toEqual([]);

    // Withdrawing on the old eTag conflicts; on the current one the item is gone.
    await expect(store.intrekken({ ...created, actieNummer: drop.nummer })).rejects.toBeInstanceOf(
      AgendaKeuzeConflictError,
    );
    await store.intrekken({ ...changed, actieNummer: drop.nummer });
    expect(await items()).toHaveLength(0);
  });

  it("the reminder job reads the choices in its one batch and sends the card with them; the next meeting's card without", async () => {
    const { drop, add } = await candidates();
    const store = createAgendaKeuzesStore(sandbox.graph(), siteId);
    const common = { vergadering: KEY, vergadermoment: '2026-11-24T08:00:00Z', op: '2026-11-20T10:00:00Z' };
    await store.kiezen({
      ...common,
      actieId: drop.id,
      actieNummer: drop.nummer,
      keuze: 'Niet nodig',
      reden: 'Staat <b>al</b> op de **IMO**-agenda',
    });
    await store.kiezen({ ...common, actieId: add.id, actieNummer: add.nummer, keuze: 'Ook bespreken' });

    const data = await loadReminderData(sandbox.graph(), siteId, new Date('2026-10-01T00:00:00Z'));
    expect(data.agendakeuzes.map((k) => k.value.keuze).sort()).toEqual(['Niet nodig', 'Ook bespreken']);

    const sent: AgendaCard[] = [];
    const sender: CardSender = {
      async send(_conversationId, card) {
        sent.push(card);
        return { messageId: String(sent.length) };
      },
      async update() {
        throw new Error('not expected');
      },
    };
    const report = await runReminderJob({
      graph: sandbox.graph(),
      siteId,
      siteUrl: sandbox.siteUrl,
      sender,
      claimant: 'keuzes-1',
      now: MONDAY_MORNING,
      deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan',
    });
    const cmt = report.outcomes.find((o) => o.mtKey === 'cmt');
    expect(cmt).toMatchObject({ outcome: 'sent', key: KEY });
    const card = sent.find((c) => (c.fallbackText ?? '').includes('CMT'))!;
    const json = JSON.stringify(card.body);
    const escapedNummer = (n: string) => n.replace('.', '\\\\.');
    expect(json).toContain('Ook bespreken (1)');
    expect(json).toContain('Niet nodig deze vergadering (1)');
    expect(json).toContain('Reden: Staat \\\\<b\\\\>al\\\\</b\\\\> op de \\\\*\\\\*IMO\\\\*\\\\*-agenda');
    // The dropped action is listed once: under Niet nodig, in no other section.
    const rows = json.split(`**${escapedNummer(drop.nummer)}**`).length - 1;
    const rowsPlain = json.split(`**${drop.nummer}**`).length - 1;
    expect(rows + rowsPlain).toBe(1);
    expect(json.includes(`**${escapedNummer(add.nummer)}**`) || json.includes(`**${add.nummer}**`)).toBe(true);

    // A week later the card for 1 December carries none of them: the choices belonged to the meeting of 24 November.
    const later = await runReminderJob({
      graph: sandbox.graph(),
      siteId,
      siteUrl: sandbox.siteUrl,
      sender,
      claimant: 'keuzes-2',
      now: new Date('2026-11-30T08:05:00Z'),
      deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan',
    });
    expect(later.outcomes.find((o) => o.mtKey === 'cmt')).toMatchObject({
      outcome: 'sent',
      key: occurrenceKey('cmt', NEXT),
    });
    const next = JSON.stringify(sent.at(-1)?.body);
    expect(sent.at(-1)?.fallbackText).toContain('CMT');
    expect(next).not.toContain('Ook bespreken');
    expect(next).not.toContain('Niet nodig deze vergadering');
  });
});
