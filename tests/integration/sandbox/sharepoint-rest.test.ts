import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAS } from '../../../src/sandbox/personas.js';
import {
  appToken,
  CLIENT_ID,
  CLIENT_SECRET,
  Graph,
  http,
  IM_SOCIAAL,
  PORTFOLIOMANAGER,
  sharePointAppToken,
  startTestSandbox,
  tokenRequest,
  type HttpResult,
  type TestSandbox,
} from './helpers.js';

const VERBOSE = 'application/json;odata=verbose';
const MINIMAL = 'application/json';
const NOMETADATA = 'application/json;odata=nometadata';

type SpError = { code: string; message: { lang: string; value: string } };

/** The error of a JSON light (`odata.error`) or verbose (`error`) SharePoint answer. */
function spError(res: HttpResult): SpError {
  const body = res.body as { 'odata.error'?: SpError; error?: SpError };
  const error = body['odata.error'] ?? body.error;
  if (!error) throw new Error(`not a SharePoint error: ${res.status} ${res.text}`);
  return error;
}

let t: TestSandbox;
let spToken: string;
let graph: Graph;

/** A SharePoint REST call below `<site>/_api/`. */
function rest(
  path: string,
  init: {
    method?: string;
    accept?: string;
    body?: unknown;
    headers?: Record<string, string>;
    token?: string | null;
  } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { Accept: init.accept ?? MINIMAL, ...(init.headers ?? {}) };
  const token = init.token === undefined ? spToken : init.token;
  if (token !== null) headers['Authorization'] = `Bearer ${token}`;
  const request: RequestInit = { method: init.method ?? 'GET', headers };
  if (init.body !== undefined) {
    request.body = JSON.stringify(init.body);
    headers['Content-Type'] = headers['Content-Type'] ?? 'application/json;charset=utf-8';
  }
  return http(`${t.sandbox.siteUrl}/_api/${path}`, request);
}

beforeAll(async () => {
  t = await startTestSandbox();
  spToken = await sharePointAppToken(t.sandbox);
  graph = t.app;
  const siteId = await graph.siteId();
  const created = await graph.post(`/sites/${siteId}/lists`, {
    displayName: 'Taken',
    list: { template: 'genericList' },
    columns: [
      { name: 'Status', choice: { choices: ['Open', 'Klaar'] }, indexed: true },
      { name: 'Eigenaar', personOrGroup: {} },
      { name: 'Labels', choice: { choices: ['a', 'b'], displayAs: 'checkBoxes' } },
      { name: 'Deadline', dateTime: { format: 'dateOnly' } },
    ],
  });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await t?.stop();
});

describe('SharePoint tokens and authentication', () => {
  it('issues a token for the SharePoint origin when the scope names it, and for no other resource', async () => {
    const claims = decodeJwt(spToken);
    expect(claims.aud).toBe(t.sandbox.sharePointOrigin);
    expect(claims['roles']).toEqual(['Sites.Manage.All']);

    const other = await tokenRequest(t.sandbox, {
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      scope: 'https://contoso.sharepoint.com/.default',
    });
    expect(other.status).toBe(400);
    expect((other.body as { error: string }).error).toBe('invalid_resource');

    const both = await tokenRequest(t.sandbox, {
      grant_type: 'client_credentials',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      scope: `https://graph.microsoft.com/.default ${t.sandbox.sharePointOrigin}/.default`,
    });
    expect(both.status).toBe(400);
    expect((both.body as { error: string }).error).toBe('invalid_request');

    const persona = await tokenRequest(t.sandbox, {
      grant_type: 'urn:sandbox:persona',
      client_id: CLIENT_ID,
      persona: IM_SOCIAAL,
      scope: `${t.sandbox.sharePointOrigin}/AllSites.Write`,
    });
    expect(persona.status).toBe(200);
    const personaClaims = decodeJwt((persona.body as { access_token: string }).access_token);
    expect(personaClaims.aud).toBe(t.sandbox.sharePointOrigin);
    expect(personaClaims['scp']).toBe('AllSites.Write');
  });

  it("refuses a Graph token with SharePoint's 401: challenge, diagnostics and error_description", async () => {
    const graphToken = await appToken(t.sandbox);
    const res = await rest('web', { token: graphToken });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Bearer realm="[0-9a-f-]{36}",client_id="00000003-0000-0ff1-ce00-000000000000"/,
    );
    expect(res.headers.get('x-ms-diagnostics')).toBe(
      `3000003;reason="Invalid audience Uri 'https://graph.microsoft.com'.";category="invalid_client"`,
    );
    expect(res.body).toEqual({
      error_description:
        "Exception of type 'Microsoft.IdentityModel.Tokens.AudienceUriValidationFailedException' was thrown.",
    });
  });

  it('and Graph refuses a SharePoint token with its own 401', async () => {
    const res = await new Graph(t.sandbox, spToken).get('/sites/127.0.0.1:/sites/actieplan');
    expect(res.status).toBe(401);
    expect((res.body as { error: { code: string; message: string } }).error).toEqual(
      expect.objectContaining({
        code: 'InvalidAuthenticationToken',
        message: 'Access token validation failure. Invalid audience.',
      }),
    );
  });

  it('refuses a missing and a forged token', async () => {
    const none = await rest('web', { token: null });
    expect(none.status).toBe(401);
    expect((none.body as { error_description: string }).error_description).toMatch(/Access token is empty/);

    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...decodeJwt(spToken) })
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(spToken).kid!, typ: 'JWT' })
      .sign(privateKey);
    const res = await rest('web', { token: forged });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-ms-diagnostics')).toMatch(/^3000006;/);
  });

  it("lets a persona read and resolve people, but not change views (403 in SharePoint's shape)", async () => {
    const res = await tokenRequest(t.sandbox, {
      grant_type: 'urn:sandbox:persona',
      client_id: CLIENT_ID,
      persona: IM_SOCIAAL,
      scope: `${t.sandbox.sharePointOrigin}/.default`,
    });
    const token = (res.body as { access_token: string }).access_token;
    const me = await rest('web/currentuser', { token, accept: NOMETADATA });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      Title: 'Informatiemanager Sociaal Domein',
      LoginName: `i:0#.f|membership|${IM_SOCIAAL}`,
    });
    const add = await rest("web/lists/getByTitle('Taken')/views", { token, method: 'POST', body: { Title: 'Nee' } });
    expect(add.status).toBe(403);
    expect(spError(add).code).toBe('-2147024891, System.UnauthorizedAccessException');
  });
});

describe('SharePoint REST response formats', () => {
  it('answers an entity in verbose, minimal and no metadata, each with its content type', async () => {
    const verbose = await rest('web', { accept: VERBOSE });
    expect(verbose.status).toBe(200);
    expect(verbose.headers.get('content-type')).toBe('application/json;odata=verbose;charset=utf-8');
    const d = (verbose.body as { d: Record<string, unknown> }).d;
    expect(d['__metadata']).toEqual({
      id: `${t.sandbox.siteUrl}/_api/Web`,
      uri: `${t.sandbox.siteUrl}/_api/Web`,
      type: 'SP.Web',
    });
    expect(d).toMatchObject({
      Title: 'Actieplan Digitaal Leiderschap',
      ServerRelativeUrl: '/sites/actieplan',
      Url: t.sandbox.siteUrl,
      Language: 1043,
    });

    const minimal = await rest('web', { accept: MINIMAL });
    expect(minimal.headers.get('content-type')).toMatch(/^application\/json;odata=minimalmetadata/);
    expect(minimal.body).toMatchObject({
      'odata.metadata': `${t.sandbox.siteUrl}/_api/$metadata#SP.ApiData.Webs/@Element`,
      'odata.type': 'SP.Web',
      'odata.editLink': 'Web',
    });

    const bare = await rest('web', { accept: NOMETADATA });
    expect(bare.headers.get('content-type')).toMatch(/^application\/json;odata=nometadata/);
    expect(Object.keys(bare.body as object).some((k) => k.startsWith('odata.') || k === '__metadata')).toBe(false);
    expect((bare.body as { Id: string }).Id).toBe(d['Id']);
  });

  it('answers a collection as d.results (verbose) or value (JSON light), and honours $select', async () => {
    const verbose = await rest('web/lists?$select=Title,Hidden', { accept: VERBOSE });
    const results = (verbose.body as { d: { results: Array<Record<string, unknown>> } }).d.results;
    expect(results.map((l) => l['Title'])).toEqual(expect.arrayContaining(['Taken', 'User Information List']));
    expect(Object.keys(results[0]!).sort()).toEqual(['Hidden', 'Title', '__metadata']);

    const minimal = await rest('web/lists?$select=Title', { accept: MINIMAL });
    expect(minimal.body).toMatchObject({ 'odata.metadata': `${t.sandbox.siteUrl}/_api/$metadata#SP.ApiData.Lists` });
    expect((minimal.body as { value: unknown[] }).value.length).toBe(results.length);

    const bare = await rest('web/lists?$select=Title', { accept: NOMETADATA });
    expect(bare.body).toEqual({ value: results.map((l) => ({ Title: l['Title'] })) });
  });

  it('renders nested collections as {results} only in verbose (choices, view fields)', async () => {
    const verbose = await rest("web/lists/getByTitle('Taken')/fields/getByInternalNameOrTitle('Status')", {
      accept: VERBOSE,
    });
    expect((verbose.body as { d: { Choices: unknown } }).d.Choices).toEqual({
      __metadata: { type: 'Collection(Edm.String)' },
      results: ['Open', 'Klaar'],
    });
    const bare = await rest("web/lists/getByTitle('Taken')/fields/getByInternalNameOrTitle('Status')", {
      accept: NOMETADATA,
    });
    expect((bare.body as { Choices: unknown }).Choices).toEqual(['Open', 'Klaar']);
  });

  it('refuses Atom/XML (the sandbox speaks JSON only) and unsupported query options, never ignoring them', async () => {
    const xml = await rest('web', { accept: 'application/atom+xml' });
    expect(xml.status).toBe(406);
    const filter = await rest("web/lists?$filter=Title eq 'Taken'", { accept: NOMETADATA });
    expect(filter.status).toBe(400);
    expect(spError(filter).message.value).toMatch(/\$filter/);
  });

  it('answers errors in the format asked for: odata.error (JSON light) or error (verbose)', async () => {
    const light = await rest("web/lists/getByTitle('Bestaat niet')", { accept: NOMETADATA });
    expect(light.status).toBe(404);
    expect(light.body).toEqual({
      'odata.error': {
        code: '-1, System.ArgumentException',
        message: {
          lang: 'en-US',
          value: `List 'Bestaat niet' does not exist at site with URL '${t.sandbox.siteUrl}'.`,
        },
      },
    });
    const verbose = await rest("web/lists/getByTitle('Bestaat niet')", { accept: VERBOSE });
    expect(Object.keys(verbose.body as object)).toEqual(['error']);
    expect(spError(verbose).code).toBe('-1, System.ArgumentException');

    const unknownSegment = await rest('web/nergens', { accept: NOMETADATA });
    expect(unknownSegment.status).toBe(404);
    expect(spError(unknownSegment).code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
  });

  it('answers POST _api/contextinfo with a form digest', async () => {
    const res = await rest('contextinfo', { method: 'POST', accept: VERBOSE });
    expect(res.status).toBe(200);
    const info = (res.body as { d: { GetContextWebInformation: Record<string, unknown> } }).d.GetContextWebInformation;
    expect(info).toMatchObject({
      FormDigestTimeoutSeconds: 1800,
      WebFullUrl: t.sandbox.siteUrl,
      __metadata: { type: 'SP.ContextWebInformation' },
    });
    expect(String(info['FormDigestValue'])).toMatch(/^0x[0-9A-F]+,/);
  });
});

describe('lists, fields, views and items shared with Graph', () => {
  it('shows a list Graph created, with its columns as SharePoint fields', async () => {
    const list = await rest("web/lists/getByTitle('Taken')", { accept: NOMETADATA });
    expect(list.body).toMatchObject({
      Title: 'Taken',
      BaseTemplate: 100,
      Hidden: false,
      EnableVersioning: false,
      EntityTypeName: 'TakenList',
      ListItemEntityTypeFullName: 'SP.Data.TakenListItem',
    });
    const fields = await rest("web/lists/getByTitle('Taken')/fields?$select=InternalName,TypeAsString,Indexed", {
      accept: NOMETADATA,
    });
    const byName = new Map(
      (fields.body as { value: Array<{ InternalName: string; TypeAsString: string; Indexed: boolean }> }).value.map(
        (f) => [f.InternalName, f],
      ),
    );
    expect(byName.get('Status')).toEqual({ InternalName: 'Status', TypeAsString: 'Choice', Indexed: true });
    expect(byName.get('Eigenaar')?.TypeAsString).toBe('User');
    expect(byName.get('Labels')?.TypeAsString).toBe('MultiChoice');
    expect(byName.get('Deadline')?.TypeAsString).toBe('DateTime');
    expect(byName.get('LinkTitle')?.TypeAsString).toBe('Computed');
  });

  it('switches versioning on with MERGE (POST + X-HTTP-Method, or PATCH), answers 204, and refuses stale eTags and unknown properties', async () => {
    const before = await rest("web/lists/getByTitle('Taken')", { accept: NOMETADATA });
    const etag = before.headers.get('etag')!;
    const merged = await rest("web/lists/getByTitle('Taken')", {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': etag },
      body: { EnableVersioning: true, MajorVersionLimit: 25 },
    });
    expect(merged.status).toBe(204);
    expect(merged.text).toBe('');
    const stale = await rest("web/lists/getByTitle('Taken')", {
      method: 'PATCH',
      headers: { 'IF-Match': etag },
      body: { MajorVersionLimit: 30 },
    });
    expect(stale.status).toBe(412);
    const patched = await rest("web/lists/getByTitle('Taken')", {
      method: 'PATCH',
      headers: { 'IF-Match': '*' },
      body: { MajorVersionLimit: 30 },
    });
    expect(patched.status).toBe(204);
    const after = await rest("web/lists/getByTitle('Taken')?$select=EnableVersioning,MajorVersionLimit", {
      accept: NOMETADATA,
    });
    expect(after.body).toEqual({ EnableVersioning: true, MajorVersionLimit: 30 });

    const unknown = await rest("web/lists/getByTitle('Taken')", {
      method: 'PATCH',
      body: { Kleur: 'rood' },
      accept: NOMETADATA,
    });
    expect(unknown.status).toBe(400);
    expect(spError(unknown).message.value).toBe(
      "The property 'Kleur' does not exist on type 'SP.List'. Make sure to only use property names that are defined by the type.",
    );
    const outOfRange = await rest("web/lists/getByTitle('Taken')", {
      method: 'PATCH',
      body: { MajorVersionLimit: 0 },
      accept: NOMETADATA,
    });
    expect(outOfRange.status).toBe(400);
  });

  it('creates a hidden list through REST that Graph then sees, and a text field (verbose body) that Graph sees as a column', async () => {
    const created = await rest('web/lists', {
      method: 'POST',
      body: {
        Title: 'Verborgen',
        BaseTemplate: 100,
        Hidden: true,
        AllowContentTypes: false,
        ContentTypesEnabled: false,
        Description: 'x',
      },
      accept: NOMETADATA,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ Title: 'Verborgen', Hidden: true });
    const field = await rest("web/lists/getByTitle('Verborgen')/fields", {
      method: 'POST',
      accept: VERBOSE,
      headers: { 'Content-Type': 'application/json;odata=verbose' },
      body: { __metadata: { type: 'SP.FieldText' }, Title: 'Waarde', FieldTypeKind: 2, MaxLength: 255 },
    });
    expect(field.status).toBe(201);
    expect((field.body as { d: Record<string, unknown> }).d).toMatchObject({
      InternalName: 'Waarde',
      TypeAsString: 'Text',
      __metadata: expect.objectContaining({ type: 'SP.FieldText' }),
    });

    const siteId = await graph.siteId();
    const viaGraph = await graph.get(`/sites/${siteId}/lists/Verborgen/columns/Waarde`);
    expect(viaGraph.status).toBe(200);
    expect(viaGraph.body).toMatchObject({ name: 'Waarde', text: expect.objectContaining({ maxLength: 255 }) });
    const duplicate = await rest('web/lists', { method: 'POST', body: { Title: 'verborgen' }, accept: NOMETADATA });
    expect(duplicate.status).toBe(400);
  });

  it('sets column formatting JSON on a field, and refuses text that is not JSON', async () => {
    const format = JSON.stringify({ elmType: 'div', txtContent: '@currentField' });
    const ok = await rest("web/lists/getByTitle('Taken')/fields/getByInternalNameOrTitle('Status')", {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE' },
      body: { CustomFormatter: format },
    });
    expect(ok.status).toBe(204);
    const read = await rest(
      "web/lists/getByTitle('Taken')/fields/getByInternalNameOrTitle('Status')?$select=CustomFormatter",
      { accept: NOMETADATA },
    );
    expect(read.body).toEqual({ CustomFormatter: format });
    const bad = await rest("web/lists/getByTitle('Taken')/fields/getByInternalNameOrTitle('Status')", {
      method: 'PATCH',
      body: { CustomFormatter: '{not json' },
      accept: NOMETADATA,
    });
    expect(bad.status).toBe(400);
    const builtIn = await rest("web/lists/getByTitle('Taken')/fields/getByInternalNameOrTitle('Created')", {
      method: 'PATCH',
      body: { Title: 'x' },
      accept: NOMETADATA,
    });
    expect(builtIn.status).toBe(400);
    const missing = await rest("web/lists/getByTitle('Taken')/fields/getByInternalNameOrTitle('Nergens')", {
      accept: NOMETADATA,
    });
    expect(missing.status).toBe(404);
  });

  it("gives every list SharePoint's default view, and adds, reads, changes and deletes views with their fields", async () => {
    const views = await rest("web/lists/getByTitle('Taken')/views?$select=Title,DefaultView,ServerRelativeUrl", {
      accept: NOMETADATA,
    });
    expect((views.body as { value: unknown[] }).value).toEqual([
      { Title: 'Alle items', DefaultView: true, ServerRelativeUrl: '/sites/actieplan/Lists/Taken/AllItems.aspx' },
    ]);

    const query =
      "<Where><Eq><FieldRef Name='Eigenaar' LookupId='TRUE'/><Value Type='Integer'><UserID Type='Integer'/></Value></Eq></Where><OrderBy><FieldRef Name='Deadline'/></OrderBy>";
    const added = await rest("web/lists/getByTitle('Taken')/views", {
      method: 'POST',
      body: { Title: 'Mijn taken', PersonalView: false, ViewQuery: query, RowLimit: 50, Paged: true },
      accept: NOMETADATA,
    });
    expect(added.status).toBe(201);
    const view = added.body as {
      Id: string;
      ViewQuery: string;
      RowLimit: number;
      ServerRelativeUrl: string;
      DefaultView: boolean;
    };
    expect(view).toMatchObject({
      ViewQuery: query,
      RowLimit: 50,
      ServerRelativeUrl: '/sites/actieplan/Lists/Taken/Mijntaken.aspx',
      DefaultView: false,
    });

    const base = `web/lists/getByTitle('Taken')/views('${view.Id}')`;
    for (const op of [
      'viewfields/removeallviewfields',
      "viewfields/addviewfield('Status')",
      "viewfields/addviewfield('LinkTitle')",
      "viewfields/addviewfield('Deadline')",
    ]) {
      const res = await rest(`${base}/${op}`, { method: 'POST' });
      expect(res.status, op).toBe(200);
      expect(res.body).toEqual({ 'odata.null': true });
    }
    const moved = await rest(`${base}/viewfields/moveviewfieldto`, {
      method: 'POST',
      body: { field: 'LinkTitle', index: 0 },
    });
    expect(moved.status).toBe(200);
    const fields = await rest(`web/lists/getByTitle('Taken')/views/getByTitle('Mijn taken')/viewfields`, {
      accept: NOMETADATA,
    });
    expect(fields.body).toEqual({
      Items: ['LinkTitle', 'Status', 'Deadline'],
      SchemaXml: '<FieldRef Name="LinkTitle" /><FieldRef Name="Status" /><FieldRef Name="Deadline" />',
    });
    const verboseFields = await rest(`${base}/viewfields`, { accept: VERBOSE });
    expect((verboseFields.body as { d: { Items: unknown } }).d.Items).toEqual({
      __metadata: { type: 'Collection(Edm.String)' },
      results: ['LinkTitle', 'Status', 'Deadline'],
    });

    const unknownField = await rest(`${base}/viewfields/addviewfield('Nergens')`, {
      method: 'POST',
      accept: NOMETADATA,
    });
    expect(unknownField.status).toBe(400);

    const updated = await rest(base, {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE' },
      body: {
        ViewQuery: '<Where><Eq><FieldRef Name="Status"/><Value Type="Choice">Open</Value></Eq></Where>',
        RowLimit: 20,
      },
    });
    expect(updated.status).toBe(204);
    const reread = await rest(`${base}?$select=ViewQuery,RowLimit`, { accept: NOMETADATA });
    expect(reread.body).toEqual({
      ViewQuery: '<Where><Eq><FieldRef Name="Status"/><Value Type="Choice">Open</Value></Eq></Where>',
      RowLimit: 20,
    });

    // getByTitle is case-sensitive, as documented.
    expect(
      (await rest("web/lists/getByTitle('Taken')/views/getByTitle('mijn taken')", { accept: NOMETADATA })).status,
    ).toBe(404);
    const defaultView = await rest("web/lists/getByTitle('Taken')/DefaultView?$select=Title", { accept: NOMETADATA });
    expect(defaultView.body).toEqual({ Title: 'Alle items' });
    const deleteDefault = await rest("web/lists/getByTitle('Taken')/views/getByTitle('Alle items')", {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'DELETE' },
      accept: NOMETADATA,
    });
    expect(deleteDefault.status).toBe(400);
    const deleted = await rest(base, { method: 'POST', headers: { 'X-HTTP-Method': 'DELETE' } });
    expect(deleted.status).toBe(204);
    expect((await rest(base, { accept: NOMETADATA })).status).toBe(404);
  });

  it('refuses CAML that is malformed, has other top elements, or names fields the list does not have', async () => {
    const add = (ViewQuery: string) =>
      rest("web/lists/getByTitle('Taken')/views", {
        method: 'POST',
        body: { Title: 'Fout', ViewQuery },
        accept: NOMETADATA,
      });
    const malformed = await add('<Where><Eq><FieldRef Name="Status"/></Where>');
    expect(malformed.status).toBe(400);
    expect(spError(malformed).message.value).toMatch(/not well-formed/);
    expect((await add('<Query><Where/></Query>')).status).toBe(400);
    const unknown = await add('<Where><Eq><FieldRef Name="Statuss"/><Value Type="Choice">Open</Value></Eq></Where>');
    expect(unknown.status).toBe(400);
    expect(spError(unknown).message.value).toMatch(/'Statuss'/);
  });

  it('reads and writes items in REST\'s shape (<Name>Id, collections, eTag "n"), through the same store as Graph', async () => {
    const owner = PERSONAS.find((p) => p.upn === PORTFOLIOMANAGER)!;
    const created = await rest("web/lists/getByTitle('Taken')/items", {
      method: 'POST',
      body: {
        Title: 'Eerste',
        Status: 'Open',
        EigenaarId: owner.lookupId,
        Labels: { results: ['a', 'b'] },
        Deadline: '2026-06-30',
      },
      accept: VERBOSE,
    });
    expect(created.status).toBe(201);
    const d = (created.body as { d: Record<string, unknown> }).d;
    expect(d).toMatchObject({
      Title: 'Eerste',
      Status: 'Open',
      EigenaarId: owner.lookupId,
      Labels: { __metadata: { type: 'Collection(Edm.String)' }, results: ['a', 'b'] },
      Deadline: '2026-06-29T22:00:00Z',
    });
    expect((d['__metadata'] as { type: string; etag: string }).type).toBe('SP.Data.TakenListItem');
    expect((d['__metadata'] as { etag: string }).etag).toBe('"1"');

    const siteId = await graph.siteId();
    const viaGraph = await graph.get(`/sites/${siteId}/lists/Taken/items/${String(d['Id'])}`);
    expect((viaGraph.body as { fields: Record<string, unknown> }).fields).toMatchObject({
      Title: 'Eerste',
      Status: 'Open',
      EigenaarLookupId: String(owner.lookupId),
      Labels: ['a', 'b'],
    });

    const item = `web/lists/getByTitle('Taken')/items(${String(d['Id'])})`;
    const stale = await rest(item, {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '"7"' },
      body: { Status: 'Klaar' },
      accept: NOMETADATA,
    });
    expect(stale.status).toBe(412);
    const merged = await rest(item, {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE', 'IF-Match': '"1"' },
      body: { Status: 'Klaar' },
    });
    expect(merged.status).toBe(204);
    expect(merged.headers.get('etag')).toBe('"2"');
    const wrongChoice = await rest(item, { method: 'PATCH', body: { Status: 'Misschien' }, accept: NOMETADATA });
    expect(wrongChoice.status).toBe(400);
    const unknownProperty = await rest(item, { method: 'PATCH', body: { Eigenaar: 3 }, accept: NOMETADATA });
    expect(unknownProperty.status).toBe(400);
    expect(spError(unknownProperty).message.value).toMatch(/does not exist on type 'SP\.Data\.TakenListItem'/);

    const list = await rest("web/lists/getByTitle('Taken')/items?$select=Id,Status,EigenaarId", { accept: NOMETADATA });
    expect(list.body).toEqual({ value: [{ Id: Number(d['Id']), Status: 'Klaar', EigenaarId: owner.lookupId }] });
  });

  it("resolves people with ensureuser: claims login, UPN or e-mail; an unknown user is SharePoint's 500", async () => {
    const persona = PERSONAS.find((p) => p.upn === IM_SOCIAAL)!;
    for (const logonName of [`i:0#.f|membership|${IM_SOCIAAL}`, IM_SOCIAAL, IM_SOCIAAL.toUpperCase()]) {
      const res = await rest('web/ensureuser', { method: 'POST', body: { logonName }, accept: NOMETADATA });
      expect(res.status, logonName).toBe(200);
      expect(res.body).toMatchObject({
        Id: persona.lookupId,
        Title: persona.displayName,
        Email: IM_SOCIAAL,
        LoginName: `i:0#.f|membership|${IM_SOCIAAL}`,
        PrincipalType: 1,
      });
    }
    const unknown = await rest('web/ensureuser', {
      method: 'POST',
      body: { logonName: 'niemand@zoetermeer.example' },
      accept: NOMETADATA,
    });
    expect(unknown.status).toBe(500);
    expect(spError(unknown)).toEqual({
      code: '-2146232832, Microsoft.SharePoint.SPException',
      message: { lang: 'en-US', value: 'The specified user niemand@zoetermeer.example could not be found.' },
    });
    expect((await rest('web/ensureuser', { accept: NOMETADATA })).status).toBe(405);
    const byId = await rest(`web/siteusers/getById(${persona.lookupId})?$select=Title`, { accept: NOMETADATA });
    expect(byId.body).toEqual({ Title: persona.displayName });
  });

  it('reads the property bag, and refuses to write it as SharePoint does', async () => {
    const read = await rest('web/allproperties', { accept: NOMETADATA });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ vti_x005f_defaultlanguage: 'nl-nl' });
    const write = await rest('web/allproperties', {
      method: 'POST',
      headers: { 'X-HTTP-Method': 'MERGE' },
      body: { ActieplanSchemaVersion: '1' },
      accept: NOMETADATA,
    });
    expect(write.status).toBe(400);
    expect(spError(write).message.value).toBe('The type SP.PropertyValues does not support HTTP PATCH method.');
  });

  it("throttles REST like Graph: 429 with Retry-After, in SharePoint's error shape", async () => {
    t.sandbox.setFaults({ throttleRate: 1, retryAfterSeconds: 7 });
    try {
      const res = await rest('web', { accept: NOMETADATA });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(spError(res).code).toMatch(/SPQueryThrottledException/);
    } finally {
      t.sandbox.setFaults({});
    }
  });

  it('answers a CORS preflight for REST with MERGE and the headers PnPjs sends', async () => {
    const res = await http(`${t.sandbox.siteUrl}/_api/web/lists`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:3978', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toMatch(/MERGE/);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const h of ['accept', 'x-http-method', 'x-requestdigest', 'x-clientservice-clienttag'])
      expect(allowed).toContain(h);
  });
});
