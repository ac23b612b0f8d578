import { describe, expect, it } from 'vitest';
import { loadErrorTexts } from '../../../src/tab/components/load-error-texts.js';
import { NetworkError, RetryExhaustedError } from '../../../src/data/graph/errors.js';
import { loadStateOf, queryClient, retryQuery, tabQueryKey } from '../../../src/tab/lib/query/query-client.js';

describe('a failed read is tried once more only where the Graph client did not retry it', () => {
  const offline = (method: string) =>
    new NetworkError(method, 'http://127.0.0.1:1/v1.0/x', new TypeError('fetch failed'));

  it('does not repeat a read the client already retried after a dropped connection', () => {
    expect(retryQuery(0, offline('GET'))).toBe(false);
  });
  it('does not repeat throttling that outlasted the client’s retries', () => {
    expect(retryQuery(0, new RetryExhaustedError('busy', 503, 5))).toBe(false);
  });
  it('tries a $batch (a POST the client does not repeat) once more after a dropped connection', () => {
    expect(retryQuery(0, offline('POST'))).toBe(true);
    expect(retryQuery(1, offline('POST'))).toBe(false);
  });
  it('tries any other failure once more, and only once', () => {
    expect(retryQuery(0, new Error('500'))).toBe(true);
    expect(retryQuery(1, new Error('500'))).toBe(false);
  });
});

describe("the tab's one load pattern (issue 17)", () => {
  const failure = new Error('netwerk weg');

  it('is loading while nothing was loaded and nothing failed', () => {
    expect(loadStateOf({ data: undefined, error: null, isFetching: true })).toEqual({
      status: 'loading',
      fetching: true,
    });
  });
  it('is an error only when there is no data to show', () => {
    expect(loadStateOf({ data: undefined, error: failure, isFetching: false })).toEqual({
      status: 'error',
      error: failure,
      fetching: false,
    });
  });
  it('keeps the data loaded before when a later read fails, and reports the failure with it', () => {
    const data = { items: [1, 2, 3] };
    expect(loadStateOf({ data, error: failure, isFetching: false })).toEqual({
      status: 'ready',
      data,
      error: failure,
      fetching: false,
    });
  });
  it('is ready without an error once a read succeeded, also while it reads again', () => {
    expect(loadStateOf({ data: [], error: null, isFetching: true })).toEqual({
      status: 'ready',
      data: [],
      fetching: true,
    });
  });
  it("keys a query by person and site, so another person's or site's data is never shown", () => {
    expect(tabQueryKey('a@x.nl', 'site-1', 'portfolio')).toEqual(['tab', 'a@x.nl', 'site-1', 'portfolio']);
    expect(tabQueryKey('a@x.nl', 'site-1', 'portfolio')).not.toEqual(tabQueryKey('b@x.nl', 'site-1', 'portfolio'));
  });
  it('reads once more after a failure the Graph client did not retry, and not again on focus or reconnect', () => {
    const queries = queryClient.getDefaultOptions().queries;
    expect(queries?.retry).toBe(retryQuery);
    expect(queries?.refetchOnWindowFocus).toBe(false);
    expect(queries?.refetchOnReconnect).toBe(false);
  });
  it('has the load failure texts in Dutch and English, with the same placeholders', () => {
    expect(Object.keys(loadErrorTexts.en).sort()).toEqual(Object.keys(loadErrorTexts.nl).sort());
    for (const key of Object.keys(loadErrorTexts.nl) as (keyof typeof loadErrorTexts.nl)[]) {
      expect(loadErrorTexts.en[key].match(/\{\w+\}/g)).toEqual(loadErrorTexts.nl[key].match(/\{\w+\}/g));
      expect(loadErrorTexts.en[key]).not.toBe(loadErrorTexts.nl[key]);
    }
  });
});
