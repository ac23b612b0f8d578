import { describe, expect, it } from 'vitest';
import { returnTo } from '../../../src/tab/app/auth/msal-redirect.js';

// Entra's answer comes to index.html itself: no search, the answer in the fragment.
const answer = { pathname: '/tab/index.html', search: '' };

describe('back from the sign-in page to the address the person opened', () => {
  it('loads the page again when the address had a search (a card’s link with its MT’s domain)', () => {
    expect(returnTo('?domein=Sociaal+Domein#/lijst?tot=2026-12-01', answer)).toEqual({
      kind: 'load',
      url: '/tab/index.html?domein=Sociaal+Domein#/lijst?tot=2026-12-01',
    });
    expect(returnTo('?domein=Concern', answer)).toEqual({ kind: 'load', url: '/tab/index.html?domein=Concern' });
  });

  it('puts a hash route back in place when the search is the same', () => {
    expect(returnTo('#/actie/12', answer)).toEqual({ kind: 'replace', url: '/tab/index.html#/actie/12' });
    expect(returnTo('?x=1#/lijst', { ...answer, search: '?x=1' })).toEqual({
      kind: 'replace',
      url: '/tab/index.html?x=1#/lijst',
    });
  });

  it('takes a route remembered by the version before (the hash alone), and nothing remembered, in place', () => {
    expect(returnTo('#/lijst?domein=Sociaal+Domein', answer)).toEqual({
      kind: 'replace',
      url: '/tab/index.html#/lijst?domein=Sociaal+Domein',
    });
    expect(returnTo(null, answer)).toEqual({ kind: 'replace', url: '/tab/index.html' });
    expect(returnTo('', answer)).toEqual({ kind: 'replace', url: '/tab/index.html' });
  });

  it('stays on this page whatever the storage holds: only a search or a hash of it is taken', () => {
    for (const odd of ['//evil.example/x', 'https://evil.example/', '/other.html', 'javascript:alert(1)'])
      expect(returnTo(odd, answer), odd).toEqual({ kind: 'replace', url: '/tab/index.html' });
  });
});
