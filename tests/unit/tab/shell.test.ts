import { describe, expect, it } from 'vitest';
import { ZOETERMEER_INRICHTING } from '../../../src/domain/inrichting.js';
import { knownDomeinOf, initialDomeinChoice, readScope, searchWithDomein } from '../../../src/tab/app/scope.js';
import { formatHash, parseHash } from '../../../src/tab/app/router.js';
import { buildTabConfig } from '../../../src/tab/features/settings/lib/tab-config.js';
import { applyChange } from '../../../src/tab/lib/plan/apply-change.js';
import { byAttention } from '../../../src/tab/lib/attention.js';
import { deriveRows } from '../../../src/tab/lib/plan/derive.js';
import { findSiteUser } from '../../../src/domain/site-user.js';
import { NOW, seededPlan } from './fixtures.js';

describe('routes', () => {
  it('reads a view with its parameters and an open item', () => {
    const route = parseHash('#/lijst?status=Loopt&actie=12');
    expect(route).toMatchObject({ view: 'lijst', actieId: '12', defaulted: false });
    expect(route.params.toString()).toBe('status=Loopt');
    expect(formatHash(route)).toBe('#/lijst?status=Loopt&actie=12');
  });
  it('opens the deep-link form #/actie/12 on the default view', () => {
    expect(parseHash('#/actie/12', 'mijn-acties')).toMatchObject({
      view: 'mijn-acties',
      actieId: '12',
      defaulted: true,
    });
  });
  it('falls back to the default view for an unknown one', () => {
    expect(parseHash('#/bestaat-niet').view).toBe('roadmap');
    expect(parseHash('').view).toBe('roadmap');
  });
});

describe("the header's domain choice", () => {
  it("takes the URL first (a channel tab's MT, a shared link), then the remembered choice, else every domain", () => {
    expect(initialDomeinChoice('?domein=Sociaal%20Domein', 'Concern')).toBe('Sociaal Domein');
    expect(initialDomeinChoice('', 'Concern')).toBe('Concern');
    expect(initialDomeinChoice('', '')).toBeUndefined();
    expect(initialDomeinChoice('', null)).toBeUndefined();
  });
  it("treats a domain the municipality's set-up does not have as no choice, also when one is remembered", () => {
    // The set-up comes with the plan: until then the name stands; then the set-up decides.
    expect(initialDomeinChoice('?domein=Mars', 'Concern')).toBe('Mars');
    expect(knownDomeinOf('Mars', undefined)).toBe('Mars');
    expect(knownDomeinOf('Mars', ZOETERMEER_INRICHTING)).toBeUndefined();
    expect(knownDomeinOf(initialDomeinChoice('', 'Mars'), ZOETERMEER_INRICHTING)).toBeUndefined();
    expect(knownDomeinOf('Sociaal Domein', ZOETERMEER_INRICHTING)).toBe('Sociaal Domein');
    expect(initialDomeinChoice('?domein=%20%20', 'Concern')).toBeUndefined();
  });
  it("takes another municipality's domain from its set-up, and not Zoetermeer's there", () => {
    const westerveld = {
      ...ZOETERMEER_INRICHTING,
      domeinen: [
        { naam: 'Ruimte', concern: false },
        { naam: 'Gemeentebreed', concern: true },
      ],
    };
    expect(knownDomeinOf(initialDomeinChoice('?domein=Gemeentebreed', null), westerveld)).toBe('Gemeentebreed');
    expect(knownDomeinOf('Sociaal Domein', westerveld)).toBeUndefined();
  });
  it('writes the choice into the search string and keeps the other parameters', () => {
    expect(searchWithDomein('?view=lijst', 'Fysiek Domein')).toBe('?view=lijst&domein=Fysiek+Domein');
    expect(searchWithDomein('?domein=Concern&view=lijst', undefined)).toBe('?view=lijst');
    expect(searchWithDomein('?domein=Concern', undefined)).toBe('');
    expect(initialDomeinChoice(searchWithDomein('', 'Fysiek Domein'), null)).toBe('Fysiek Domein');
  });
});

describe('the tab instance', () => {
  it('takes its domain and start view from the content URL, and its layout from the frame context', () => {
    expect(readScope('?domein=Sociaal%20Domein&view=lijst', 'content')).toEqual({
      domein: 'Sociaal Domein',
      layout: 'full',
      defaultView: 'lijst',
      canEdit: true,
    });
    expect(readScope('?domein=', 'sidePanel')).toEqual({
      layout: 'compact',
      defaultView: 'roadmap',
      canEdit: true,
    });
    expect(readScope('', 'meetingStage')).toMatchObject({ layout: 'stage', canEdit: false });
  });
  it('builds the channel tab configuration with the domain in the content URL', () => {
    const config = buildTabConfig({
      origin: 'https://tab.zoetermeer.nl',
      path: '/index.html',
      domein: 'Fysiek Domein',
      view: 'voortgang',
      displayName: 'Actieplan Fysiek Domein',
    });
    expect(config.entityId).toBe('actieplan-fysiek-domein');
    const url = new URL(config.contentUrl);
    expect(url.searchParams.get('domein')).toBe('Fysiek Domein');
    expect(url.hash).toBe('#/voortgang');
    expect(readScope(url.search, 'content')).toMatchObject({ domein: 'Fysiek Domein', defaultView: 'voortgang' });
  });
});

describe('derived rows and attention', () => {
  const plan = seededPlan();
  const rows = deriveRows(plan, NOW);
  it('marks overdue and dependency-blocked actions with the domain rules', () => {
    const r32 = rows.find((r) => r.actie.nummer === '3.2');
    expect(r32?.blockedBy.map((a) => a.nummer)).toEqual(['1.1']);
    // 2.2 builds on 2.1, which was not taken up: that does not block.
    expect(rows.find((r) => r.actie.nummer === '2.2')?.blockedBy).toEqual([]);
    expect(rows.find((r) => r.actie.nummer === '2.1')?.dependents).toEqual(['2.2', '2.3']);
    // 11.5 runs as a standing commitment ("Geheel 2025 en verder"): not late; 1.1 has a one-off term and is.
    expect(rows.find((r) => r.actie.nummer === '11.5')?.overdue).toBe(false);
    expect(rows.find((r) => r.actie.nummer === '1.1')?.overdue).toBe(true);
  });
  it('orders a person’s actions overdue first, oldest deadline first, closed last', () => {
    const ordered = byAttention(rows, NOW);
    const reasons = ordered.map((o) => o.reason);
    expect(reasons.indexOf('afgesloten')).toBe(reasons.length - 1);
    const overdue = ordered.filter((o) => o.reason === 'achterstallig').map((o) => o.row.actie.deadline ?? '');
    expect(overdue).toEqual([...overdue].sort());
  });
  it('finds the signed-in person among the site users by e-mail, ignoring case', () => {
    const someone = plan.users[2];
    expect(findSiteUser(plan.users, { upn: someone?.email?.toUpperCase() })).toBe(someone);
    expect(findSiteUser(plan.users, { upn: 'onbekend@zoetermeer.example' })).toBeUndefined();
  });
  it('applies an optimistic change locally, removing cleared fields', () => {
    const item = plan.acties.find((a) => a.value.deadline);
    if (!item) throw new Error('no action with a deadline');
    const next = applyChange(item, { status: 'Loopt', deadline: undefined });
    expect(next.value.status).toBe('Loopt');
    expect('deadline' in next.value).toBe(false);
    expect(next.eTag).toBe(item.eTag);
  });
});
