import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  Graph,
  IM_SOCIAAL,
  personaToken,
  PORTFOLIOMANAGER,
  startTestSandbox,
  type Fields,
  type Item,
  type TestSandbox,
} from './helpers.js';

const ETAG = /^"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\},(\d+)"$/;

describe('sandbox list items', () => {
  let t: TestSandbox;
  let siteId: string;
  let adviezen: string;
  let acties: string;
  let base: string;
  let imLookupId: string;
  let pmLookupId: string;

  async function lookupIdOf(upn: string): Promise<string> {
    const res = await t.app.get(
      `/sites/${siteId}/lists/User Information List/items?$expand=fields&$filter=${encodeURIComponent(`fields/UserName eq '${upn}'`)}`,
    );
    const items = (res.body as { value: Item[] }).value;
    if (items.length !== 1) throw new Error(`persona ${upn} not found: ${res.text}`);
    return items[0]!.id;
  }

  async function create(fields: Fields, graph: Graph = t.app): Promise<Item> {
    const res = await graph.post(`${base}/items`, { fields });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.body as Item;
  }

  async function itemCount(): Promise<number> {
    return ((await t.app.get(`${base}/items?$top=5000`)).body as { value: unknown[] }).value.length;
  }

  beforeAll(async () => {
    t = await startTestSandbox();
    siteId = await t.app.siteId();
    adviezen = await t.app.createList('Adviezen', [
      { name: 'Nummer', number: {}, indexed: true, enforceUniqueValues: true },
    ]);
    acties = await t.app.createList('Acties', [
      { name: 'Nummer', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Advies', lookup: { listId: adviezen, columnName: 'Title' } },
      { name: 'Status', choice: { choices: ['Niet gestart', 'Loopt', 'Afgerond'] }, indexed: true },
      {
        name: 'Domeinen',
        choice: { choices: ['Bedrijfsvoering', 'Dienstverlening', 'Concern'], displayAs: 'checkBoxes' },
      },
      { name: 'Eigenaar', personOrGroup: {}, indexed: true },
      { name: 'Betrokkenen', personOrGroup: { allowMultipleSelection: true } },
      { name: 'Deadline', dateTime: { format: 'dateOnly' }, indexed: true },
      { name: 'Gepland', dateTime: { format: 'dateTime' } },
      { name: 'Prioriteit', number: { minimum: 1, maximum: 5 } },
      { name: 'Actief', boolean: {} },
      { name: 'Code', text: { maxLength: 5 } },
      { name: 'Toelichting', text: { allowMultipleLines: true } },
      { name: 'Verplicht', text: {}, required: true },
      { name: 'Geheim', text: {}, hidden: true },
    ]);
    base = `/sites/${siteId}/lists/${acties}`;
    const added = await t.app.post(`${base}/columns`, {
      name: 'AfhankelijkVan',
      lookup: { listId: acties, allowMultipleValues: true },
    });
    expect(added.status).toBe(201);
    imLookupId = await lookupIdOf(IM_SOCIAAL);
    pmLookupId = await lookupIdOf(PORTFOLIOMANAGER);
  });
  afterAll(async () => {
    await t.stop();
  });

  it('creates (201), reads (200), updates fields (200) and deletes (204) an item', async () => {
    const created = await t.app.post(`${base}/items`, {
      fields: { Title: 'Eerste', Verplicht: 'ja', Nummer: '1.1', Status: 'Niet gestart' },
    });
    expect(created.status).toBe(201);
    const item = created.body as Item & Record<string, unknown>;
    expect(item.id).toMatch(/^\d+$/);
    expect(item.eTag).toMatch(ETAG);
    expect(item.eTag.endsWith(',1"')).toBe(true);
    expect(item.fields['@odata.etag']).toBe(item.eTag);
    expect(created.headers.get('etag')).toBe(item.eTag);
    expect(created.headers.get('location')).toBe(
      `${t.sandbox.graphUrl}/sites/${siteId}/lists/${acties}/items/${item.id}`,
    );
    expect(item.fields).toMatchObject({
      Title: 'Eerste',
      Nummer: '1.1',
      Status: 'Niet gestart',
      id: item.id,
      _UIVersionString: '1.0',
      ContentType: 'Item',
    });
    expect(item['createdDateTime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const read = await t.app.get(`${base}/items/${item.id}`);
    expect(read.status).toBe(200);
    expect((read.body as Item).fields['Title']).toBe('Eerste');
    expect(read.headers.get('etag')).toBe(item.eTag);

    const patched = await t.app.patch(`${base}/items/${item.id}/fields`, { Status: 'Loopt' });
    expect(patched.status).toBe(200);
    const fields = patched.body as Fields;
    expect(fields['Status']).toBe('Loopt');
    expect(fields['Title']).toBe('Eerste');
    expect(fields['@odata.etag']).toMatch(ETAG);
    expect(fields['@odata.etag']).not.toBe(item.eTag);
    expect(patched.headers.get('etag')).toBe(fields['@odata.etag']);

    const onlyFields = await t.app.get(`${base}/items/${item.id}/fields`);
    expect((onlyFields.body as Fields)['Status']).toBe('Loopt');

    const deleted = await t.app.delete(`${base}/items/${item.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const gone = await t.app.get(`${base}/items/${item.id}`);
    expect(gone.status).toBe(404);
    expect(errorOf(gone).code).toBe('itemNotFound');
    expect((await t.app.delete(`${base}/items/${item.id}`)).status).toBe(404);
  });

  it('changes the eTag on every write, counting the version', async () => {
    const item = await create({ Title: 'Versies', Verplicht: 'ja' });
    const seen = new Set([item.eTag]);
    let last = item.eTag;
    for (const [i, status] of ['Loopt', 'Afgerond', 'Loopt'].entries()) {
      const res = await t.app.patch(`${base}/items/${item.id}/fields`, { Status: status });
      const etag = String((res.body as Fields)['@odata.etag']);
      expect(etag).toMatch(ETAG);
      expect(ETAG.exec(etag)?.[1]).toBe(String(i + 2));
      expect(etag.slice(0, 40)).toBe(last.slice(0, 40));
      expect((res.body as Fields)['_UIVersionString']).toBe(`${i + 2}.0`);
      seen.add(etag);
      last = etag;
    }
    expect(seen.size).toBe(4);
  });

  it('answers 412 preconditionFailed for a stale If-Match, and changes nothing', async () => {
    const item = await create({ Title: 'Conflict', Verplicht: 'ja', Status: 'Niet gestart' });
    const fresh = await t.app.patch(`${base}/items/${item.id}/fields`, { Status: 'Loopt' }, { 'If-Match': item.eTag });
    expect(fresh.status).toBe(200);
    const current = String((fresh.body as Fields)['@odata.etag']);

    const stale = await t.app.patch(
      `${base}/items/${item.id}/fields`,
      { Status: 'Afgerond' },
      { 'If-Match': item.eTag },
    );
    expect(stale.status).toBe(412);
    expect(errorOf(stale).code).toBe('preconditionFailed');
    const after = (await t.app.get(`${base}/items/${item.id}`)).body as Item;
    expect(after.fields['Status']).toBe('Loopt');
    expect(after.eTag).toBe(current);

    const staleDelete = await t.app.delete(`${base}/items/${item.id}`, { 'If-Match': item.eTag });
    expect(staleDelete.status).toBe(412);
    expect((await t.app.get(`${base}/items/${item.id}`)).status).toBe(200);

    expect(
      (await t.app.patch(`${base}/items/${item.id}/fields`, { Status: 'Afgerond' }, { 'If-Match': '*' })).status,
    ).toBe(200);
    const latest = ((await t.app.get(`${base}/items/${item.id}`)).body as Item).eTag;
    expect((await t.app.delete(`${base}/items/${item.id}`, { 'If-Match': latest })).status).toBe(204);
  });

  it("renders Graph's error body with innerError and echoes client-request-id", async () => {
    const res = await t.app.request(
      'PATCH',
      `${base}/items/999999/fields`,
      { Status: 'Loopt' },
      { 'client-request-id': 'my-correlation-id' },
    );
    expect(res.status).toBe(404);
    const body = res.body as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error['code']).toBe('itemNotFound');
    expect(typeof body.error['message']).toBe('string');
    const inner = body.error['innerError'] as Record<string, string>;
    expect(inner['date']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(inner['request-id']).toBe(res.headers.get('request-id'));
    expect(inner['client-request-id']).toBe('my-correlation-id');
    expect(res.headers.get('client-request-id')).toBe('my-correlation-id');
  });

  it('refuses invalid writes with 400 and creates nothing', async () => {
    const before = await itemCount();
    const cases: Array<[string, Fields]> = [
      ['unknown field', { Title: 'x', Verplicht: 'ja', Onbekend: 1 }],
      ['choice outside choices', { Title: 'x', Verplicht: 'ja', Status: 'Misschien' }],
      ['missing required field', { Title: 'x' }],
      ['missing Title', { Verplicht: 'ja' }],
      ['person that is no site user', { Title: 'x', Verplicht: 'ja', EigenaarLookupId: '4242' }],
      ['person written by name', { Title: 'x', Verplicht: 'ja', Eigenaar: 'Gemeentesecretaris' }],
      ['number above maximum', { Title: 'x', Verplicht: 'ja', Prioriteit: 9 }],
      ['number as text', { Title: 'x', Verplicht: 'ja', Prioriteit: 'drie' }],
      ['text over maxLength', { Title: 'x', Verplicht: 'ja', Code: 'zeslang' }],
      ['read-only field', { Title: 'x', Verplicht: 'ja', Created: '2025-01-01T00:00:00Z' }],
      ['multi-choice without annotation', { Title: 'x', Verplicht: 'ja', Domeinen: ['Concern'] }],
      [
        'multi-choice as a single value',
        { Title: 'x', Verplicht: 'ja', 'Domeinen@odata.type': 'Collection(Edm.String)', Domeinen: 'Concern' },
      ],
      ['lookup to a missing item', { Title: 'x', Verplicht: 'ja', AdviesLookupId: 777 }],
      ['invalid date', { Title: 'x', Verplicht: 'ja', Deadline: '30-06-2025' }],
      ['boolean as text', { Title: 'x', Verplicht: 'ja', Actief: 'ja' }],
    ];
    for (const [name, fields] of cases) {
      const res = await t.app.post(`${base}/items`, { fields });
      expect(res.status, name).toBe(400);
      expect(errorOf(res).code, name).toBe('invalidRequest');
    }
    expect(
      errorOf(await t.app.post(`${base}/items`, { fields: { Title: 'x', Verplicht: 'ja', Onbekend: 1 } })).message,
    ).toContain("'Onbekend'");
    expect(await itemCount()).toBe(before);

    const item = await create({ Title: 'Leeg maken', Verplicht: 'ja' });
    const clearRequired = await t.app.patch(`${base}/items/${item.id}/fields`, { Verplicht: null });
    expect(clearRequired.status).toBe(400);
    expect(((await t.app.get(`${base}/items/${item.id}`)).body as Item).fields['Verplicht']).toBe('ja');
  });

  it('hands out sequential ids and never reuses a deleted one', async () => {
    const a = await create({ Title: 'a', Verplicht: 'ja' });
    const b = await create({ Title: 'b', Verplicht: 'ja' });
    expect(Number(b.id)).toBe(Number(a.id) + 1);
    expect((await t.app.delete(`${base}/items/${b.id}`)).status).toBe(204);
    const c = await create({ Title: 'c', Verplicht: 'ja' });
    expect(Number(c.id)).toBe(Number(b.id) + 1);
  });

  it('enforces unique values with 409 on create and update, without regard to case', async () => {
    const first = await create({ Title: 'Uniek', Verplicht: 'ja', Nummer: '7.1' });
    const dup = await t.app.post(`${base}/items`, { fields: { Title: 'Dubbel', Verplicht: 'ja', Nummer: '7.1' } });
    expect(dup.status).toBe(409);
    expect(errorOf(dup).code).toBe('nameAlreadyExists');
    expect(errorOf(dup).message).toMatch(/duplicate values/);
    const dupCase = await t.app.post(`${base}/items`, { fields: { Title: 'Dubbel', Verplicht: 'ja', Nummer: '7.1 ' } });
    expect(dupCase.status).toBe(409);

    const second = await create({ Title: 'Ander', Verplicht: 'ja', Nummer: '7.2' });
    const toDup = await t.app.patch(`${base}/items/${second.id}/fields`, { Nummer: '7.1' });
    expect(toDup.status).toBe(409);
    expect(((await t.app.get(`${base}/items/${second.id}`)).body as Item).fields['Nummer']).toBe('7.2');
    expect((await t.app.patch(`${base}/items/${first.id}/fields`, { Nummer: '7.1', Title: 'Zelfde' })).status).toBe(
      200,
    );

    expect((await t.app.delete(`${base}/items/${first.id}`)).status).toBe(204);
    expect(
      (await t.app.post(`${base}/items`, { fields: { Title: 'Opnieuw', Verplicht: 'ja', Nummer: '7.1' } })).status,
    ).toBe(201);
  });

  it('stores a dateOnly column as midnight Europe/Amsterdam and returns it in UTC', async () => {
    const summer = await create({ Title: 'Zomer', Verplicht: 'ja', Deadline: '2025-06-30' });
    expect(summer.fields['Deadline']).toBe('2025-06-29T22:00:00Z');
    const winter = await create({ Title: 'Winter', Verplicht: 'ja', Deadline: '2025-01-15' });
    expect(winter.fields['Deadline']).toBe('2025-01-14T23:00:00Z');
    const instant = await create({ Title: 'Instant', Verplicht: 'ja', Deadline: '2025-06-30T10:00:00Z' });
    expect(instant.fields['Deadline']).toBe('2025-06-29T22:00:00Z');
    const roundTrip = await create({ Title: 'Terug', Verplicht: 'ja', Deadline: '2025-06-29T22:00:00Z' });
    expect(roundTrip.fields['Deadline']).toBe('2025-06-29T22:00:00Z');
    const read = (await t.app.get(`${base}/items/${summer.id}`)).body as Item;
    expect(read.fields['Deadline']).toBe('2025-06-29T22:00:00Z');

    const dateTime = await create({ Title: 'Tijd', Verplicht: 'ja', Gepland: '2025-06-30T10:15:30.123Z' });
    expect(dateTime.fields['Gepland']).toBe('2025-06-30T10:15:30Z');
  });

  it('returns person, lookup, multi-lookup, multi-person and multi-choice fields in Graph shapes', async () => {
    const advies = (
      await t.app.post(`/sites/${siteId}/lists/${adviezen}/items`, { fields: { Title: 'Advies 1', Nummer: 1 } })
    ).body as Item;
    const target1 = await create({ Title: 'Actie 1.1', Verplicht: 'ja' });
    const target2 = await create({ Title: 'Actie 1.2', Verplicht: 'ja' });
    const item = await create({
      Title: 'Vormen',
      Verplicht: 'ja',
      EigenaarLookupId: Number(imLookupId),
      AdviesLookupId: advies.id,
      'AfhankelijkVanLookupId@odata.type': 'Collection(Edm.Int32)',
      AfhankelijkVanLookupId: [Number(target1.id), Number(target2.id)],
      'BetrokkenenLookupId@odata.type': 'Collection(Edm.String)',
      BetrokkenenLookupId: [imLookupId, pmLookupId],
      'Domeinen@odata.type': 'Collection(Edm.String)',
      Domeinen: ['Bedrijfsvoering', 'Concern'],
      Prioriteit: 3,
      Actief: true,
      Toelichting: 'regel 1\nregel 2',
    });
    expect(item.fields['EigenaarLookupId']).toBe(imLookupId);
    expect(item.fields['Eigenaar']).toBeUndefined();
    expect(item.fields['AdviesLookupId']).toBe(advies.id);
    expect(item.fields['AfhankelijkVan']).toEqual([
      { LookupId: Number(target1.id), LookupValue: 'Actie 1.1' },
      { LookupId: Number(target2.id), LookupValue: 'Actie 1.2' },
    ]);
    expect(item.fields['Betrokkenen']).toEqual([
      { LookupId: Number(imLookupId), LookupValue: 'Informatiemanager Sociaal Domein', Email: IM_SOCIAAL },
      { LookupId: Number(pmLookupId), LookupValue: 'Portfoliomanager I&A', Email: PORTFOLIOMANAGER },
    ]);
    expect(item.fields['Domeinen']).toEqual(['Bedrijfsvoering', 'Concern']);
    expect(item.fields['Prioriteit']).toBe(3);
    expect(item.fields['Actief']).toBe(true);
    expect(item.fields['Toelichting']).toBe('regel 1\nregel 2');

    const selected = await t.app.get(
      `${base}/items/${item.id}?$expand=fields($select=Eigenaar,EigenaarLookupId,Advies,AfhankelijkVanLookupId,Geheim)`,
    );
    expect(selected.status).toBe(200);
    const fields = (selected.body as Item).fields;
    expect(fields['Eigenaar']).toBe('Informatiemanager Sociaal Domein');
    expect(fields['EigenaarLookupId']).toBe(imLookupId);
    expect(fields['Advies']).toBe('Advies 1');
    expect(fields['AfhankelijkVanLookupId']).toEqual([target1.id, target2.id]);
    expect(fields['Title']).toBeUndefined();

    const badSelect = await t.app.get(`${base}/items/${item.id}?$expand=fields($select=Bestaatniet)`);
    expect(badSelect.status).toBe(400);
  });

  it('hides hidden columns unless selected, and leaves empty values out', async () => {
    const item = await create({ Title: 'Verborgen', Verplicht: 'ja', Geheim: 's' });
    expect(item.fields['Geheim']).toBeUndefined();
    expect('Status' in item.fields).toBe(false);
    const selected = (await t.app.get(`${base}/items/${item.id}?expand=fields(select=Geheim)`)).body as Item;
    expect(selected.fields['Geheim']).toBe('s');
  });

  it('keeps the id of a lookup whose target item was deleted', async () => {
    const target = await create({ Title: 'Verdwijnt', Verplicht: 'ja' });
    const item = await create({
      Title: 'Verwijst',
      Verplicht: 'ja',
      'AfhankelijkVanLookupId@odata.type': 'Collection(Edm.Int32)',
      AfhankelijkVanLookupId: [Number(target.id)],
    });
    expect((await t.app.delete(`${base}/items/${target.id}`)).status).toBe(204);
    const read = (await t.app.get(`${base}/items/${item.id}`)).body as Item;
    expect(read.fields['AfhankelijkVan']).toEqual([{ LookupId: Number(target.id), LookupValue: '' }]);
  });

  it('keeps a version per write, newest first, with the values of each version', async () => {
    const item = await create({ Title: 'Historie', Verplicht: 'ja', Status: 'Niet gestart' });
    await t.app.patch(`${base}/items/${item.id}/fields`, { Status: 'Loopt' });
    const user = new Graph(t.sandbox, await personaToken(t.sandbox, IM_SOCIAAL));
    await user.patch(`${base}/items/${item.id}/fields`, { Status: 'Afgerond' });

    const res = await t.app.get(`${base}/items/${item.id}/versions`);
    expect(res.status).toBe(200);
    const versions = (res.body as { value: Array<Record<string, unknown>> }).value;
    expect(versions.map((v) => v['id'])).toEqual(['3.0', '2.0', '1.0']);
    expect(versions[0]!['lastModifiedBy']).toEqual({
      user: { displayName: 'Informatiemanager Sociaal Domein', email: IM_SOCIAAL, id: expect.any(String) },
    });
    expect(versions[2]!['lastModifiedBy']).toMatchObject({ application: { id: 'sandbox-app' } });
    expect(versions[0]!['published']).toMatchObject({ level: 'published' });
    expect(String(versions[0]!['lastModifiedDateTime'])).toMatch(/Z$/);

    const first = await t.app.get(`${base}/items/${item.id}/versions/1.0`);
    expect(first.status).toBe(200);
    expect((first.body as { fields: Fields }).fields['Status']).toBe('Niet gestart');
    const second = await t.app.get(`${base}/items/${item.id}/versions/2.0/fields`);
    expect((second.body as Fields)['Status']).toBe('Loopt');
    expect((second.body as Fields)['_UIVersionString']).toBe('2.0');
    expect((await t.app.get(`${base}/items/${item.id}/versions/9.0`)).status).toBe(404);
  });

  it('records the delegated user or the app (as SharePoint App) as author and editor', async () => {
    const user = new Graph(t.sandbox, await personaToken(t.sandbox, IM_SOCIAAL));
    const byUser = await create({ Title: 'Door gebruiker', Verplicht: 'ja' }, user);
    expect(byUser.createdBy).toEqual({
      user: {
        displayName: 'Informatiemanager Sociaal Domein',
        email: IM_SOCIAAL,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      },
    });
    expect(byUser.fields['AuthorLookupId']).toBe(imLookupId);

    const byApp = await create({ Title: 'Door app', Verplicht: 'ja' });
    expect(byApp.createdBy).toEqual({ application: { displayName: expect.any(String), id: 'sandbox-app' } });
    expect(byApp.fields['AuthorLookupId']).toBe('1073741823');

    const patched = await user.patch(`${base}/items/${byApp.id}/fields`, { Status: 'Loopt' });
    expect((patched.body as Fields)['EditorLookupId']).toBe(imLookupId);
    expect((patched.body as Fields)['AuthorLookupId']).toBe('1073741823');
    const read = (await t.app.get(`${base}/items/${byApp.id}?$expand=fields($select=Author,Editor)`)).body as Item;
    expect(read.fields).toMatchObject({ Author: 'SharePoint App', Editor: 'Informatiemanager Sociaal Domein' });
    expect(read.lastModifiedBy).toMatchObject({ user: { email: IM_SOCIAAL } });
  });

  it("renders every item of a list read in Graph's listItem shape, as it renders the item on its own", async () => {
    const user = new Graph(t.sandbox, await personaToken(t.sandbox, IM_SOCIAAL));
    const made = [
      await create({ Title: 'Vorm 1', Verplicht: 'ja' }, user),
      await create({ Title: 'Vorm 2', Verplicht: 'ja' }, user),
      await create({ Title: 'Vorm 3', Verplicht: 'ja' }),
    ];
    const ids = made.map((m) => m.id);
    const filter = `$filter=${encodeURIComponent(`fields/Title ge 'Vorm'`)}`;
    const headers = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
    const expectShape = (item: Record<string, unknown>, withIds: boolean) => {
      const id = item['id'] as string;
      expect(Object.keys(item)).toEqual([
        '@odata.etag',
        'createdDateTime',
        'eTag',
        'id',
        'lastModifiedDateTime',
        'webUrl',
        'createdBy',
        'lastModifiedBy',
        'parentReference',
        'contentType',
        ...(withIds ? ['sharepointIds'] : []),
        'fields@odata.context',
        'fields',
      ]);
      expect(item['@odata.etag']).toBe(item['eTag']);
      expect(item['webUrl']).toBe(`${t.sandbox.siteUrl}/Lists/Acties/DispForm.aspx?ID=${id}`);
      expect(item['parentReference']).toEqual({ id: acties, siteId });
      expect(item['contentType']).toEqual({ id: `0x0100${acties.replace(/-/g, '').toUpperCase()}`, name: 'Item' });
      expect(item['fields@odata.context']).toBe(
        `${t.sandbox.graphUrl}/$metadata#sites('${siteId}')/lists('${acties}')/items('${id}')/fields/$entity`,
      );
      expect(item['createdDateTime']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      if (withIds)
        expect(item['sharepointIds']).toEqual({
          listId: acties,
          listItemId: id,
          listItemUniqueId: expect.stringMatching(/^[0-9a-f-]{36}$/),
          siteId: expect.any(String),
          webId: expect.any(String),
        });
    };
    const selects = [
      '',
      '&$select=id,eTag,createdDateTime,lastModifiedDateTime,webUrl,createdBy,lastModifiedBy,parentReference,contentType,sharepointIds',
    ];
    for (const select of selects) {
      const query = `$expand=fields($select=Title)${select}`;
      const list = await t.app.get(`${base}/items?${query}&${filter}`, headers);
      expect(list.status).toBe(200);
      const items = (list.body as { value: Record<string, unknown>[] }).value.filter((i) =>
        ids.includes(i['id'] as string),
      );
      expect(items.map((i) => i['id'])).toEqual(ids);
      for (const item of items) {
        expectShape(item, select !== '');
        // The item on its own is the same, with the entity's own `@odata.context` on top.
        const alone = (await t.app.get(`${base}/items/${item['id'] as string}?${query}`)).body as Record<
          string,
          unknown
        >;
        expect(alone['@odata.context']).toBe(
          `${t.sandbox.graphUrl}/$metadata#sites('${siteId}')/lists('${acties}')/items/$entity`,
        );
        expect(item).toEqual(Object.fromEntries(Object.entries(alone).filter(([key]) => key !== '@odata.context')));
      }
      // The two items one person wrote name the same writer; the app's names the app.
      expect(items[0]!['createdBy']).toEqual(items[1]!['createdBy']);
      expect(items[0]!['createdBy']).toMatchObject({ user: { email: IM_SOCIAAL } });
      expect(items[2]!['createdBy']).toMatchObject({ application: { id: 'sandbox-app' } });
    }
    // A later write by someone else changes that item's editor only.
    await t.app.patch(`${base}/items/${ids[0]!}/fields`, { Status: 'Loopt' });
    const after = (await t.app.get(`${base}/items?$expand=fields($select=Title)&${filter}`, headers)).body as {
      value: Record<string, unknown>[];
    };
    const byId = new Map(after.value.map((i) => [i['id'] as string, i]));
    expect(byId.get(ids[0]!)!['lastModifiedBy']).toMatchObject({ application: { id: 'sandbox-app' } });
    expect(byId.get(ids[1]!)!['lastModifiedBy']).toMatchObject({ user: { email: IM_SOCIAAL } });
  });
});
