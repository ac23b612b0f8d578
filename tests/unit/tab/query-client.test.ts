import { describe, expect, it } from 'vitest';
import { loadErrorTexts } from '../../../src/tab/components/load-error-texts.js';
import { loadStateOf, queryClient, tabQueryKey } from '../../../src/tab/lib/query/query-client.js';

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
  it('reads once more after a failure, and not again on focus or reconnect (the same Graph requests as before)', () => {
    const queries = queryClient.getDefaultOptions().queries;
    expect(queries?.retry).toBe(1);
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
