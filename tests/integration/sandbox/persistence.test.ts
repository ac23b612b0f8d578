import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../src/sandbox/server.js';
import { main as resetMain, resetSandboxData, UnsafeResetError } from '../../../src/sandbox/reset.js';
import {
  appToken,
  clientFor,
  freshDataDir,
  Graph,
  http,
  killHard,
  removeDir,
  spawnSandbox,
  type Item,
} from './helpers.js';

describe('sandbox persistence', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    while (cleanup.length > 0) await cleanup.pop()!();
  });

  it('keeps site, lists, items and signing key across close and restart on the same folder', async () => {
    const dataDir = freshDataDir();
    cleanup.push(() => removeDir(dataDir));
    const first = await startSandbox({ port: 0, dataDir });
    const token = await appToken(first);
    const graph = new Graph(first, token);
    const siteId = await graph.siteId();
    const listId = await graph.createList('Acties', [
      { name: 'Nummer', text: {}, indexed: true, enforceUniqueValues: true },
    ]);
    const created = (
      await graph.post(`/sites/${siteId}/lists/${listId}/items`, { fields: { Title: 'Blijft', Nummer: '1.1' } })
    ).body as Item;
    await graph.patch(`/sites/${siteId}/lists/${listId}/items/${created.id}/fields`, { Title: 'Blijft bewaard' });
    await first.close();

    const second = await startSandbox({ port: 0, dataDir });
    cleanup.push(() => second.close());
    // The token from before the restart still validates: the key pair was kept.
    const again = new Graph(second, token);
    expect(await again.siteId()).toBe(siteId);
    const item = await again.get(`/sites/${siteId}/lists/Acties/items/${created.id}`);
    expect(item.status).toBe(200);
    expect((item.body as Item).fields).toMatchObject({
      Title: 'Blijft bewaard',
      Nummer: '1.1',
      _UIVersionString: '2.0',
    });
    const versions = await again.get(`/sites/${siteId}/lists/${listId}/items/${created.id}/versions`);
    expect((versions.body as { value: unknown[] }).value).toHaveLength(2);
    const dup = await again.post(`/sites/${siteId}/lists/${listId}/items`, {
      fields: { Title: 'Dubbel', Nummer: '1.1' },
    });
    expect(dup.status).toBe(409);
    const next = await again.post(`/sites/${siteId}/lists/${listId}/items`, {
      fields: { Title: 'Volgende', Nummer: '1.2' },
    });
    expect((next.body as Item).id).toBe(String(Number(created.id) + 1));
  });

  it('survives SIGKILL of a sandbox process: acknowledged writes are there, no item is half written', async () => {
    const dataDir = freshDataDir();
    cleanup.push(() => removeDir(dataDir));
    const first = await spawnSandbox(dataDir);
    cleanup.push(() => killHard(first));
    const { graph, token } = await clientFor(first.baseUrl);
    const siteId = await graph.siteId();
    const listId = await graph.createList('Herinneringen', [
      { name: 'Sleutel', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Kopie', text: {} },
      { name: 'Volgnummer', number: {} },
    ]);
    const itemsUrl = `/sites/${siteId}/lists/${listId}/items`;
    const before = (
      await graph.post(itemsUrl, { fields: { Title: 'voor de crash', Sleutel: 'k-0', Kopie: 'k-0', Volgnummer: 0 } })
    ).body as Item;

    // Fire many writes at once and kill the process while they are in flight.
    const acknowledged: string[] = [];
    const writes = Array.from({ length: 60 }, (_, i) =>
      graph
        .post(itemsUrl, {
          fields: { Title: `schrijf ${i + 1}`, Sleutel: `k-${i + 1}`, Kopie: `k-${i + 1}`, Volgnummer: i + 1 },
        })
        .then((res) => {
          if (res.status === 201) acknowledged.push(`k-${i + 1}`);
        })
        .catch(() => undefined),
    );
    await new Promise<void>((r) => {
      const poll = setInterval(() => {
        if (acknowledged.length >= 5) {
          clearInterval(poll);
          r();
        }
      }, 1);
    });
    await killHard(first);
    await Promise.all(writes);
    expect(acknowledged.length).toBeGreaterThanOrEqual(5);

    const second = await spawnSandbox(dataDir);
    cleanup.push(() => killHard(second));
    const { graph: after } = await clientFor(second.baseUrl);
    // The old token still works against the new process: same key.
    expect((await new Graph({ ...after.sandbox }, token).get(`/sites/${siteId}`)).status).toBe(200);
    const res = await after.get(`${itemsUrl}?$expand=fields&$top=500`);
    expect(res.status).toBe(200);
    const items = (res.body as { value: Item[] }).value;
    const keys = new Set(items.map((i) => String(i.fields['Sleutel'])));
    expect(keys.has('k-0')).toBe(true);
    expect(items.find((i) => i.id === before.id)?.fields['Title']).toBe('voor de crash');
    for (const key of acknowledged) expect(keys.has(key), key).toBe(true);
    for (const item of items) {
      // Every stored item is whole: all three fields written together, consistent with each other.
      expect(item.fields['Kopie']).toBe(item.fields['Sleutel']);
      expect(item.fields['Sleutel']).toBe(`k-${String(item.fields['Volgnummer'])}`);
      expect(item.fields['Title']).toBeDefined();
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    // Ids keep counting after the crash, never reusing one.
    const next = (await after.post(itemsUrl, { fields: { Title: 'na de crash', Sleutel: 'k-new' } })).body as Item;
    expect(Number(next.id)).toBeGreaterThan(Math.max(...items.map((i) => Number(i.id))));
  });

  it('reset removes the data folder, and refuses folders that are not sandbox data', async () => {
    const dataDir = freshDataDir();
    const sandbox = await startSandbox({ port: 0, dataDir });
    await sandbox.close();
    expect(existsSync(join(dataDir, 'sandbox.sqlite'))).toBe(true);
    expect(existsSync(join(dataDir, 'signing-key.json'))).toBe(true);
    expect(resetSandboxData(dataDir)).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
    expect(resetSandboxData(dataDir)).toBe(false);
    expect(() => resetSandboxData(process.cwd())).toThrow(UnsafeResetError);
    expect(() => resetSandboxData('/')).toThrow(UnsafeResetError);

    const fresh = await startSandbox({ port: 0, dataDir });
    cleanup.push(() => removeDir(dataDir));
    cleanup.push(() => fresh.close());
    const lists = await new Graph(fresh, await appToken(fresh)).get(`/sites/127.0.0.1:/sites/actieplan:/lists`);
    expect((lists.body as { value: Array<{ displayName: string }> }).value.map((l) => l.displayName)).toEqual([
      'User Information List',
    ]);
    expect((await http(`${fresh.baseUrl}/_sandbox/health`)).status).toBe(200);
  });
  it('reset refuses a folder with anything the sandbox did not write, and one a running sandbox has open', async () => {
    // SANDBOX_DATA_DIR mistyped: a folder of someone's work. Nothing in it is touched.
    const work = freshDataDir();
    cleanup.push(() => removeDir(work));
    writeFileSync(join(work, 'scriptie.docx'), 'x');
    writeFileSync(join(work, 'signing-key.json'), '{}');
    expect(() => resetSandboxData(work)).toThrow(/er staat meer in dan de sandbox schrijft \(scriptie\.docx\)/);
    expect(readdirSync(work).sort()).toEqual(['scriptie.docx', 'signing-key.json']);

    // A sandbox runs on the folder: deleting its files would reset nothing, so it is refused.
    const dataDir = freshDataDir();
    cleanup.push(() => removeDir(dataDir));
    const running = await startSandbox({ port: 0, dataDir });
    try {
      expect(() => resetSandboxData(dataDir)).toThrow(/een sandbox heeft de database open/);
      expect(existsSync(join(dataDir, 'sandbox.sqlite'))).toBe(true);
    } finally {
      await running.close();
    }
    // Stopped, the same folder is reset.
    expect(resetSandboxData(dataDir)).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('npm run sandbox:reset -- --help prints its use and deletes nothing; an unknown argument is refused', async () => {
    const dataDir = freshDataDir();
    cleanup.push(() => removeDir(dataDir));
    writeFileSync(join(dataDir, 'signing-key.json'), '{}');
    const lines: string[] = [];
    expect(resetMain(['--help'], { SANDBOX_DATA_DIR: dataDir }, (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toMatch(/^Gebruik: npm run sandbox:reset/);
    expect(resetMain(['--force'], { SANDBOX_DATA_DIR: dataDir }, (l) => lines.push(l))).toBe(2);
    expect(existsSync(join(dataDir, 'signing-key.json'))).toBe(true);
    expect(resetMain([], { SANDBOX_DATA_DIR: dataDir }, (l) => lines.push(l))).toBe(0);
    expect(lines.at(-1)).toContain('verwijderd; de volgende start begint met een verse site.');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('restore puts the site back as it was at the snapshot: items, versions, unique keys, ids, change log and faults', async () => {
    const dataDir = freshDataDir();
    cleanup.push(() => removeDir(dataDir));
    const sandbox = await startSandbox({ port: 0, dataDir });
    cleanup.push(() => sandbox.close());
    expect(() => sandbox.restore()).toThrow(/snapshot/);
    const graph = new Graph(sandbox, await appToken(sandbox));
    const siteId = await graph.siteId();
    const listId = await graph.createList('Acties', [
      { name: 'Nummer', text: {}, indexed: true, enforceUniqueValues: true },
    ]);
    const kept = (
      await graph.post(`/sites/${siteId}/lists/${listId}/items`, { fields: { Title: 'Voor', Nummer: '1.1' } })
    ).body as Item;
    const deltaAtSnapshot = (await graph.get(`/sites/${siteId}/lists/${listId}/items/delta?token=latest`)).body as {
      '@odata.deltaLink': string;
    };
    sandbox.snapshot();

    await graph.patch(`/sites/${siteId}/lists/${listId}/items/${kept.id}/fields`, { Title: 'Na' });
    const added = (
      await graph.post(`/sites/${siteId}/lists/${listId}/items`, { fields: { Title: 'Nieuw', Nummer: '1.2' } })
    ).body as Item;
    await graph.createList('Weg', []);
    sandbox.setFaults({ throttleRate: 1 });

    sandbox.restore();
    const item = await graph.get(`/sites/${siteId}/lists/${listId}/items/${kept.id}`);
    expect(item.status).toBe(200);
    expect((item.body as Item).fields).toMatchObject({ Title: 'Voor', _UIVersionString: '1.0' });
    expect((await graph.get(`/sites/${siteId}/lists/${listId}/items/${added.id}`)).status).toBe(404);
    expect((await graph.get(`/sites/${siteId}/lists/Weg`)).status).toBe(404);
    const versions = await graph.get(`/sites/${siteId}/lists/${listId}/items/${kept.id}/versions`);
    expect((versions.body as { value: unknown[] }).value).toHaveLength(1);
    // The change log is the snapshot's: a delta link taken then sees no change.
    const delta = await graph.get(deltaAtSnapshot['@odata.deltaLink']);
    expect((delta.body as { value: unknown[] }).value).toEqual([]);
    // Unique keys and item ids are the snapshot's too: 1.2 is free again and gets the same id.
    const again = (
      await graph.post(`/sites/${siteId}/lists/${listId}/items`, { fields: { Title: 'Opnieuw', Nummer: '1.2' } })
    ).body as Item;
    expect(again.id).toBe(added.id);
    expect(
      (await graph.post(`/sites/${siteId}/lists/${listId}/items`, { fields: { Title: 'Dubbel', Nummer: '1.1' } }))
        .status,
    ).toBe(409);
  });
});
