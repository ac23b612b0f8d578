import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { AMSTERDAM, CALENDAR_DATE_FORMAT } from '../../../src/domain/dates.js';

const html = readFileSync('src/tab/index.html', 'utf8');
/** The page's classic inline scripts (not the module entry, not JSON). */
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');

describe("the tab's index.html", () => {
  it('warms up the calendar-date formatter dates.ts makes: the same locale, time zone and options (issue 16)', () => {
    expect(inline).toHaveLength(1);
    const made: unknown[][] = [];
    class DateTimeFormat {
      constructor(...args: unknown[]) {
        made.push(args);
      }
      formatToParts() {
        return [];
      }
    }
    runInNewContext(inline[0] ?? '', { Intl: { DateTimeFormat } });
    expect(made).toEqual([[CALENDAR_DATE_FORMAT.locale, { timeZone: AMSTERDAM, ...CALENDAR_DATE_FORMAT.options }]]);
  });

  it('never stops the page when Intl has no time zones: the warm-up swallows the error', () => {
    const failing = {
      DateTimeFormat: class {
        constructor() {
          throw new RangeError('Invalid time zone specified: Europe/Amsterdam');
        }
      },
    };
    expect(() => runInNewContext(inline[0] ?? '', { Intl: failing })).not.toThrow();
  });

  it('runs it after the entry script tag, so the scripts are requested first', () => {
    expect(html.indexOf('<script>')).toBeGreaterThan(html.indexOf('<script type="module"'));
  });
});
