import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zoetermeerKwartaaldoelen, zoetermeerPortfolio } from '../../../src/domain/plan/zoetermeer.js';
import {
  createPortfolioStore,
  loadPortfolio,
  PortfolioConflictError,
  PortfolioValidationError,
  type LoadedPortfolio,
} from '../../../src/data/portfolio-store.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';
import { validationMessages as M } from '../../../src/domain/messages.js';

let sandbox: TestSandbox;
let siteId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
});
afterAll(async () => {
  await sandbox?.close();
});

const fresh = (): Promise<LoadedPortfolio> => loadPortfolio(sandbox.graph(), siteId);
const find = (p: LoadedPortfolio, key: string) => {
  const found = p.items.find((i) => i.value.key === key);
  if (!found) throw new Error(`no portfolio item ${key}`);
  return found;
};

describe('reading the portfolio', () => {
  it('reads every seeded item with its people and action links, and every quarter goal, sorted by IMO priority', async () => {
    const p = await fresh();
    expect(p.items).toHaveLength(zoetermeerPortfolio.length);
    expect(p.kwartaaldoelen).toHaveLength(zoetermeerKwartaaldoelen.length);
    expect(p.items[0]?.value.prioriteit).toBe(1);
    const zaak = find(p, 'zaaksysteem');
    expect(zaak.value.acties).toEqual(['6.1', '6.2', '7.1']);
    expect(zaak.value.informatiemanager?.displayName).toBe('Informatiemanager Dienstverlening');
    // No seed names an opdrachtgever for the sample initiatives: none is invented.
    expect(p.items.every((i) => i.value.opdrachtgever === undefined)).toBe(true);
    expect(zaak.problems).toEqual([]);
    expect(p.kwartaaldoelen.every((d) => p.items.some((i) => i.value.key === d.value.portfolioKey))).toBe(true);
    expect(p.actieIdByNummer.size).toBe(33);
  });

  it('reads everything in one $batch round trip', async () => {
    const calls: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    await loadPortfolio(sandbox.graph({ fetch: counting }), siteId);
    expect(calls.filter((u) => !u.includes('/oauth2/'))).toHaveLength(1);
    expect(calls.some((u) => u.endsWith('/$batch'))).toBe(true);
  });
});

describe('editing the portfolio', () => {
  it('writes a valid change with If-Match and reads it back with a new eTag', async () => {
    const p = await fresh();
    const store = createPortfolioStore(sandbox.graph(), siteId, p);
    const before = find(p, 'burgerportaal');
    const after = await store.update(before, {
      status: 'Aandacht',
      statusToelichting: 'Leverancier loopt achter',
      acties: ['6.1', '1.2'],
    });
    expect(after.eTag).not.toBe(before.eTag);
    const reread = find(await fresh(), 'burgerportaal');
    expect(reread.value).toMatchObject({ status: 'Aandacht', statusToelichting: 'Leverancier loopt achter' });
    expect(reread.value.acties.slice().sort()).toEqual(['1.2', '6.1']);
  });

  it('writes nothing for an empty change: the same version, no request', async () => {
    const p = await fresh();
    const calls: string[] = [];
    const graph = sandbox.graph();
    const store = createPortfolioStore(
      { ...graph, patch: (path, body, init) => (calls.push(path), graph.patch(path, body, init)) },
      siteId,
      p,
    );
    const before = find(p, 'burgerportaal');
    expect(await store.update(before, {})).toBe(before);
    expect(calls).toEqual([]);
    expect(find(await fresh(), 'burgerportaal').eTag).toBe(before.eTag);
  });

  it('writes the I&A contact, reads it back, and clears it again', async () => {
    const p = await fresh();
    const store = createPortfolioStore(sandbox.graph(), siteId, p);
    const contact = p.users.find((u) => u.id && u.displayName);
    if (!contact) throw new Error('no site user');
    const before = find(p, 'hr-analytics');
    const after = await store.update(before, { iaContact: contact });
    expect(after.value.iaContact).toMatchObject({ id: contact.id, displayName: contact.displayName });
    const reread = find(await fresh(), 'hr-analytics');
    expect(reread.value.iaContact).toMatchObject({ id: contact.id, displayName: contact.displayName });
    expect(reread.problems).toEqual([]);
    const cleared = await store.update(reread, { iaContact: undefined });
    expect(cleared.value.iaContact).toBeUndefined();
    expect(find(await fresh(), 'hr-analytics').value.iaContact).toBeUndefined();
  });

  it('reads the history from SharePoint versions: who changed the status and priority, from what to what', async () => {
    const p = await fresh();
    const store = createPortfolioStore(sandbox.graph(), siteId, p);
    const before = find(p, 'kaart-ondergrond');
    const oldStatus = before.value.status;
    const oldPriority = before.value.prioriteit;
    const newStatus = oldStatus === 'Aandacht' ? 'Op koers' : 'Aandacht';
    const newPriority = (oldPriority ?? 0) + 5;
    await store.update(before, { status: newStatus, prioriteit: newPriority });
    const history = await store.history(before.id);
    expect(history.length).toBeGreaterThanOrEqual(2);
    const [latest] = history;
    expect(latest?.modifiedBy).toBeTruthy();
    expect(latest?.changes).toEqual(
      expect.arrayContaining([
        { key: 'status', field: 'Status', from: oldStatus, to: newStatus },
        {
          key: 'prioriteit',
          field: 'Prioriteit (IMO)',
          from: oldPriority === undefined ? '' : String(oldPriority),
          to: String(newPriority),
        },
      ]),
    );
    expect(latest?.changes).toHaveLength(2);
    // The first version sets the fields it was created with.
    expect(history.at(-1)?.changes).toEqual(
      expect.arrayContaining([{ key: 'titel', field: 'Initiatief', from: '', to: before.value.titel }]),
    );
  });

  it("refuses an invalid change with the domain's Dutch message and writes nothing", async () => {
    const p = await fresh();
    const store = createPortfolioStore(sandbox.graph(), siteId, p);
    const before = find(p, 'rpa');
    const error = await store
      .update(before, { status: 'Kritiek', statusToelichting: undefined, einde: '2020-01-01', start: '2026-01-01' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortfolioValidationError);
    const messages = (error as PortfolioValidationError).issues.map((i) => i.message);
    expect(messages).toContainEqual(M.toelichtingKritiek);
    expect(messages).toContainEqual(M.eindeVoorStart);
    // The error's own text is the domain's Dutch.
    expect((error as Error).message).toContain(
      'Geef een toelichting: bij portfoliostatus Kritiek is een reden verplicht.',
    );
    expect((error as Error).message).toContain('De einddatum mag niet voor de startdatum liggen.');
    expect(find(await fresh(), 'rpa').eTag).toBe(before.eTag);
  });

  it('two people edit one item: the second gets the typed conflict with their version, and can merge onto it', async () => {
    const a = await fresh();
    const b = await fresh();
    const alice = createPortfolioStore(sandbox.graph(), siteId, a);
    const bob = createPortfolioStore(sandbox.graph(), siteId, b);
    await alice.update(find(a, 'archiefwet'), { prioriteit: 3 });
    const error = await bob.update(find(b, 'archiefwet'), { fase: 'Uitvoering' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PortfolioConflictError);
    const conflict = error as PortfolioConflictError;
    expect(conflict.mine).toEqual({ fase: 'Uitvoering' });
    expect(conflict.theirs?.value.prioriteit).toBe(3);
    const merged = await bob.update(conflict.theirs!, conflict.mine);
    expect(merged.value).toMatchObject({ prioriteit: 3, fase: 'Uitvoering' });
  });

  it('creates an item once, deduplicated by its ClientKey, and adds and updates its quarter goals', async () => {
    const p = await fresh();
    const store = createPortfolioStore(sandbox.graph(), siteId, p);
    const created = await store.create({
      key: 'test-e-facturatie',
      titel: 'Automatisering facturatieproces',
      omschrijving: 'E-facturen automatisch verwerken.',
      domein: 'Bedrijfsvoering',
      fase: 'Idee',
      status: 'Op koers',
      ditKwartaal: 'niet',
      start: '2026-10-01',
      einde: '2027-03-31',
      acties: ['7.1'],
    });
    expect(created.value).toMatchObject({
      key: 'test-e-facturatie',
      start: '2026-10-01',
      einde: '2027-03-31',
      acties: ['7.1'],
    });
    await expect(store.create({ ...created.value, titel: 'Dubbel' })).rejects.toThrow();
    const doel = await store.createKwartaaldoel({
      portfolioKey: 'test-e-facturatie',
      kwartaal: '2026-Q4',
      doel: 'Businesscase klaar',
    });
    expect(doel.value).toMatchObject({
      portfolioKey: 'test-e-facturatie',
      kwartaal: '2026-Q4',
      doel: 'Businesscase klaar',
    });
    await expect(store.updateKwartaaldoel(doel, { behaald: 'nee' })).rejects.toBeInstanceOf(PortfolioValidationError);
    const done = await store.updateKwartaaldoel(doel, { behaald: 'deels', reden: 'Capaciteit I&A' });
    expect(done.value).toMatchObject({ behaald: 'deels', reden: 'Capaciteit I&A' });
    const again = await fresh();
    expect(again.items.filter((i) => i.value.key === 'test-e-facturatie')).toHaveLength(1);
    expect(again.kwartaaldoelen.find((d) => d.value.portfolioKey === 'test-e-facturatie')?.value.behaald).toBe('deels');
  });
  it("corrects a goal's text and quarter (the title follows), and deletes a goal only in the version that was read", async () => {
    const p = await fresh();
    const store = createPortfolioStore(sandbox.graph(), siteId, p);
    const key = p.items[0]!.value.key;
    const doel = await store.createKwartaaldoel({ portfolioKey: key, kwartaal: '2026-Q4', doel: 'Pilto afgerond' });
    const fixed = await store.updateKwartaaldoel(doel, { doel: 'Pilot afgerond', kwartaal: '2027-Q1' });
    expect(fixed.value).toMatchObject({ portfolioKey: key, kwartaal: '2027-Q1', doel: 'Pilot afgerond' });
    const raw = await sandbox
      .graph()
      .get<{ fields: Record<string, unknown> }>(
        `/sites/${siteId}/lists/Kwartaaldoelen/items/${doel.id}?$expand=fields`,
      );
    expect(raw.fields.Title).toBe('2027-Q1: Pilot afgerond');
    // The stale version (before the correction) deletes nothing: a conflict with their version.
    const conflict = await store.removeKwartaaldoel(doel).catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(PortfolioConflictError);
    expect((conflict as PortfolioConflictError).theirs?.value).toMatchObject({ doel: 'Pilot afgerond' });
    expect((await fresh()).kwartaaldoelen.some((d) => d.id === doel.id)).toBe(true);
    // The version read deletes it; deleting what is gone already is done.
    await store.removeKwartaaldoel(fixed);
    expect((await fresh()).kwartaaldoelen.some((d) => d.id === doel.id)).toBe(false);
    await expect(store.removeKwartaaldoel(fixed)).resolves.toBeUndefined();
    // A change to the deleted goal: the conflict without their version (Graph answers 404), nothing created.
    const late = await store.updateKwartaaldoel(fixed, { reden: 'Te laat' }).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(PortfolioConflictError);
    expect((late as PortfolioConflictError).theirs).toBeUndefined();
    expect((await fresh()).kwartaaldoelen.some((d) => d.id === doel.id)).toBe(false);
  });

  it("refuses an outcome for a quarter that has not begun, and writes nothing; a stored one's text can still be corrected", async () => {
    const p = await fresh();
    const key = p.items[1]!.value.key;
    // 15 November 2026 (Q4), and 1 February 2027 (Q1), as the store's clock.
    const november = createPortfolioStore(sandbox.graph(), siteId, p, () => new Date('2026-11-15T10:00:00Z'));
    const february = createPortfolioStore(sandbox.graph(), siteId, p, () => new Date('2027-02-01T10:00:00Z'));
    const refused = (e: unknown) => (e instanceof PortfolioValidationError ? e.issues : e);
    const before = (await fresh()).kwartaaldoelen.length;
    const early = await november
      .createKwartaaldoel({ portfolioKey: key, kwartaal: '2027-Q1', doel: 'Vooruit behaald', behaald: 'ja' })
      .catch(refused);
    expect(early).toEqual([{ path: 'behaald', message: M.behaaldTeVroeg }]);
    expect((await fresh()).kwartaaldoelen).toHaveLength(before);
    // Without an outcome the later quarter's goal is fine; its outcome only once the quarter has begun.
    const doel = await november.createKwartaaldoel({ portfolioKey: key, kwartaal: '2027-Q1', doel: 'Livegang' });
    await expect(november.updateKwartaaldoel(doel, { behaald: 'ja' }).catch(refused)).resolves.toEqual([
      { path: 'behaald', message: M.behaaldTeVroeg },
    ]);
    // Moved to the current quarter in the same change, the outcome may be recorded.
    const moved = await november.updateKwartaaldoel(doel, { kwartaal: '2026-Q4', behaald: 'ja' });
    expect(moved.value).toMatchObject({ kwartaal: '2026-Q4', behaald: 'ja' });
    // Moving a goal with an outcome to a later quarter is refused too.
    await expect(november.updateKwartaaldoel(moved, { kwartaal: '2027-Q2' }).catch(refused)).resolves.toEqual([
      { path: 'behaald', message: M.behaaldTeVroeg },
    ]);
    // Stored with an outcome in its own quarter (February), the goal is later read in November (a clock that was
    // wrong, an import): its text can be corrected, its outcome cleared.
    const recorded = await february.createKwartaaldoel({
      portfolioKey: key,
      kwartaal: '2027-Q1',
      doel: 'Livegang gehaald',
      behaald: 'ja',
    });
    const corrected = await november.updateKwartaaldoel(recorded, { doel: 'Livegang van het portaal gehaald' });
    expect(corrected.value).toMatchObject({ doel: 'Livegang van het portaal gehaald', behaald: 'ja' });
    const cleared = await november.updateKwartaaldoel(corrected, { behaald: undefined });
    expect(cleared.value.behaald).toBeUndefined();
  });
});
