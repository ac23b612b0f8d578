import { teamsLightTheme, tokens } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { themeToken, type DefinedThemeToken } from '../../../../src/tab/lib/theme-token.js';

describe('themeToken: a theme token as a CSS variable, without Fluent’s tokens map', () => {
  const names = Object.keys(tokens) as (keyof typeof tokens)[];
  const defined = names.filter((name): name is DefinedThemeToken => !name.startsWith('zIndex'));

  it("gives for every token the provider defines the value Fluent's tokens map has", () => {
    expect(defined.length).toBeGreaterThan(400);
    for (const name of defined) expect(themeToken(name), name).toBe(tokens[name]);
  });

  it('takes exactly the tokens a theme sets (the zIndex tokens, which have a fallback in the map, are not among them)', () => {
    expect([...defined].sort()).toEqual(Object.keys(teamsLightTheme).sort());
    const zIndex = names.filter((name) => name.startsWith('zIndex'));
    expect(zIndex.length).toBeGreaterThan(0);
    for (const name of zIndex) expect(tokens[name]).toMatch(/^var\(--zIndex\w+, \d+\)$/);
  });
});
