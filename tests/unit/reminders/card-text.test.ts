import { afterEach, describe, expect, it } from 'vitest';
import {
  countPhrase,
  lateBy,
  escapeCardText,
  formatDateNl,
  formatMoment,
  truncateText,
  changedBy,
} from '../../../src/reminders/card-text.js';

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('escaping user text for a TextBlock', () => {
  it.each([
    ['**vet**', '\\*\\*vet\\*\\*'],
    ['_schuin_', '\\_schuin\\_'],
    ['[link](http://x)', '\\[link\\](http://x)'],
    ['${expr}', '$\\{expr\\}'],
    ['{{DATE(2017-02-14T06:08:00Z, SHORT)}}', '\\{\\{DATE(2017-02-14T06:08:00Z, SHORT)\\}\\}'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['&lt;b&gt;', '\\&lt;b\\&gt;'],
    ['a\\b', 'a\\\\b'],
    ['`code` ~~weg~~ | # x', '\\`code\\` \\~\\~weg\\~\\~ \\| \\# x'],
  ])('%s renders as itself', (input, expected) => {
    expect(escapeCardText(input)).toBe(expected);
  });

  it('list markers and headings only matter at the start, and are escaped there', () => {
    expect(escapeCardText('- item')).toBe('\\- item');
    expect(escapeCardText('+ item')).toBe('\\+ item');
    expect(escapeCardText('1. item')).toBe('1\\. item');
    expect(escapeCardText('12) item')).toBe('12\\) item');
    expect(escapeCardText('# kop')).toBe('\\# kop');
    expect(escapeCardText('data- en procesgericht, 2.1 af')).toBe('data- en procesgericht, 2.1 af');
  });

  it('makes one line: line breaks and control characters become single spaces, so no new list can start', () => {
    expect(escapeCardText('regel 1\r\n- regel 2\n\n1. regel 3\u2028x\u0007y')).toBe('regel 1 - regel 2 1. regel 3 x y');
  });

  it('leaves ordinary Dutch text alone', () => {
    const t = 'Afdelingshoofd (HR): “Wat vraagt het van ons?” — 3,5 fte, é, 2026-Q3.';
    expect(escapeCardText(t)).toBe(t);
  });

  it('cuts long text before escaping, so an escape is never cut in half', () => {
    const cut = escapeCardText('*'.repeat(50), 10);
    expect(cut).toBe(`${'\\*'.repeat(9)}…`);
    expect(truncateText('😀'.repeat(5), 3)).toBe('😀😀…');
    expect(truncateText('kort', 10)).toBe('kort');
  });
});

describe('long words on the card', () => {
  it('get an invisible break opportunity every 30 characters, after cutting and before escaping', () => {
    const url = `https://example.org/${'a'.repeat(100)}`;
    const shown = escapeCardText(url, 200);
    expect(shown.replaceAll('\u200B', '')).toBe(url);
    expect(Math.max(...shown.split('\u200B').map((part) => part.length))).toBeLessThanOrEqual(30);
    // A 20,000-character "word" typed in SharePoint: cut to the card's length, then breakable; escapes stay whole.
    const wild = escapeCardText('*'.repeat(20_000), 300);
    expect(wild.replaceAll('\u200B', '')).toBe(`${'\\*'.repeat(299)}…`);
    expect(wild).not.toMatch(/\\\u200B/);
  });
});

describe('dates in Dutch, Amsterdam time', () => {
  it('writes a meeting moment as "dinsdag 24 november 2026, 09:00"', () => {
    expect(formatMoment(new Date('2026-11-24T08:00:00Z'))).toBe('dinsdag 24 november 2026, 09:00');
  });

  it('keeps 09:00 on both sides of the DST switches, whatever the server’s zone', () => {
    for (const zone of ['UTC', 'America/New_York', 'Asia/Tokyo']) {
      process.env.TZ = zone;
      expect(formatMoment(new Date('2026-03-24T08:00:00Z'))).toBe('dinsdag 24 maart 2026, 09:00');
      expect(formatMoment(new Date('2026-03-31T07:00:00Z'))).toBe('dinsdag 31 maart 2026, 09:00');
      expect(formatMoment(new Date('2026-10-27T08:00:00Z'))).toBe('dinsdag 27 oktober 2026, 09:00');
      expect(formatDateNl('2025-06-30')).toBe('30 juni 2025');
    }
  });

  it('shows a value that is not a date as it is', () => {
    expect(formatDateNl('ooit')).toBe('ooit');
  });

  it('counts in Dutch', () => {
    expect(countPhrase(1, 'actie', 'acties')).toBe('1 actie');
    expect(countPhrase(3, 'actie', 'acties')).toBe('3 acties');
    expect(countPhrase(0, 'actie', 'acties')).toBe('0 acties');
  });
});

describe('how late an action is, in days, weeks or months', () => {
  it.each([
    [0, '0 dagen'],
    [1, '1 dag'],
    [5, '5 dagen'],
    [6, '6 dagen'],
    [7, '1 week'],
    [10, '1 week'],
    [11, '2 weken'],
    [21, '3 weken'],
    [30, '4 weken'],
    [31, '1 maand'],
    [45, '1 maand'],
    [46, '2 maanden'],
    [53, '2 maanden'],
    [365, '12 maanden'],
    [511, '17 maanden'],
  ])('%i days late is "%s"', (dagen, tekst) => {
    expect(lateBy(dagen)).toBe(tekst);
  });

  it('never grows shorter as the days go by', () => {
    const unit = (t: string): number =>
      ({ da: 1, we: 7, ma: 30 })[t.split(' ')[1]?.slice(0, 2) as 'da' | 'we' | 'ma'] * Number(t.split(' ')[0]);
    for (let d = 1; d < 800; d += 1) expect(unit(lateBy(d)), String(d)).toBeGreaterThanOrEqual(unit(lateBy(d - 1)) - 1);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => lateBy(-1)).toThrow(RangeError);
    expect(() => lateBy(1.5)).toThrow(RangeError);
  });
});

describe('what a card button did, by whom and when (issue 14, point 5)', () => {
  it('names the change, the person and the Amsterdam wall-clock time, in winter and in summer', () => {
    expect(changedBy('3.1 → Afgerond', 'Secretaris CMT', new Date('2026-12-04T16:05:00Z'))).toBe(
      '3.1 → Afgerond, door Secretaris CMT, 17:05',
    );
    expect(changedBy('Het besluit is vastgelegd', 'Secretaris CMT', new Date('2026-06-30T22:30:00Z'))).toBe(
      'Het besluit is vastgelegd, door Secretaris CMT, 00:30',
    );
  });
});
