import { teamsLightTheme, tokens } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { themeToken } from '../../../../src/tab/lib/theme-token.js';

describe('themeToken: a theme token as a CSS variable, without Fluent’s tokens map', () => {
  it("gives for every token of the theme the value Fluent's tokens map has", () => {
    const names = Object.keys(teamsLightTheme) as (keyof typeof teamsLightTheme)[];
    expect(names.length).toBeGreaterThan(400);
    for (const name of names) expect(themeToken(name), name).toBe(tokens[name]);
  });
});
