import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../../../src/domain/plan/zoetermeer.js';
import { createBesluitenStore, decisionTexts } from '../../../src/data/besluiten-store.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

let sandbox: TestSandbox;
let siteId: string;
let mtId: string;
let actieId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = (
    await prepareSite(sandbox.graph(), sandbox.siteUrl, {
      plan: zoetermeerPlan,
      portfolio: zoetermeerPortfolio,
      kwartaaldoelen: zoetermeerKwartaaldoelen,
      mts: zoetermeerMTs,
    })
  ).site.id;
  mtId = (await sandbox.graph().getAll<{ id: string }>(`/sites/${siteId}/lists/MTs/items`))[0]!.id;
  actieId = (await sandbox.graph().getAll<{ id: string }>(`/sites/${siteId}/lists/Acties/items`))[0]!.id;
});
afterAll(async () => {
  await sandbox?.close();
});

describe('the decision log', () => {
  const vergadering = 'mt-cmt|2026-12-01T08:00:00Z';

  it('records a tick and a decision and lists them by occurrence', async () => {
    const store = createBesluitenStore(sandbox.graph(), siteId);
    await store.record({ tekst: '', vergadering, mtId, actieId, besproken: true, op: '2026-12-01T08:05:00Z' }, 'k-1');
    const decision = await store.record(
      { tekst: 'Budget vrijgemaakt', vergadering, mtId, actieId, besproken: true, op: '2026-12-01T08:10:00Z' },
      'k-2',
    );
    expect(decision.value).toMatchObject({
      tekst: 'Budget vrijgemaakt',
      vergadering,
      mtId,
      actieId,
      besproken: true,
      clientKey: 'k-2',
    });
    await store.record(
      { tekst: 'Andere vergadering', vergadering: 'mt-cmt|2026-12-15T08:00:00Z', mtId, besproken: false },
      'k-3',
    );

    const listed = await store.ofOccurrence(vergadering);
    expect(listed.map((b) => b.value.clientKey)).toEqual(['k-1', 'k-2']);
    expect(decisionTexts(listed)).toEqual(['Budget vrijgemaakt']);
    expect(await store.ofOccurrence('mt-cmt|2027-01-01T08:00:00Z')).toEqual([]);
  });

  it('stores a save with the same ClientKey once', async () => {
    const store = createBesluitenStore(sandbox.graph(), siteId);
    const key = 'k-dup';
    const input = { tekst: 'Eén keer', vergadering: 'mt-cmt|2026-12-08T08:00:00Z', mtId, besproken: true };
    const [a, b] = await Promise.all([store.record(input, key), store.record(input, key)]);
    const again = await store.record(input, key);
    expect(new Set([a.id, b.id, again.id]).size).toBe(1);
    expect(await store.ofOccurrence(input.vergadering)).toHaveLength(1);
  });
});

describe('the reminder job and the decision log', () => {
  it('puts the decisions of the previous meeting on the next agenda card', async () => {
    const { runReminderJob } = await import('../../../src/reminders/job.js');
    const { connectMtChannels, seedSite } = await import('../../support/seeded-site.js');
    const own = await startTestSandbox();
    try {
      const site = await seedSite(own.graph(), own.siteUrl);
      await connectMtChannels(own.graph(), site);
      const cards: string[] = [];
      const sender = {
        async send(_conversationId: string, card: unknown) {
          cards.push(JSON.stringify(card));
          return { messageId: String(1_700_000_000_000 + cards.length) };
        },
        async update() {
          throw new Error('not expected');
        },
      };
      const deps = {
        graph: own.graph(),
        siteId: site,
        siteUrl: own.siteUrl,
        sender,
        deepLinkFor: () => 'https://teams.microsoft.com/l/entity/x/actieplan',
      };
      // Monday 23 November 2026: the CMT of Tuesday 24 November gets its card.
      const first = await runReminderJob({ ...deps, now: new Date('2026-11-23T08:05:00Z'), claimant: 'run-1' });
      expect(first.outcomes.find((o) => o.mtKey === 'cmt')).toMatchObject({
        outcome: 'sent',
        key: 'cmt|2026-11-24T08:00:00Z',
      });
      expect(cards.join('')).not.toContain('Besluiten vorige vergadering');

      const cmtId = (
        await own
          .graph()
          .getAll<{ id: string; fields: { Sleutel?: string } }>(
            `/sites/${site}/lists/MTs/items?$expand=fields($select=Sleutel)`,
          )
      ).find((m) => m.fields.Sleutel === 'cmt')!.id;
      const store = createBesluitenStore(own.graph(), site);
      await store.record(
        {
          tekst: 'Pilot Copilot verlengen tot Q2',
          vergadering: 'cmt|2026-11-24T08:00:00Z',
          mtId: cmtId,
          besproken: true,
          op: '2026-11-24T08:20:00Z',
        },
        'job-1',
      );
      await store.record(
        {
          tekst: '',
          vergadering: 'cmt|2026-11-24T08:00:00Z',
          mtId: cmtId,
          besproken: true,
          op: '2026-11-24T08:25:00Z',
        },
        'job-2',
      );

      // `npm run reminders -- --preview` (and `--send-now`, which sends that card) shows them as the job does.
      const { prepareCard } = await import('../../../src/reminders/cli.js');
      const { loadCardContext, recordBesproken } = await import('../../../src/reminders/actions.js');
      const preview = await prepareCard({ ...deps, now: new Date('2026-11-30T08:05:00Z') }, 'cmt');
      expect(preview.decision.key).toBe('cmt|2026-12-01T08:00:00Z');
      expect(JSON.stringify(preview.card)).toContain('Besluiten vorige vergadering (1)');

      cards.length = 0;
      // Monday 30 November: the CMT of Tuesday 1 December; its card shows what 24 November decided.
      const second = await runReminderJob({
        ...deps,
        now: new Date('2026-11-30T08:05:00Z'),
        lastRunAt: new Date('2026-11-23T08:05:00Z'),
        claimant: 'run-2',
      });
      expect(second.outcomes.find((o) => o.mtKey === 'cmt')).toMatchObject({
        outcome: 'sent',
        key: 'cmt|2026-12-01T08:00:00Z',
      });
      const cmtCard = cards.find((c) => c.includes('Pilot Copilot'));
      expect(cmtCard).toBeDefined();
      expect(cmtCard).toContain('Besluiten vorige vergadering (1)');

      // Once sent and marked Besproken, the preview is the card as it stands in the channel: Besproken recorded,
      // no Besproken button, this meeting's decisions box, not a new card.
      const ctx = await loadCardContext(deps, 'cmt', 'cmt|2026-12-01T08:00:00Z');
      if ('problem' in ctx) throw new Error(ctx.message);
      await recordBesproken(deps, ctx, { displayName: 'Secretaris CMT' }, new Date('2026-12-01T08:30:00Z'));
      const sent = await prepareCard({ ...deps, now: new Date('2026-11-30T09:00:00Z') }, 'cmt');
      expect(sent.logged?.value.status).toBe('verzonden');
      const posted = JSON.stringify(sent.card);
      expect(posted).toContain('Besproken door Secretaris CMT');
      expect(posted).not.toContain('"verb":"besproken"');
      expect(posted).toContain('Besluiten vorige vergadering (1)');
    } finally {
      await own.close();
    }
  });
});
