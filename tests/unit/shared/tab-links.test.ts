import { describe, expect, it } from 'vitest';
import { tabDeepLink } from '../../../src/bot/deep-link.js';
import { sectionLink } from '../../../src/reminders/card.js';
import { mtListPath } from '../../../src/shared/tab-links.js';

describe('a link into the tab for an MT', () => {
  it('opens an MT of one domain in that domain’s view, as its channel tab does (the domain in the search)', () => {
    expect(mtListPath(['Sociaal Domein'])).toBe('?domein=Sociaal+Domein#/lijst');
    const link = tabDeepLink('https://actieplan.example.nl/tab/', { domeinen: ['Sociaal Domein'] });
    expect(link).toBe('https://actieplan.example.nl/tab/index.html?domein=Sociaal+Domein#/lijst');
    // The tab reads its domain view from the search (`readScope`): what a URL there says, it gets.
    expect(new URL(link).searchParams.get('domein')).toBe('Sociaal Domein');
  });

  it('keeps the domain view under a section’s filters (the card’s "… in het actieplan")', () => {
    const link = tabDeepLink('https://actieplan.example.nl/tab', { domeinen: ['Concern'] });
    const section = new URL(sectionLink(link, { tot: '2026-12-01', sort: 'deadline:asc' }));
    expect(section.searchParams.get('domein')).toBe('Concern');
    expect(section.hash).toBe('#/lijst?tot=2026-12-01&sort=deadline%3Aasc');
  });

  it('filters the list on the domains of an MT of several, and lists everything for one of none', () => {
    expect(mtListPath(['Sociaal Domein', 'Dienstverlening'])).toBe('#/lijst?domein=Sociaal+Domein%2CDienstverlening');
    expect(mtListPath([])).toBe('#/lijst');
  });

  it('encodes what a domain name may hold, so it cannot end the search or start the hash', () => {
    const path = mtListPath(['Ruimte & Wonen #2']);
    expect(path).toBe('?domein=Ruimte+%26+Wonen+%232#/lijst');
    expect(new URL(`https://x.example/index.html${path}`).searchParams.get('domein')).toBe('Ruimte & Wonen #2');
  });
});
