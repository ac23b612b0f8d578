import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createMtsStore,
  loadMTSettings,
  MTConflictError,
  MTValidationError,
  type MTRegistration,
} from '../../../src/data/mts-store.js';
import { validationMessages } from '../../../src/domain/validation.js';
import { loadPlan } from '../../../src/data/plan-store.js';
import { seedSite } from '../../support/seeded-site.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';

let sandbox: TestSandbox;
let siteId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
});
afterAll(async () => {
  await sandbox?.close();
});

const since = new Date('2020-01-01T00:00:00Z');
async function mt(key: string): Promise<MTRegistration> {
  const { mts } = await loadMTSettings(sandbox.graph(), siteId, since);
  const found = mts.find((m) => m.value.key === key);
  if (!found) throw new Error(`no MT ${key} (have ${mts.map((m) => m.value.key).join(', ')})`);
  return found;
}
const firstKey = async () => (await loadMTSettings(sandbox.graph(), siteId, since)).mts[0]!.value.key;

describe('changing an MT registration', () => {
  it('reads every seeded MT with its schedule and no Beheerders, in one batch', async () => {
    const { mts, herinneringen } = await loadMTSettings(sandbox.graph(), siteId, since);
    expect(mts.length).toBeGreaterThanOrEqual(5);
    expect(mts.every((m) => m.value.schema && m.beheerders.length === 0)).toBe(true);
    expect(herinneringen).toEqual([]);
  });

  it('writes a valid change (lead time, schedule, channel, Beheerders) and reads it back with a new eTag', async () => {
    const key = await firstKey();
    const before = await mt(key);
    const users = (await loadPlan(sandbox.graph(), siteId)).users;
    const beheerder = users.find((u) => u.email?.startsWith('informatiemanager.sociaal-domein'));
    expect(beheerder?.id).toBeDefined();
    const store = createMtsStore(sandbox.graph(), siteId);
    const after = await store.update(before, {
      voorlooptijdMinuten: 120,
      schema: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=45',
      channelId: '19:kanaal@thread.tacv2',
      beheerders: [beheerder!.id!],
    });
    expect(after.eTag).not.toBe(before.eTag);
    const read = await mt(key);
    expect(read.value).toMatchObject({
      voorlooptijdMinuten: 120,
      schema: 'FREQ=WEEKLY;BYDAY=MO;BYHOUR=8;BYMINUTE=45',
      channelId: '19:kanaal@thread.tacv2',
    });
    expect(read.value.domeinen).toEqual(before.value.domeinen);
    expect(read.beheerders.map((b) => b.id)).toEqual([beheerder!.id]);
    expect(read.beheerders[0]?.displayName).toBe(beheerder!.displayName);

    // Clearing the lead time means the default again (working day before, 09:00).
    await store.update(read, { voorlooptijdMinuten: undefined, beheerders: [] });
    const cleared = await mt(key);
    expect(cleared.value.voorlooptijdMinuten).toBeUndefined();
    expect(cleared.beheerders).toEqual([]);
  });

  it('refuses a schedule that is no RRULE with a Dutch message naming the wrong part, and writes nothing', async () => {
    const key = await firstKey();
    const before = await mt(key);
    const store = createMtsStore(sandbox.graph(), siteId);
    const error = await store.update(before, { schema: 'FREQ=WEEKLY;BYDAY=XX;BYHOUR=9' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MTValidationError);
    const issues = (error as MTValidationError).issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]).toEqual({
      path: 'schema',
      message: validationMessages.schemaOnderdeelOngeldig('BYDAY=XX'),
    });

    const noTime = await store.update(before, { schema: 'FREQ=WEEKLY;BYDAY=TU' }).catch((e: unknown) => e);
    expect((noTime as MTValidationError).issues.map((i) => i.message)).toEqual([validationMessages.schemaZonderTijd]);
    const negative = await store.update(before, { voorlooptijdMinuten: -5, domeinen: [] }).catch((e: unknown) => e);
    expect((negative as MTValidationError).issues.map((i) => i.path).sort()).toEqual([
      'domeinen',
      'voorlooptijdMinuten',
    ]);
    expect((await mt(key)).eTag).toBe(before.eTag);
  });

  it("two people edit one MT: the second gets the typed conflict with the first one's version, and can apply theirs on it", async () => {
    const key = await firstKey();
    const seenByA = await mt(key);
    const seenByB = await mt(key);
    const store = createMtsStore(sandbox.graph(), siteId);
    await store.update(seenByA, { voorlooptijdMinuten: 30 });
    const error = await store.update(seenByB, { actief: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MTConflictError);
    const conflict = error as MTConflictError;
    expect(conflict.mine).toEqual({ actief: false });
    expect(conflict.theirs?.value.voorlooptijdMinuten).toBe(30);
    expect(conflict.theirs?.eTag).not.toBe(seenByB.eTag);
    const merged = await store.update(conflict.theirs!, conflict.mine);
    expect(merged.value).toMatchObject({ voorlooptijdMinuten: 30, actief: false });
  });
});

describe('the name of an MT', () => {
  it('a new MT with the name of another (case and spaces aside) is refused and nothing is written', async () => {
    const store = createMtsStore(sandbox.graph(), siteId);
    const cmt = await mt('cmt');
    const before = (await loadMTSettings(sandbox.graph(), siteId, since)).mts.length;
    const refused = await store
      .create('cmt-2', { naam: `  ${cmt.value.naam.toUpperCase()} `, domeinen: ['Concern'] })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MTValidationError);
    expect((refused as MTValidationError).issues).toContainEqual({
      path: 'naam',
      message: validationMessages.mtNaamBestaat(cmt.value.naam),
    });
    expect((await loadMTSettings(sandbox.graph(), siteId, since)).mts).toHaveLength(before);
  });

  it('renaming an MT to another’s name is refused; keeping its own name, or a new one, is not', async () => {
    const store = createMtsStore(sandbox.graph(), siteId);
    const cmt = await mt('cmt');
    const other = (await loadMTSettings(sandbox.graph(), siteId, since)).mts.find((m) => m.value.key !== 'cmt')!;
    await expect(store.update(other, { naam: cmt.value.naam })).rejects.toBeInstanceOf(MTValidationError);
    const same = await store.update(cmt, { naam: cmt.value.naam.toLowerCase() });
    expect(same.value.naam).toBe(cmt.value.naam.toLowerCase());
    const renamed = await store.update(same, { naam: 'Concernmanagementteam' });
    expect(renamed.value.naam).toBe('Concernmanagementteam');
  });
});
