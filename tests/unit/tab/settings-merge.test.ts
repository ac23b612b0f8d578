import { describe, expect, it } from 'vitest';
import { ZOETERMEER_INRICHTING } from '../../../src/domain/inrichting-basis.js';
import type { MTRegistration, MTSettingsData } from '../../../src/data/mts-store.js';
import { eTagVersion, mergeSettings } from '../../../src/tab/features/settings/lib/settings-merge.js';

const mt = (id: string, version: number, naam: string, eTag?: string): MTRegistration => ({
  id,
  eTag: eTag ?? `"{0C1D2E3F-0000-4000-8000-00000000000${id}},${version}"`,
  problems: [],
  beheerders: [],
  value: { key: `mt-${id}`, naam, domeinen: [] },
});
const data = (mts: MTRegistration[], logIds: string[] = []): MTSettingsData => ({
  mts,
  herinneringen: logIds.map((id) => ({
    id,
    eTag: `"x,${id}"`,
    problems: [],
    value: { sleutel: id, mtId: '1', mtNaam: 'CMT', moment: '2026-12-01T08:00:00Z' } as never,
  })),
  installaties: [],
  inrichting: ZOETERMEER_INRICHTING,
});

describe('the item version in an eTag', () => {
  it('reads SharePoint and Graph forms, and nothing from a text without one', () => {
    expect(eTagVersion('"{5CA9A8E3-1A2B-4C3D-8E9F-0A1B2C3D4E5F},7"')).toBe(7);
    expect(eTagVersion('"5ca9a8e3-1a2b-4c3d-8e9f-0a1b2c3d4e5f,12"')).toBe(12);
    expect(eTagVersion('W/"datetime\'2026-12-05T10:00:00\'"')).toBeUndefined();
    expect(eTagVersion('"1"')).toBeUndefined();
  });
});

describe('putting a fresh read of Instellingen in place', () => {
  it('takes the read as it is when the view holds nothing yet', () => {
    const loaded = data([mt('1', 3, 'CMT')], ['a']);
    expect(mergeSettings(undefined, loaded)).toBe(loaded);
  });

  it('never replaces an MT the view holds in a later version (its own save) with the older one of a read that started before', () => {
    const saved = mt('1', 4, 'CMT (na opslaan)');
    const current = data([saved, mt('2', 1, 'MT Fysiek')], ['a']);
    const stale = data([mt('1', 3, 'CMT'), mt('2', 2, 'MT Fysiek Domein')], ['a', 'b']);
    const merged = mergeSettings(current, stale);
    expect(merged.mts.map((m) => m.value.naam)).toEqual(['CMT (na opslaan)', 'MT Fysiek Domein']);
    expect(merged.mts[0]).toBe(saved);
    // The log and the installations are the read's: they only grow on the site.
    expect(merged.herinneringen.map((h) => h.id)).toEqual(['a', 'b']);
  });

  it('takes a later version from the read, and drops an MT the read no longer has', () => {
    const current = data([mt('1', 4, 'CMT'), mt('2', 1, 'MT Fysiek')]);
    const fresh = data([mt('1', 5, 'CMT, hernoemd')]);
    expect(mergeSettings(current, fresh).mts.map((m) => [m.id, m.value.naam])).toEqual([['1', 'CMT, hernoemd']]);
  });

  it('takes the read when versions cannot be compared', () => {
    const current = data([mt('1', 0, 'CMT (lokaal)', '"a"')]);
    const fresh = data([mt('1', 0, 'CMT', '"b"')]);
    expect(mergeSettings(current, fresh)).toBe(fresh);
  });
});
