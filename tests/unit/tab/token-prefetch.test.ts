import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPersonaTokenSource,
  personaTokenForm,
  type PrefetchedToken,
} from '../../../src/data/graph/token-source.js';
import { planCacheKey } from '../../../src/tab/lib/plan/plan-cache-mark.js';
import { startTokenPrefetch, takeTokenPrefetch } from '../../../src/tab/lib/plan/token-prefetch.js';
import { personaConfig as config } from './fixtures.js';

const persona = 'Informatiemanager.Sociaal-Domein@zoetermeer.example';

function storage(items: Record<string, string> = {}): Storage {
  const map = new Map(Object.entries(items));
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, value),
  };
}

type FakeWindow = Parameters<typeof startTokenPrefetch>[0];

/** A window as the inline script sees it: its own frame, a localStorage and a fetch that answers `answer`. */
function fakeWindow(options: { framed?: boolean; storage?: Storage; answer?: () => Promise<Response> } = {}) {
  const fetch = vi.fn((_url: string, _init?: RequestInit) =>
    (options.answer ?? (() => Promise.resolve(Response.json({ access_token: 'tok-1', expires_in: 3600 }))))(),
  );
  const fake: { fetch: typeof fetch; opener: null; localStorage: Storage; parent?: unknown } = {
    fetch,
    opener: null,
    localStorage: options.storage ?? storage(),
  };
  fake.parent = options.framed ? {} : fake;
  return { win: fake as unknown as FakeWindow, fetch };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('startTokenPrefetch: the inline script in index.html', () => {
  it('posts the persona grant the token source posts, to the configured token URL, on a cold start', async () => {
    const { win, fetch } = fakeWindow();
    expect(startTokenPrefetch(win, config, persona)).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(config.tokenUrl);
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(Object.fromEntries(new URLSearchParams(String(init?.body)))).toEqual(
      personaTokenForm(config.clientId, persona),
    );
    await expect(takeTokenPrefetch(win, config.tokenUrl, persona)).resolves.toEqual({
      token: 'tok-1',
      expiresIn: 3600,
    });
  });

  it('sends nothing on a warm start (this browser stored the plan: the mark), nor where the boot does not apply', () => {
    const mark = `actieplan.plan-cached|${planCacheKey(config.siteUrl, persona)}`;
    const warm = fakeWindow({ storage: storage({ [mark]: '1' }) });
    expect(startTokenPrefetch(warm.win, config, persona)).toBe(false);
    const framed = fakeWindow({ framed: true });
    expect(startTokenPrefetch(framed.win, config, persona)).toBe(false);
    const others = fakeWindow();
    expect(startTokenPrefetch(others.win, undefined, persona)).toBe(false);
    expect(startTokenPrefetch(others.win, { ...config, auth: 'naa' }, persona)).toBe(false);
    expect(startTokenPrefetch(others.win, config, undefined)).toBe(false);
    for (const { fetch } of [warm, framed, others]) expect(fetch).not.toHaveBeenCalled();
  });

  it('hands its answer over once, and only for the same token URL and person', async () => {
    const { win } = fakeWindow();
    startTokenPrefetch(win, config, persona);
    expect(takeTokenPrefetch(win, config.tokenUrl, 'someone.else@zoetermeer.example')).toBeUndefined();
    // Taken (and cleared) by the wrong caller: nobody gets it afterwards.
    expect(takeTokenPrefetch(win, config.tokenUrl, persona)).toBeUndefined();
    startTokenPrefetch(win, config, persona);
    expect(takeTokenPrefetch(win, 'http://127.0.0.1:2/oauth2/v2.0/token', persona)).toBeUndefined();
    startTokenPrefetch(win, config, persona);
    expect(takeTokenPrefetch(win, config.tokenUrl, persona)).toBeDefined();
    expect(takeTokenPrefetch(win, config.tokenUrl, persona)).toBeUndefined();
  });

  it('rejects (quietly) on an error answer, an answer without a token, or a failed request', async () => {
    for (const answer of [
      () => Promise.resolve(Response.json({ error: 'invalid_grant' }, { status: 400 })),
      () => Promise.resolve(Response.json({ token_type: 'Bearer' })),
      () => Promise.reject(new TypeError('Failed to fetch')),
    ]) {
      const { win } = fakeWindow({ answer });
      startTokenPrefetch(win, config, persona);
      await expect(takeTokenPrefetch(win, config.tokenUrl, persona)).rejects.toThrow();
    }
  });
});

describe("the token source's first token from the prefetch", () => {
  /** A persona token source whose own requests answer 'own', with `first` as its first token. */
  const withFirst = (first: Promise<PrefetchedToken>) => {
    const fetch = vi.fn(() => Promise.resolve(Response.json({ access_token: 'own', expires_in: 3600 })));
    const source = createPersonaTokenSource({
      tokenUrl: config.tokenUrl,
      clientId: config.clientId,
      persona,
      fetch,
      first,
    });
    return { source, fetch };
  };

  it('is the first token, kept until it nearly expires like one the source asked for itself', async () => {
    let now = 1_000_000;
    const { source, fetch } = withFirst(Promise.resolve({ token: 'prefetched', expiresIn: 3600 }));
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    await expect(source.getToken()).resolves.toBe('prefetched');
    await expect(source.getToken()).resolves.toBe('prefetched');
    expect(fetch).not.toHaveBeenCalled();
    // Kept until two minutes before it expires (the source's margin), then the source asks itself.
    now += (3600 - 121) * 1000;
    await expect(source.getToken()).resolves.toBe('prefetched');
    expect(fetch).not.toHaveBeenCalled();
    now += 2 * 1000;
    await expect(source.getToken()).resolves.toBe('own');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('is asked for again by the source when the prefetch failed', async () => {
    const { source, fetch } = withFirst(Promise.reject(new Error('token prefetch: no token')));
    await expect(source.getToken()).resolves.toBe('own');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('is not used again after invalidate (a 401 on a request with it): the next token is a new request', async () => {
    const { source, fetch } = withFirst(Promise.resolve({ token: 'prefetched', expiresIn: 3600 }));
    await expect(source.getToken()).resolves.toBe('prefetched');
    source.invalidate();
    await expect(source.getToken()).resolves.toBe('own');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('is dropped by invalidate while it is still on its way', async () => {
    let settle: (value: PrefetchedToken) => void = () => undefined;
    const { source, fetch } = withFirst(
      new Promise<PrefetchedToken>((resolve) => {
        settle = resolve;
      }),
    );
    source.invalidate();
    settle({ token: 'prefetched', expiresIn: 3600 });
    await expect(source.getToken()).resolves.toBe('own');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
