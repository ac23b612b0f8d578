import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, Graph, http, IM_SOCIAAL, personaToken, startTestSandbox, type TestSandbox } from './helpers.js';

type Column = Record<string, unknown> & { name: string; indexed: boolean; enforceUniqueValues: boolean };

describe('sandbox site and lists', () => {
  let t: TestSandbox;
  let siteId: string;
  beforeAll(async () => {
    t = await startTestSandbox();
    siteId = await t.app.siteId();
  });
  afterAll(async () => {
    await t.stop();
  });

  it('finds the site by hostname and path, and by its id in Graph form', async () => {
    const byPath = await t.app.get('/sites/127.0.0.1:/sites/actieplan');
    expect(byPath.status).toBe(200);
    const site = byPath.body as Record<string, unknown>;
    expect(site['id']).toMatch(/^127\.0\.0\.1,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(site['displayName']).toBe('Actieplan Digitaal Leiderschap');
    expect(site['name']).toBe('actieplan');
    expect(site['webUrl']).toBe(t.sandbox.siteUrl);
    expect(site['siteCollection']).toEqual({ hostname: '127.0.0.1' });
    expect(site['@odata.context']).toBe(`${t.sandbox.graphUrl}/$metadata#sites/$entity`);
    expect(typeof site['createdDateTime']).toBe('string');
    expect(typeof site['lastModifiedDateTime']).toBe('string');

    const byId = await t.app.get(`/sites/${encodeURIComponent(String(site['id']))}`);
    expect(byId.status).toBe(200);
    expect((byId.body as { id: string }).id).toBe(site['id']);

    const viaPathForm = await t.app.get('/sites/127.0.0.1:/sites/actieplan:/lists');
    expect(viaPathForm.status).toBe(200);
  });

  it('answers 404 itemNotFound for another site path', async () => {
    const res = await t.app.get('/sites/127.0.0.1:/sites/elders');
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('itemNotFound');
  });

  it('answers 400 for an unknown Graph segment', async () => {
    const res = await t.app.get('/groups');
    expect(res.status).toBe(400);
    expect(errorOf(res).message).toContain("'groups'");
  });

  it('creates a list with typed, indexed and unique columns (201)', async () => {
    const res = await t.app.post(`/sites/${siteId}/lists`, {
      displayName: 'Adviezen',
      columns: [
        { name: 'Nummer', number: { decimalPlaces: 'none' }, indexed: true, enforceUniqueValues: true },
        { name: 'Thema', choice: { choices: ['A', 'B', 'C'] } },
        { name: 'CollegeReactie', text: { allowMultipleLines: true } },
      ],
      list: { template: 'genericList' },
    });
    expect(res.status).toBe(201);
    const list = res.body as Record<string, unknown>;
    expect(list['id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(list['displayName']).toBe('Adviezen');
    expect(list['name']).toBe('Adviezen');
    expect(list['webUrl']).toBe(`${t.sandbox.siteUrl}/Lists/Adviezen`);
    expect(list['list']).toEqual({ template: 'genericList', hidden: false, contentTypesEnabled: false });

    const columns = await t.app.get(`/sites/${siteId}/lists/${String(list['id'])}/columns`);
    expect(columns.status).toBe(200);
    const byName = new Map((columns.body as { value: Column[] }).value.map((c) => [c.name, c]));
    expect(byName.get('Nummer')).toMatchObject({
      indexed: true,
      enforceUniqueValues: true,
      number: { decimalPlaces: 'none' },
    });
    expect(byName.get('Thema')).toMatchObject({
      indexed: false,
      choice: { choices: ['A', 'B', 'C'], allowTextEntry: false, displayAs: 'dropDownMenu' },
    });
    expect(byName.get('CollegeReactie')).toMatchObject({ text: { allowMultipleLines: true } });
    expect(byName.get('Title')).toMatchObject({ required: true, indexed: false, readOnly: false });
    expect(byName.get('ID')).toMatchObject({ indexed: true, readOnly: true });
    for (const builtIn of [
      'Created',
      'Modified',
      'Author',
      'Editor',
      '_UIVersionString',
      'ContentType',
      'Attachments',
    ]) {
      expect(byName.has(builtIn), builtIn).toBe(true);
    }
  });

  it('refuses a second list with the same display name (409 nameAlreadyExists), without regard to case', async () => {
    await t.app.createList('Bevindingen', [{ name: 'Nummer', number: {} }]);
    const again = await t.app.post(`/sites/${siteId}/lists`, {
      displayName: 'bevindingen',
      list: { template: 'genericList' },
    });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('nameAlreadyExists');
    const lists = (await t.app.get(`/sites/${siteId}/lists`)).body as { value: Array<{ displayName: string }> };
    expect(lists.value.filter((l) => l.displayName.toLowerCase() === 'bevindingen')).toHaveLength(1);
  });

  it('refuses unique values without an index, and an index on a multi-value column (400)', async () => {
    const unique = await t.app.post(`/sites/${siteId}/lists`, {
      displayName: 'Fout1',
      columns: [{ name: 'Sleutel', text: {}, enforceUniqueValues: true }],
    });
    expect(unique.status).toBe(400);
    expect(errorOf(unique).code).toBe('invalidRequest');
    const multi = await t.app.post(`/sites/${siteId}/lists`, {
      displayName: 'Fout2',
      columns: [{ name: 'Domeinen', choice: { choices: ['A'], displayAs: 'checkBoxes' }, indexed: true }],
    });
    expect(multi.status).toBe(400);
    const lists = (await t.app.get(`/sites/${siteId}/lists`)).body as { value: Array<{ displayName: string }> };
    expect(lists.value.map((l) => l.displayName)).not.toContain('Fout1');
    expect(lists.value.map((l) => l.displayName)).not.toContain('Fout2');
  });

  it('refuses a lookup to a list that does not exist', async () => {
    const res = await t.app.post(`/sites/${siteId}/lists`, {
      displayName: 'Fout3',
      columns: [{ name: 'Advies', lookup: { listId: '00000000-0000-0000-0000-000000000000', columnName: 'Title' } }],
    });
    expect(res.status).toBe(400);
  });

  it('reads a list by id and by display name, with $expand=columns', async () => {
    const id = await t.app.createList('Portfolio', [{ name: 'Prioriteit', number: {} }]);
    const byId = await t.app.get(`/sites/${siteId}/lists/${id}?$expand=columns`);
    expect(byId.status).toBe(200);
    const body = byId.body as { id: string; columns: Column[] };
    expect(body.id).toBe(id);
    expect(body.columns.map((c) => c.name)).toContain('Prioriteit');
    const byName = await t.app.get(`/sites/${siteId}/lists/Portfolio`);
    expect((byName.body as { id: string }).id).toBe(id);
    const missing = await t.app.get(`/sites/${siteId}/lists/Bestaatniet`);
    expect(missing.status).toBe(404);
    expect(errorOf(missing).code).toBe('itemNotFound');
  });

  it('adds a column (201), refuses a duplicate (409), and indexes it by PATCH', async () => {
    const id = await t.app.createList('Kwartaaldoelen', []);
    const created = await t.app.post(`/sites/${siteId}/lists/${id}/columns`, {
      name: 'Kwartaal',
      text: { maxLength: 7 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Kwartaal', indexed: false, text: { maxLength: 7 } });
    const duplicate = await t.app.post(`/sites/${siteId}/lists/${id}/columns`, { name: 'kwartaal', text: {} });
    expect(duplicate.status).toBe(409);
    expect(errorOf(duplicate).code).toBe('nameAlreadyExists');

    const patched = await t.app.patch(`/sites/${siteId}/lists/${id}/columns/Kwartaal`, { indexed: true });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: 'Kwartaal', indexed: true });
    const columnId = (patched.body as { id: string }).id;
    const byId = await t.app.get(`/sites/${siteId}/lists/${id}/columns/${columnId}`);
    expect(byId.body).toMatchObject({ name: 'Kwartaal', indexed: true });

    const typeChange = await t.app.patch(`/sites/${siteId}/lists/${id}/columns/Kwartaal`, { number: {} });
    expect(typeChange.status).toBe(400);
  });

  it('refuses to switch on unique values while the list holds duplicates', async () => {
    const id = await t.app.createList('Herinneringen', [{ name: 'Sleutel', text: {}, indexed: true }]);
    for (const title of ['a', 'b']) {
      const res = await t.app.post(`/sites/${siteId}/lists/${id}/items`, {
        fields: { Title: title, Sleutel: 'dubbel' },
      });
      expect(res.status).toBe(201);
    }
    const res = await t.app.patch(`/sites/${siteId}/lists/${id}/columns/Sleutel`, { enforceUniqueValues: true });
    expect(res.status).toBe(400);
    const column = await t.app.get(`/sites/${siteId}/lists/${id}/columns/Sleutel`);
    expect(column.body).toMatchObject({ enforceUniqueValues: false });
  });

  it('does not let a delegated token (Sites.ReadWrite.All) create lists (403 accessDenied)', async () => {
    const user = new Graph(t.sandbox, await personaToken(t.sandbox, IM_SOCIAAL));
    const res = await user.post(`/sites/${siteId}/lists`, {
      displayName: 'Van een gebruiker',
      list: { template: 'genericList' },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res).code).toBe('accessDenied');
    const read = await user.get(`/sites/${siteId}/lists`);
    expect(read.status).toBe(200);
  });

  it('lists the hidden User Information List, filterable by displayName', async () => {
    const all = (await t.app.get(`/sites/${siteId}/lists`)).body as {
      value: Array<{ displayName: string; list: { hidden: boolean } }>;
    };
    const uil = all.value.find((l) => l.displayName === 'User Information List');
    expect(uil?.list.hidden).toBe(true);
    const filtered = await t.app.get(
      `/sites/${siteId}/lists?$filter=${encodeURIComponent("displayName eq 'Portfolio'")}`,
    );
    expect((filtered.body as { value: Array<{ displayName: string }> }).value.map((l) => l.displayName)).toEqual([
      'Portfolio',
    ]);
  });

  it('holds the personas as items of the User Information List, id = lookup id', async () => {
    const res = await t.app.get(`/sites/${siteId}/lists/User%20Information%20List/items?$expand=fields&$top=100`);
    expect(res.status).toBe(200);
    const items = (res.body as { value: Array<{ id: string; fields: Record<string, unknown> }> }).value;
    const im = items.find((i) => i.fields['UserName'] === IM_SOCIAAL);
    expect(im?.fields).toMatchObject({
      Title: 'Informatiemanager Sociaal Domein',
      EMail: IM_SOCIAAL,
      JobTitle: 'Informatiemanager Sociaal Domein',
    });
    expect(Number(im?.id)).toBeGreaterThan(0);
    const app = items.find((i) => i.id === '1073741823');
    expect(app?.fields['Title']).toBe('SharePoint App');
    // Every persona is there, and none is named after a person: the names are roles.
    const personas = (await http(`${t.sandbox.baseUrl}/_sandbox/personas`)).body as Array<{
      upn: string;
      displayName: string;
      jobTitle: string;
      oid: string;
    }>;
    expect(personas.length).toBeGreaterThanOrEqual(18);
    for (const p of personas)
      expect(
        items.some((i) => i.fields['UserName'] === p.upn),
        p.upn,
      ).toBe(true);
    expect(Object.keys(personas[0]!).sort()).toEqual(['displayName', 'jobTitle', 'oid', 'upn']);

    const listId = (await t.app.get(`/sites/${siteId}/lists/User Information List`)).body as { id: string };
    const write = await t.app.post(`/sites/${siteId}/lists/${listId.id}/items`, { fields: { Title: 'x' } });
    expect(write.status).toBe(403);
  });
});
