/**
 * Persistence of the sandbox site in SQLite (better-sqlite3, WAL).
 *
 * Every write a request makes runs inside one IMMEDIATE transaction, so a process killed with
 * SIGKILL half-way leaves either the whole write or none of it, and two processes that share a data
 * folder still serialise their read-check-write steps (unique values, item ids).
 * The store holds rows; the rules of SharePoint live in the route and field modules.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import type { ColumnRecord } from './columns.js';

/** Graph's identitySet as the sandbox records it for createdBy / lastModifiedBy. */
export type IdentitySet = {
  user?: { displayName: string; email: string; id: string };
  application?: { displayName: string; id: string };
};

/** A value as stored: text, number, boolean, ISO instant, id, or an array of them. */
export type StoredValue = string | number | boolean | string[] | number[];
export type StoredValues = Record<string, StoredValue>;

export type SiteRecord = { siteCollectionId: string; webId: string; createdAt: number };

export type ListRecord = {
  id: string;
  displayName: string;
  name: string;
  template: string;
  hidden: boolean;
  systemKind: 'userInformation' | null;
  description: string;
  createdAt: number;
  modifiedAt: number;
  createdBy: IdentitySet;
  modifiedBy: IdentitySet;
  version: number;
};

export type ItemRecord = {
  listId: string;
  id: number;
  uniqueId: string;
  version: number;
  values: StoredValues;
  createdAt: number;
  modifiedAt: number;
  authorId: number;
  editorId: number;
  createdBy: IdentitySet;
  modifiedBy: IdentitySet;
};

export type ItemVersionRecord = ItemRecord;

export type ChangeRecord = { seq: number; itemId: number; kind: 'upsert' | 'delete' };

/** List settings that only SharePoint REST shows and changes (Graph's list resource has none of them). */
export type ListSettings = { enableVersioning: boolean; majorVersionLimit: number; noCrawl: boolean };

/** A list's settings until someone changes them: versioning off, as for a list created through the API. */
export const DEFAULT_LIST_SETTINGS: ListSettings = { enableVersioning: false, majorVersionLimit: 0, noCrawl: false };

/** A public list view (SP.View). `query` is the CAML inside `<Query>`; `fields` the internal names shown. */
export type ViewRecord = {
  id: string;
  title: string;
  query: string;
  fields: string[];
  rowLimit: number;
  paged: boolean;
  defaultView: boolean;
  hidden: boolean;
  personalView: boolean;
  /** The page name, fixed at creation as SharePoint does (a rename keeps the URL). */
  urlName: string;
};

const SCHEMA_VERSION = '1';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lists (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  name TEXT NOT NULL,
  template TEXT NOT NULL,
  hidden INTEGER NOT NULL,
  system_kind TEXT,
  description TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  modified_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  version INTEGER NOT NULL,
  next_item_id INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS lists_display_name ON lists (display_name COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS columns (
  list_id TEXT NOT NULL REFERENCES lists (id),
  name TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (list_id, name)
);
CREATE TABLE IF NOT EXISTS items (
  list_id TEXT NOT NULL REFERENCES lists (id),
  id INTEGER NOT NULL,
  unique_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  fields TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  modified_at INTEGER NOT NULL,
  author_id INTEGER NOT NULL,
  editor_id INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  PRIMARY KEY (list_id, id)
);
CREATE TABLE IF NOT EXISTS item_versions (
  list_id TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  snapshot TEXT NOT NULL,
  PRIMARY KEY (list_id, item_id, version)
);
CREATE TABLE IF NOT EXISTS unique_values (
  list_id TEXT NOT NULL,
  column_name TEXT NOT NULL,
  value_key TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  PRIMARY KEY (list_id, column_name, value_key)
);
CREATE INDEX IF NOT EXISTS unique_values_item ON unique_values (list_id, item_id);
CREATE TABLE IF NOT EXISTS changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  list_id TEXT NOT NULL,
  item_id INTEGER NOT NULL,
  kind TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changes_list ON changes (list_id, seq);
CREATE INDEX IF NOT EXISTS changes_item ON changes (list_id, item_id, seq);
CREATE TABLE IF NOT EXISTS list_settings (
  list_id TEXT PRIMARY KEY REFERENCES lists (id),
  settings TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS views (
  list_id TEXT NOT NULL REFERENCES lists (id),
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  definition TEXT NOT NULL,
  PRIMARY KEY (list_id, id)
);
`;

type ListRow = {
  id: string;
  display_name: string;
  name: string;
  template: string;
  hidden: number;
  system_kind: string | null;
  description: string;
  created_at: number;
  modified_at: number;
  created_by: string;
  modified_by: string;
  version: number;
  next_item_id: number;
};

type ItemRow = {
  list_id: string;
  id: number;
  unique_id: string;
  version: number;
  fields: string;
  created_at: number;
  modified_at: number;
  author_id: number;
  editor_id: number;
  created_by: string;
  modified_by: string;
};

function toList(row: ListRow): ListRecord {
  return {
    id: row.id,
    displayName: row.display_name,
    name: row.name,
    template: row.template,
    hidden: row.hidden === 1,
    systemKind: row.system_kind === 'userInformation' ? 'userInformation' : null,
    description: row.description,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    createdBy: JSON.parse(row.created_by) as IdentitySet,
    modifiedBy: JSON.parse(row.modified_by) as IdentitySet,
    version: row.version,
  };
}

function parseIdentity(text: string): IdentitySet {
  return JSON.parse(text) as IdentitySet;
}

function toItem(row: ItemRow, identity: (text: string) => IdentitySet = parseIdentity): ItemRecord {
  return {
    listId: row.list_id,
    id: row.id,
    uniqueId: row.unique_id,
    version: row.version,
    values: JSON.parse(row.fields) as StoredValues,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
    authorId: row.author_id,
    editorId: row.editor_id,
    createdBy: identity(row.created_by),
    modifiedBy: identity(row.modified_by),
  };
}

/** A deep-frozen copy of an identity set: several items of one read may share it. */
function frozenIdentity(text: string): IdentitySet {
  const freeze = (value: unknown): unknown => {
    if (value && typeof value === 'object') for (const inner of Object.values(value)) freeze(inner);
    return Object.freeze(value);
  };
  return freeze(JSON.parse(text)) as IdentitySet;
}

/**
 * Rows to items, for a read of many: the people who wrote them are few, so each identity set's JSON (the same text for
 * every item one person wrote) is parsed once per read and shared, frozen, between those items.
 */
function toItems(rows: readonly ItemRow[]): ItemRecord[] {
  const identities = new Map<string, IdentitySet>();
  const identity = (text: string): IdentitySet => {
    let parsed = identities.get(text);
    if (!parsed) {
      parsed = frozenIdentity(text);
      identities.set(text, parsed);
    }
    return parsed;
  };
  return rows.map((row) => toItem(row, identity));
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The SQLite store of one sandbox data folder. */
export class SandboxStore {
  private readonly db: Database.Database;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Opens (creating when missing) the database in `dataDir`. */
  static open(dataDir: string): SandboxStore {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, 'sandbox.sqlite'));
    db.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before the HTTP answer leaves, so an acknowledged write survives a crash.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    const store = new SandboxStore(db);
    store.transaction(() => {
      const current = store.getMeta('schemaVersion');
      if (current === undefined) store.setMeta('schemaVersion', SCHEMA_VERSION);
      else if (current !== SCHEMA_VERSION)
        throw new Error(
          `Sandbox data in ${dataDir} has schema ${current}; this sandbox needs ${SCHEMA_VERSION}. Run the sandbox reset.`,
        );
    });
    return store;
  }

  close(): void {
    this.db.close();
  }

  /**
   * Writes a consistent copy of the whole database to `file` (SQLite's `VACUUM INTO`), for `restoreFrom`.
   * The file must not exist yet.
   */
  snapshotTo(file: string): void {
    this.db.prepare('VACUUM INTO ?').run(file);
  }

  /**
   * Replaces every row of every table with the rows of a snapshot taken by `snapshotTo`, in one transaction, so
   * the store is as it was when the snapshot was taken (same ids, eTags, change sequence). The tests use it to hand
   * each test file the freshly seeded site without seeding again.
   */
  restoreFrom(file: string): void {
    this.db.prepare('ATTACH DATABASE ? AS snapshot').run(file);
    try {
      const tables = (
        this.db
          .prepare(
            "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
          )
          .all() as { name: string }[]
      ).map((t) => t.name);
      this.transaction(() => {
        // Parents and children are replaced in one go; the foreign keys are checked at the commit.
        this.db.pragma('defer_foreign_keys = ON');
        for (const table of [...tables].reverse()) this.db.exec(`DELETE FROM main."${table}"`);
        for (const table of tables) this.db.exec(`INSERT INTO main."${table}" SELECT * FROM snapshot."${table}"`);
        this.db.exec('DELETE FROM main.sqlite_sequence');
        this.db.exec('INSERT INTO main.sqlite_sequence SELECT * FROM snapshot.sqlite_sequence');
      });
    } finally {
      this.db.exec('DETACH DATABASE snapshot');
    }
  }

  /** Runs `fn` in one IMMEDIATE transaction: all of its writes commit together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** The site, created with fresh GUIDs on the first start and the same ever after. */
  ensureSite(now: number): SiteRecord {
    return this.transaction(() => {
      let siteCollectionId = this.getMeta('siteCollectionId');
      let webId = this.getMeta('webId');
      let createdAt = this.getMeta('siteCreatedAt');
      if (siteCollectionId === undefined || webId === undefined || createdAt === undefined) {
        siteCollectionId = randomUUID();
        webId = randomUUID();
        createdAt = String(now);
        this.setMeta('siteCollectionId', siteCollectionId);
        this.setMeta('webId', webId);
        this.setMeta('siteCreatedAt', createdAt);
      }
      return { siteCollectionId, webId, createdAt: Number(createdAt) };
    });
  }

  // ---- lists -------------------------------------------------------------------------------

  allLists(): ListRecord[] {
    return (this.db.prepare('SELECT * FROM lists ORDER BY created_at, id').all() as ListRow[]).map(toList);
  }

  getList(id: string): ListRecord | undefined {
    const row = this.db.prepare('SELECT * FROM lists WHERE id = ?').get(id.toLowerCase()) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  /** Finds a list by its GUID or its display name, both without regard to case, as Graph does. */
  findList(idOrTitle: string): ListRecord | undefined {
    if (GUID.test(idOrTitle)) {
      const byId = this.getList(idOrTitle);
      if (byId) return byId;
    }
    const row = this.db.prepare('SELECT * FROM lists WHERE display_name = ? COLLATE NOCASE').get(idOrTitle) as
      ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  findSystemList(kind: 'userInformation'): ListRecord | undefined {
    const row = this.db.prepare('SELECT * FROM lists WHERE system_kind = ?').get(kind) as ListRow | undefined;
    return row ? toList(row) : undefined;
  }

  insertList(list: ListRecord, columns: ColumnRecord[]): void {
    this.db
      .prepare(
        `INSERT INTO lists (id, display_name, name, template, hidden, system_kind, description, created_at, modified_at, created_by, modified_by, version, next_item_id)
         VALUES (@id, @displayName, @name, @template, @hidden, @systemKind, @description, @createdAt, @modifiedAt, @createdBy, @modifiedBy, @version, 1)`,
      )
      .run({
        ...list,
        hidden: list.hidden ? 1 : 0,
        createdBy: JSON.stringify(list.createdBy),
        modifiedBy: JSON.stringify(list.modifiedBy),
      });
    columns.forEach((col) => this.insertColumn(list.id, col));
  }

  /** Changes a list's title, description or hidden flag (SharePoint REST may; Graph may not). */
  updateList(listId: string, patch: { displayName?: string; description?: string; hidden?: boolean }): void {
    const current = this.getList(listId);
    if (!current) throw new Error(`List ${listId} vanished during a write.`);
    this.db
      .prepare('UPDATE lists SET display_name = ?, description = ?, hidden = ? WHERE id = ?')
      .run(
        patch.displayName ?? current.displayName,
        patch.description ?? current.description,
        (patch.hidden ?? current.hidden) ? 1 : 0,
        listId,
      );
  }

  listSettings(listId: string): ListSettings {
    const row = this.db.prepare('SELECT settings FROM list_settings WHERE list_id = ?').get(listId) as
      { settings: string } | undefined;
    return row
      ? { ...DEFAULT_LIST_SETTINGS, ...(JSON.parse(row.settings) as Partial<ListSettings>) }
      : { ...DEFAULT_LIST_SETTINGS };
  }

  saveListSettings(listId: string, settings: ListSettings): void {
    this.db
      .prepare(
        'INSERT INTO list_settings (list_id, settings) VALUES (?, ?) ON CONFLICT (list_id) DO UPDATE SET settings = excluded.settings',
      )
      .run(listId, JSON.stringify(settings));
  }

  touchList(listId: string, now: number, by: IdentitySet): void {
    this.db
      .prepare('UPDATE lists SET modified_at = ?, modified_by = ?, version = version + 1 WHERE id = ?')
      .run(now, JSON.stringify(by), listId);
  }

  /** Hands out the next item id of a list: sequential and never reused, even after a delete. */
  allocateItemId(listId: string): number {
    const row = this.db.prepare('SELECT next_item_id FROM lists WHERE id = ?').get(listId) as
      { next_item_id: number } | undefined;
    if (!row) throw new Error(`List ${listId} vanished during a write.`);
    this.db.prepare('UPDATE lists SET next_item_id = ? WHERE id = ?').run(row.next_item_id + 1, listId);
    return row.next_item_id;
  }

  /** Moves the id counter past an explicitly chosen id (the User Information List uses fixed ids). */
  reserveItemIdsThrough(listId: string, id: number): void {
    this.db.prepare('UPDATE lists SET next_item_id = MAX(next_item_id, ?) WHERE id = ?').run(id + 1, listId);
  }

  // ---- columns -----------------------------------------------------------------------------

  columns(listId: string): ColumnRecord[] {
    const rows = this.db.prepare('SELECT definition FROM columns WHERE list_id = ? ORDER BY position').all(listId) as {
      definition: string;
    }[];
    return rows.map((r) => JSON.parse(r.definition) as ColumnRecord);
  }

  insertColumn(listId: string, col: ColumnRecord): void {
    const row = this.db
      .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM columns WHERE list_id = ?')
      .get(listId) as { next: number };
    this.db
      .prepare('INSERT INTO columns (list_id, name, position, definition) VALUES (?, ?, ?, ?)')
      .run(listId, col.name, row.next, JSON.stringify(col));
  }

  updateColumn(listId: string, col: ColumnRecord): void {
    this.db
      .prepare('UPDATE columns SET definition = ? WHERE list_id = ? AND name = ?')
      .run(JSON.stringify(col), listId, col.name);
  }

  // ---- views -------------------------------------------------------------------------------

  views(listId: string): ViewRecord[] {
    const rows = this.db.prepare('SELECT definition FROM views WHERE list_id = ? ORDER BY position').all(listId) as {
      definition: string;
    }[];
    return rows.map((r) => JSON.parse(r.definition) as ViewRecord);
  }

  insertView(listId: string, view: ViewRecord): void {
    const row = this.db
      .prepare('SELECT COALESCE(MAX(position), -1) + 1 AS next FROM views WHERE list_id = ?')
      .get(listId) as { next: number };
    this.db
      .prepare('INSERT INTO views (list_id, id, position, definition) VALUES (?, ?, ?, ?)')
      .run(listId, view.id, row.next, JSON.stringify(view));
  }

  updateView(listId: string, view: ViewRecord): void {
    this.db
      .prepare('UPDATE views SET definition = ? WHERE list_id = ? AND id = ?')
      .run(JSON.stringify(view), listId, view.id);
  }

  deleteView(listId: string, viewId: string): void {
    this.db.prepare('DELETE FROM views WHERE list_id = ? AND id = ?').run(listId, viewId);
  }

  // ---- items -------------------------------------------------------------------------------

  items(listId: string): ItemRecord[] {
    return toItems(this.db.prepare('SELECT * FROM items WHERE list_id = ? ORDER BY id').all(listId) as ItemRow[]);
  }

  /**
   * At most `limit` items of a list with an id above `afterId`, in id order: a page by key, which reads its own rows
   * only (the primary key (list_id, id) is the index), however deep into the list it starts.
   */
  itemsAfter(listId: string, afterId: number, limit: number): ItemRecord[] {
    return toItems(
      this.db
        .prepare('SELECT * FROM items WHERE list_id = ? AND id > ? ORDER BY id LIMIT ?')
        .all(listId, afterId, limit) as ItemRow[],
    );
  }

  getItem(listId: string, id: number): ItemRecord | undefined {
    const row = this.db.prepare('SELECT * FROM items WHERE list_id = ? AND id = ?').get(listId, id) as
      ItemRow | undefined;
    return row ? toItem(row) : undefined;
  }

  itemExists(listId: string, id: number): boolean {
    return this.db.prepare('SELECT 1 FROM items WHERE list_id = ? AND id = ?').get(listId, id) !== undefined;
  }

  /** Inserts or replaces an item row and records the version snapshot and the change. */
  saveItem(item: ItemRecord): void {
    this.db
      .prepare(
        `INSERT INTO items (list_id, id, unique_id, version, fields, created_at, modified_at, author_id, editor_id, created_by, modified_by)
         VALUES (@listId, @id, @uniqueId, @version, @fields, @createdAt, @modifiedAt, @authorId, @editorId, @createdBy, @modifiedBy)
         ON CONFLICT (list_id, id) DO UPDATE SET version = excluded.version, fields = excluded.fields, modified_at = excluded.modified_at,
           editor_id = excluded.editor_id, modified_by = excluded.modified_by`,
      )
      .run({
        ...item,
        fields: JSON.stringify(item.values),
        createdBy: JSON.stringify(item.createdBy),
        modifiedBy: JSON.stringify(item.modifiedBy),
      });
    this.db
      .prepare('INSERT OR REPLACE INTO item_versions (list_id, item_id, version, snapshot) VALUES (?, ?, ?, ?)')
      .run(item.listId, item.id, item.version, JSON.stringify(item));
    this.recordChange(item.listId, item.id, 'upsert');
  }

  deleteItem(listId: string, id: number): void {
    this.db.prepare('DELETE FROM items WHERE list_id = ? AND id = ?').run(listId, id);
    this.db.prepare('DELETE FROM item_versions WHERE list_id = ? AND item_id = ?').run(listId, id);
    this.db.prepare('DELETE FROM unique_values WHERE list_id = ? AND item_id = ?').run(listId, id);
    this.recordChange(listId, id, 'delete');
  }

  /** Versions of an item, newest first. */
  versions(listId: string, itemId: number): ItemVersionRecord[] {
    const rows = this.db
      .prepare('SELECT snapshot FROM item_versions WHERE list_id = ? AND item_id = ? ORDER BY version DESC')
      .all(listId, itemId) as { snapshot: string }[];
    return rows.map((r) => JSON.parse(r.snapshot) as ItemVersionRecord);
  }

  // ---- unique values -----------------------------------------------------------------------

  uniqueOwner(listId: string, column: string, key: string): number | undefined {
    const row = this.db
      .prepare('SELECT item_id FROM unique_values WHERE list_id = ? AND column_name = ? AND value_key = ?')
      .get(listId, column, key) as { item_id: number } | undefined;
    return row?.item_id;
  }

  /** Replaces the unique keys an item holds for one column. */
  setUniqueKey(listId: string, column: string, itemId: number, key: string | undefined): void {
    this.db
      .prepare('DELETE FROM unique_values WHERE list_id = ? AND column_name = ? AND item_id = ?')
      .run(listId, column, itemId);
    if (key !== undefined) {
      this.db
        .prepare('INSERT INTO unique_values (list_id, column_name, value_key, item_id) VALUES (?, ?, ?, ?)')
        .run(listId, column, key, itemId);
    }
  }

  clearUniqueColumn(listId: string, column: string): void {
    this.db.prepare('DELETE FROM unique_values WHERE list_id = ? AND column_name = ?').run(listId, column);
  }

  // ---- change log (delta) ------------------------------------------------------------------

  private recordChange(listId: string, itemId: number, kind: 'upsert' | 'delete'): void {
    this.db.prepare('INSERT INTO changes (list_id, item_id, kind) VALUES (?, ?, ?)').run(listId, itemId, kind);
  }

  /**
   * The latest change of each item of a list in the window (`afterSeq`, `upTo`], in change order, at most `limit`: an
   * item whose latest change lies after `upTo` is left out (a later window has it). Each page reads the changes of
   * its own window, by the (list_id, seq) and (list_id, item_id, seq) indexes.
   */
  changesSince(
    listId: string,
    afterSeq: number,
    upTo: number = Number.MAX_SAFE_INTEGER,
    limit: number = -1,
  ): ChangeRecord[] {
    const rows = this.db
      .prepare(
        `SELECT c.seq, c.item_id, c.kind FROM changes c
         WHERE c.list_id = ? AND c.seq > ? AND c.seq <= ?
           AND NOT EXISTS (SELECT 1 FROM changes later WHERE later.list_id = c.list_id AND later.item_id = c.item_id AND later.seq > c.seq)
         ORDER BY c.seq LIMIT ?`,
      )
      .all(listId, afterSeq, upTo, limit) as { seq: number; item_id: number; kind: string }[];
    return rows.map((r) => ({ seq: r.seq, itemId: r.item_id, kind: r.kind === 'delete' ? 'delete' : 'upsert' }));
  }

  /** The newest change sequence number of the whole store (0 when nothing changed yet). */
  latestChangeSeq(): number {
    const row = this.db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM changes').get() as { seq: number };
    return row.seq;
  }
}
