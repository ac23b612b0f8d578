import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY_BASE, loadTheme, themeIfLoaded } from '../../../src/tab/app/theme.js';

const families = (stack: string) => stack.split(',').map((f) => f.trim().replace(/^"|"$/g, ''));

describe('the app themes', () => {
  it("are Fluent's Teams themes with only the font stack changed", async () => {
    const pairs = [
      [themeIfLoaded('light'), teamsLightTheme],
      [await loadTheme('dark'), teamsDarkTheme],
      [await loadTheme('contrast'), teamsHighContrastTheme],
    ] as const;
    for (const [ours, fluent] of pairs) {
      expect(ours).toBeDefined();
      const { fontFamilyBase, ...rest } = ours!;
      const { fontFamilyBase: fluentFonts, ...fluentRest } = fluent;
      expect(rest).toEqual(fluentRest);
      expect(fontFamilyBase).toBe(FONT_FAMILY_BASE);
      // The same families as Fluent's, in another order.
      expect(new Set(families(fontFamilyBase))).toEqual(new Set(families(fluentFonts)));
    }
    expect(themeIfLoaded('dark')).toBe(await loadTheme('dark'));
  });

  it('name Segoe UI first and the system font before the Apple names, which other systems do not have', () => {
    const order = families(FONT_FAMILY_BASE);
    expect(order[0]).toBe('Segoe UI');
    expect(order[1]).toBe('system-ui');
    expect(order.indexOf('-apple-system')).toBeGreaterThan(order.indexOf('system-ui'));
    expect(order.indexOf('BlinkMacSystemFont')).toBeGreaterThan(order.indexOf('system-ui'));
    expect(order.at(-1)).toBe('sans-serif');
  });
});
