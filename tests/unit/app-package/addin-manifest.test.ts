/**
 * The Outlook add-in in the unified manifest (`extensions`, `authorization`): what the real package declares, that
 * `npm run package` carries it, and that offline validation refuses a broken extensions block.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAppPackage } from '../../../scripts/build-app-package.js';
import { ADDIN_ICON_SIZES } from '../../../scripts/make-addin-icons.js';
import { loadAppPackage, validateAppPackage } from '../../../scripts/validate-manifest.js';
import { arr, copyAppPackage, obj, type JsonObject, type PackageCopy } from './fixtures.js';

const extensionOf = (manifest: JsonObject | undefined) => obj(arr(manifest?.extensions)[0]);

// The first load compiles the bundled manifest schemas: seconds, more on a busy machine.
describe('the add-in in the real app package', { timeout: 30_000 }, () => {
  it('declares one mail extension with a task pane for the organiser and one for an attendee', async () => {
    const { manifest, ok, errors } = await loadAppPackage({ env: {} });
    expect(errors).toEqual([]);
    expect(ok).toBe(true);
    expect(arr(manifest?.extensions)).toHaveLength(1);
    const extension = extensionOf(manifest);
    expect(extension.requirements).toEqual({
      scopes: ['mail'],
      capabilities: [{ name: 'Mailbox', minVersion: '1.3' }],
    });
    const runtimes = arr(extension.runtimes).map(obj);
    expect(runtimes.map((r) => [r.id, obj(r.code).page, arr(r.actions).map((a) => obj(a).type)])).toEqual([
      ['agendapunt-organisator', 'https://localhost:3978/addin/index.html', ['openPage']],
      ['agendapunt-deelnemer', 'https://localhost:3978/addin/index.html?rol=deelnemer', ['openPage']],
    ]);
    const ribbons = arr(extension.ribbons).map(obj);
    expect(ribbons.map((r) => r.contexts)).toEqual([['meetingDetailsOrganizer'], ['meetingDetailsAttendee']]);
    const control = (i: number) => obj(arr(obj(arr(obj(arr(ribbons[i]?.tabs)[0]).groups)[0]).controls)[0]);
    expect([control(0).label, control(0).actionId]).toEqual(['Agendapunt digitalisering', 'openAgendapunt']);
    expect([control(1).label, control(1).actionId]).toEqual(['Digitalisering op de agenda', 'openAgenda']);
    // Every button's action exists in a runtime.
    const actions = runtimes.flatMap((r) => arr(r.actions).map((a) => obj(a).id));
    expect(actions).toEqual(expect.arrayContaining([control(0).actionId, control(1).actionId]));
  });

  it('asks for read/write access to the open item only (MailboxItem.ReadWrite.User, delegated)', async () => {
    const { manifest } = await loadAppPackage({ env: {} });
    const rsc = arr(obj(obj(manifest?.authorization).permissions).resourceSpecific).map(obj);
    expect(rsc.filter((p) => String(p.name).startsWith('Mailbox'))).toEqual([
      { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
    ]);
  });

  it('has the ribbon icons the manifest names, at 16, 32 and 80 px, in the add-in build', async () => {
    const { manifest } = await loadAppPackage({ env: {} });
    const urls = JSON.stringify(extensionOf(manifest)).match(/https:\/\/localhost:3978\/addin\/icon-\d+\.png/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(ADDIN_ICON_SIZES.map((s) => `https://localhost:3978/addin/icon-${s}.png`)));
    for (const size of ADDIN_ICON_SIZES) {
      const png = await readFile(`src/addin/public/icon-${size}.png`);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('is carried by the package that npm run package builds', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'app-package-out-'));
    try {
      const result = await buildAppPackage({ env: {}, outDir });
      expect(result.errors).toEqual([]);
      const built = JSON.parse(await readFile(result.manifestPath ?? '', 'utf8')) as JsonObject;
      expect(obj(arr(extensionOf(built).runtimes)[0]).code).toEqual({
        page: 'https://localhost:3978/addin/index.html',
      });
      expect(arr(built.staticTabs)).toHaveLength(3);
      expect(arr(built.bots)).toHaveLength(1);
      expect(result.entries).toEqual(['manifest.json', 'en-us.json', 'color.png', 'outline.png']);
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

describe('a broken extensions block is refused', () => {
  let copy: PackageCopy;
  const validate = () => validateAppPackage({ env: {}, envFile: copy.envFile, appPackageDir: copy.appPackageDir });
  beforeEach(async () => {
    copy = await copyAppPackage();
  });
  afterEach(async () => copy.remove());

  it('rejects a ribbon context the schema does not know', async () => {
    await copy.editJson('manifest.json', (m) => {
      obj(arr(extensionOf(m).ribbons)[0]).contexts = ['appointmentCompose'];
    });
    const result = await validate();
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(
      expect.stringMatching(
        /^manifest\.json: schema: \/extensions\/0\/ribbons\/0\/contexts\/0 must be equal to one of the allowed values/,
      ),
    );
  });

  it('rejects a task pane page that is not https', async () => {
    await copy.editEnv((lines) =>
      lines.map((line) => (line.startsWith('ADDIN_ENDPOINT=') ? 'ADDIN_ENDPOINT=http://127.0.0.1:3978' : line)),
    );
    const result = await validate();
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(
      expect.stringMatching(/^manifest\.json: schema: \/extensions\/0\/runtimes\/0\/code\/page must match pattern/),
    );
  });

  it('rejects a second extension and an unknown permission type', async () => {
    await copy.editJson('manifest.json', (m) => {
      m.extensions = [...arr(m.extensions), extensionOf(m)];
      obj(arr(obj(obj(m.authorization).permissions).resourceSpecific)[0]).type = 'User';
    });
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(/^manifest\.json: schema: \/extensions must NOT have more than 1 items/),
    );
    expect(result.errors).toContainEqual(
      expect.stringMatching(
        /^manifest\.json: schema: \/authorization\/permissions\/resourceSpecific\/0\/type must be equal to one of the allowed values/,
      ),
    );
  });

  it('names ADDIN_ENDPOINT when the env file does not define it', async () => {
    await copy.editEnv((lines) => lines.filter((line) => !line.startsWith('ADDIN_ENDPOINT=')));
    const result = await validate();
    expect(result.errors).toContainEqual(
      expect.stringMatching(
        /^manifest\.json: variable ADDIN_ENDPOINT is not defined in .*\(used at \/extensions\/0\/runtimes\/0\/code\/page\)$/,
      ),
    );
  });
});
