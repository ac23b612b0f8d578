import { describe, expect, it } from 'vitest';
import { zoetermeerKwartaaldoelen, zoetermeerPlan, zoetermeerPortfolio } from '../../../src/domain/plan/zoetermeer.js';
import {
  BREEKPUNT,
  withinLimit,
  breakLongWords,
  TEXT_MAX,
  displayText,
  WORD_MAX,
} from '../../../src/domain/text-limits.js';
import {
  validateAdvies,
  validateBevinding,
  validateKwartaaldoel,
  validatePortfolioItem,
  validateActie,
} from '../../../src/domain/validation.js';

describe('text limits', () => {
  it('a SharePoint single line of text holds 255 characters; the notes have their own maxima', () => {
    expect(TEXT_MAX.regel).toBe(255);
    expect(TEXT_MAX.besluit).toBe(255);
    expect(TEXT_MAX.statusToelichting).toBe(1000);
  });

  it('every text of the seeded plan fits its field (the limits come from the data up)', () => {
    for (const a of zoetermeerPlan.acties) expect(validateActie(a).ok, a.nummer).toBe(true);
    for (const a of zoetermeerPlan.adviezen) expect(validateAdvies(a).ok, String(a.nummer)).toBe(true);
    for (const b of zoetermeerPlan.bevindingen) expect(validateBevinding(b).ok, String(b.nummer)).toBe(true);
    for (const p of zoetermeerPortfolio) expect(validatePortfolioItem(p).ok, p.key).toBe(true);
    for (const d of zoetermeerKwartaaldoelen) expect(validateKwartaaldoel(d).ok, d.doel).toBe(true);
  });

  it('a text at its maximum is accepted, one character more is refused', () => {
    const actie = zoetermeerPlan.acties[0]!;
    expect(validateActie({ ...actie, statusToelichting: 'x'.repeat(TEXT_MAX.statusToelichting) }).ok).toBe(true);
    expect(validateActie({ ...actie, statusToelichting: 'x'.repeat(TEXT_MAX.statusToelichting + 1) }).ok).toBe(false);
  });

  it('cuts a longer text to its maximum, marked with an ellipsis, and never splits a surrogate pair', () => {
    expect(withinLimit('kort', 10)).toBe('kort');
    expect(withinLimit('x'.repeat(12), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(withinLimit('x'.repeat(12), 10)).toHaveLength(10);
    expect(withinLimit('woord woord woord', 7)).toBe('woord…');
    const emoji = `${'a'.repeat(8)}😀😀`;
    const cut = withinLimit(emoji, 10);
    expect(cut).toBe(`${'a'.repeat(8)}…`);
  });

  it('puts a break opportunity after every WORD_MAX characters of a long word, and leaves normal words alone', () => {
    expect(breakLongWords('informatiebeveiligingsbeleid is belangrijk')).toBe(
      'informatiebeveiligingsbeleid is belangrijk',
    );
    const long = 'x'.repeat(100);
    const broken = breakLongWords(long);
    expect(broken.split(BREEKPUNT).map((p) => p.length)).toEqual([WORD_MAX, WORD_MAX, WORD_MAX, 100 - 3 * WORD_MAX]);
    expect(breakLongWords(`kort ${'y'.repeat(31)} kort`, 30)).toBe(`kort ${'y'.repeat(30)}${BREEKPUNT}y kort`);
    expect(breakLongWords('a'.repeat(61), 30).split(BREEKPUNT)).toHaveLength(3);
  });

  it('shows a hand-written 20,000-character word cut to its field and breakable', () => {
    const shown = displayText('z'.repeat(20_000), 'statusToelichting');
    const visible = shown.replaceAll(BREEKPUNT, '');
    expect(visible).toBe(`${'z'.repeat(TEXT_MAX.statusToelichting - 1)}…`);
    expect(Math.max(...shown.split(BREEKPUNT).map((p) => p.length))).toBeLessThanOrEqual(WORD_MAX);
  });
});
