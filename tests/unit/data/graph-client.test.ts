import { describe, expect, it } from 'vitest';
import { createGraph, odataQuery, odataString, splitGraphBaseUrl } from '../../../src/data/graph/client.js';
import { GraphRequestError, toGraphRequestError } from '../../../src/data/graph/errors.js';

const tokens = { getToken: async () => 'token', invalidate: () => undefined };

describe('Graph base URL', () => {
  it('splits host and version for the public cloud and for the sandbox', () => {
    expect(splitGraphBaseUrl('https://graph.microsoft.com/v1.0')).toEqual({
      host: 'https://graph.microsoft.com',
      version: 'v1.0',
      origin: 'https://graph.microsoft.com',
    });
    expect(splitGraphBaseUrl('http://127.0.0.1:3979/v1.0/')).toEqual({
      host: 'http://127.0.0.1:3979',
      version: 'v1.0',
      origin: 'http://127.0.0.1:3979',
    });
  });
  it('refuses a URL without a Graph version', () => {
    expect(() => splitGraphBaseUrl('https://graph.microsoft.com/')).toThrow(/v1\.0 or \/beta/);
  });
});

describe('the Graph client', () => {
  it('sends the bearer token on an http endpoint and follows an absolute nextLink on the same endpoint', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fetchStub: typeof fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      seen.push({ url, auth: new Headers(init?.headers).get('Authorization') });
      const body = url.includes('skiptoken')
        ? { value: [3] }
        : { value: [1, 2], '@odata.nextLink': 'http://127.0.0.1:9/v1.0/things?$skiptoken=abc' };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const graph = createGraph({ graphBaseUrl: 'http://127.0.0.1:9/v1.0', tokens, fetch: fetchStub });
    expect(await graph.getAll<number>('/things')).toEqual([1, 2, 3]);
    expect(seen.map((s) => s.url)).toEqual([
      'http://127.0.0.1:9/v1.0/things',
      'http://127.0.0.1:9/v1.0/things?$skiptoken=abc',
    ]);
    expect(seen.every((s) => s.auth === 'Bearer token')).toBe(true);
  });

  it('refuses to follow a link to another host, so the token never leaves the endpoint', async () => {
    const fetchStub: typeof fetch = async () =>
      new Response(JSON.stringify({ value: [1], '@odata.nextLink': 'https://evil.example/v1.0/things?$skiptoken=x' }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    const graph = createGraph({ graphBaseUrl: 'http://127.0.0.1:9/v1.0', tokens, fetch: fetchStub });
    await expect(graph.getAll('/things')).rejects.toThrow(/outside the configured Graph endpoint/);
  });

  it('turns an error answer into a GraphRequestError with status and Graph code', async () => {
    const fetchStub: typeof fetch = async () =>
      new Response(JSON.stringify({ error: { code: 'itemNotFound', message: 'The resource could not be found.' } }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      });
    const graph = createGraph({ graphBaseUrl: 'http://127.0.0.1:9/v1.0', tokens, fetch: fetchStub });
    const error = await graph.get('/sites/x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 404, code: 'itemNotFound' });
  });

  it('sends If-Match when asked', async () => {
    let ifMatch: string | null = null;
    const fetchStub: typeof fetch = async (_input, init) => {
      ifMatch = new Headers(init?.headers).get('If-Match');
      return new Response(JSON.stringify({ Title: 'x' }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    const graph = createGraph({ graphBaseUrl: 'http://127.0.0.1:9/v1.0', tokens, fetch: fetchStub });
    await graph.patch('/sites/s/lists/l/items/1/fields', { Title: 'x' }, { ifMatch: '"{ABC},2"' });
    expect(ifMatch).toBe('"{ABC},2"');
  });
});

describe('OData helpers', () => {
  it('doubles single quotes in string literals', () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
  });
  it('percent-encodes query values and leaves out undefined ones', () => {
    expect(odataQuery({ $filter: "fields/Status eq 'Loopt'", $top: 5, $orderby: undefined })).toBe(
      `?$filter=fields%2FStatus%20eq%20'Loopt'&$top=5`,
    );
  });
  it('passes typed errors through and wraps the rest', () => {
    const typed = new GraphRequestError('x', 412, 'preconditionFailed', undefined, {});
    expect(toGraphRequestError(typed)).toBe(typed);
    expect(toGraphRequestError('plain')).toBeInstanceOf(Error);
  });
});
