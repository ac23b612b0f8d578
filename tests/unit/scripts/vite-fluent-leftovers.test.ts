import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fluentStyleLeftovers, unusedTokenConstants } from '../../../scripts/vite-fluent-leftovers.js';

type Transform = (code: string, id: string) => { code: string; map: { mappings: string } } | null;
const transform = fluentStyleLeftovers().transform as unknown as Transform;
const STYLES_ID = '/app/node_modules/@fluentui/react-x/lib/components/X/useXStyles.styles.js';

/** A Fluent package's precompiled style module, as installed. */
function fluentStyles(pkg: string, file: string): string {
  const root = dirname(createRequire(import.meta.url).resolve(`@fluentui/${pkg}/package.json`));
  return readFileSync(join(root, 'lib', file), 'utf8');
}

describe("the build drops the token constants Fluent's style modules no longer use (vite-fluent-leftovers)", () => {
  it('finds a constant of one token or of a template of tokens that nothing uses', () => {
    const code = [
      "import { tokens } from '@fluentui/react-theme';",
      'const textPadding = tokens.spacingHorizontalXXS;',
      'const moz = `calc(${tokens.strokeWidthThin} + 0.25px)`;',
      'export const useStyles = __styles({ root: { a: "x" } }, { d: [".x{a:b}"] });',
      '',
    ].join('\n');
    expect(unusedTokenConstants(code).map((c) => c.name)).toEqual(['textPadding', 'moz']);
    const out = transform(code, STYLES_ID);
    expect(out?.code).toBe(
      [
        "import { tokens } from '@fluentui/react-theme';",
        'export const useStyles = __styles({ root: { a: "x" } }, { d: [".x{a:b}"] });',
        '',
      ].join('\n'),
    );
    expect(out?.map.mappings.length).toBeGreaterThan(0);
  });

  it('keeps a token constant the module uses, and constants of anything else', () => {
    const code = [
      'const border = `1px solid ${tokens.colorNeutralStroke1}`;',
      'const padding = tokens.spacingHorizontalS;',
      'const other = `calc(${size} + 1px)`;',
      'const sum = tokens.a + tokens.b;',
      'const $odd = tokens.spacingVerticalS;',
      'export const styles = { border, inner: { padding: padding }, x: $odd };',
      '',
    ].join('\n');
    expect(unusedTokenConstants(code)).toEqual([]);
    expect(transform(code, STYLES_ID)).toBeNull();
  });

  it('does not take a property read of the same name for a use, and keeps the constant when in doubt', () => {
    const read = 'const textPadding = tokens.spacingHorizontalXXS;\nexport const x = y.textPadding;\n';
    expect(unusedTokenConstants(read).map((c) => c.name)).toEqual(['textPadding']);
    // An object key of the same name may be a shorthand (`{ textPadding }`): counted, so the constant stays.
    const key = 'const textPadding = tokens.spacingHorizontalXXS;\nexport const x = { textPadding: 1 };\n';
    expect(unusedTokenConstants(key)).toEqual([]);
  });

  it("touches only Fluent's precompiled style modules", () => {
    const code = 'const textPadding = tokens.spacingHorizontalXXS;\n';
    expect(transform(code, '/app/src/tab/components/x.styles.js')).toBeNull();
    expect(transform(code, '/app/node_modules/@fluentui/react-x/lib/index.js')).toBeNull();
    expect(transform(code, '/app/node_modules/other/lib/x.styles.js')).toBeNull();
    expect(transform(code, STYLES_ID)?.code).toBe('');
  });

  it("finds the leftovers in Fluent's installed Badge and Button styles, and nothing else there", () => {
    const badge = fluentStyles('react-badge', 'components/Badge/useBadgeStyles.styles.js');
    const button = fluentStyles('react-button', 'components/Button/useButtonStyles.styles.js');
    expect(unusedTokenConstants(badge).map((c) => c.name)).toEqual(['textPadding']);
    expect(unusedTokenConstants(button).map((c) => c.name)).toEqual(['boxShadowStrokeWidthThinMoz']);
    // Without them neither module reads the tokens map any more.
    for (const code of [badge, button]) {
      const out = transform(code, STYLES_ID)?.code ?? '';
      expect(out).not.toMatch(/(?<![\w$.])tokens\.\w/);
    }
  });
});
