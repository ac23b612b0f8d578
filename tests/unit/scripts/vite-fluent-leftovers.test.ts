import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { fluentStyleLeftovers, unusedTokenConstants } from '../../../scripts/vite-fluent-leftovers.js';

type Handler = (code: string, id: string) => { code: string; map: { mappings: string } } | null;
const hook = fluentStyleLeftovers().transform as unknown as { filter: { id: RegExp; code: string }; handler: Handler };
const transform = (code: string, id: string) => hook.handler(code, id);
const STYLES_ID = '/app/node_modules/@fluentui/react-x/lib/components/X/useXStyles.styles.js';

/** The root of an installed Fluent package. */
function fluentRoot(pkg: string): string {
  return dirname(createRequire(import.meta.url).resolve(`@fluentui/${pkg}/package.json`));
}

/** Every precompiled style module under a directory. */
function stylesFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return stylesFiles(path);
    return entry.endsWith('.styles.js') ? [path] : [];
  });
}

const names = (code: string) => unusedTokenConstants(code).map((c) => c.name);

describe("the build drops the token constants Fluent's style modules no longer use (vite-fluent-leftovers)", () => {
  it('replaces a constant of one token or of a template of tokens that nothing uses with an empty statement', () => {
    const code = [
      "import { tokens } from '@fluentui/react-theme';",
      '// A comment.',
      'const textPadding = tokens.spacingHorizontalXXS;',
      'const moz = `calc(${tokens.strokeWidthThin} + 0.25px)`;',
      'export const useStyles = __styles({ root: { a: "x" } }, { d: [".x{a:b}"] });',
      '',
    ].join('\n');
    expect(names(code)).toEqual(['textPadding', 'moz']);
    const out = transform(code, STYLES_ID);
    expect(out?.code).toBe(
      [
        "import { tokens } from '@fluentui/react-theme';",
        '// A comment.',
        ';',
        ';',
        'export const useStyles = __styles({ root: { a: "x" } }, { d: [".x{a:b}"] });',
        '',
      ].join('\n'),
    );
    expect(out?.map.mappings.length).toBeGreaterThan(0);
  });

  it('keeps a token constant the module uses, also through a spread, and constants of anything else', () => {
    const kept = [
      'const border = `1px solid ${tokens.colorNeutralStroke1}`;\nexport const s = { border };',
      'const padding = tokens.spacingHorizontalS;\nexport const s = { inner: { padding: padding } };',
      'const list = tokens.shadow2;\nexport const s = [...list];',
      'const spread = tokens.shadow4;\nexport const s = { ...spread };',
      'const $odd = tokens.spacingVerticalS;\nexport const s = f($odd);',
      'const plain = `--fui-Slider__thumb--size`;',
      'const other = `calc(${size} + 1px)`;',
      'const mixed = `${tokens.a} ${size}`;',
      'const sum = tokens.a + tokens.b;',
      'const computed = tokens["spacingHorizontalS"];',
      'let changing = tokens.spacingHorizontalS;',
      'export const exported = tokens.spacingHorizontalS;',
      'const a = tokens.a, b = tokens.b;',
    ];
    for (const code of kept) {
      expect(names(code), code).toEqual([]);
      expect(transform(code, STYLES_ID), code).toBeNull();
    }
  });

  it('does not take a property read of the same name for a use, and keeps the constant when in doubt', () => {
    expect(names('const textPadding = tokens.spacingHorizontalXXS;\nexport const x = y.textPadding;\n')).toEqual([
      'textPadding',
    ]);
    expect(names('const textPadding = tokens.spacingHorizontalXXS;\nexport const x = y?.textPadding;\n')).toEqual([
      'textPadding',
    ]);
    // An object key or a string of the same name is counted as a use, so the constant stays.
    expect(names('const textPadding = tokens.spacingHorizontalXXS;\nexport const x = { textPadding: 1 };\n')).toEqual(
      [],
    );
    expect(names('const textPadding = tokens.spacingHorizontalXXS;\nexport const x = "textPadding";\n')).toEqual([]);
  });

  it('finds declarations only at the top of the module, never in a string, a comment or a function', () => {
    const code = [
      'export const css = `',
      'const inTemplate = tokens.a;',
      '`;',
      '/*',
      'const inComment = tokens.b;',
      '*/',
      'export function f() {',
      '  const inFunction = tokens.c;',
      '}',
      '',
    ].join('\n');
    expect(names(code)).toEqual([]);
    expect(names('this is not JavaScript {')).toEqual([]);
  });

  it('leaves the statements around a removed one as they were (no line joins the next)', () => {
    const code = 'const b = foo\nconst a = tokens.y;\n(bar)();\nexport { b };\n';
    const out = transform(code, STYLES_ID)?.code ?? '';
    expect(out).toBe('const b = foo\n;\n(bar)();\nexport { b };\n');
    // `foo` stays a value, not a call with `bar` (what removing the line with nothing in its place would make of it).
    type Statement = { type: string; declarations?: { init: { type: string } }[] };
    const initOfB = (text: string) =>
      (parseAst(text) as unknown as { body: Statement[] }).body[0]?.declarations?.[0]?.init.type;
    expect(initOfB(out)).toBe('Identifier');
    expect(initOfB(code.replace('const a = tokens.y;\n', ''))).toBe('CallExpression');
  });

  it("touches only Fluent's precompiled style modules", () => {
    const code = 'const textPadding = tokens.spacingHorizontalXXS;\n';
    for (const id of [
      '/app/src/tab/components/x.styles.js',
      '/app/node_modules/@fluentui/react-x/lib/index.js',
      '/app/node_modules/other/lib/x.styles.js',
      `\0${STYLES_ID}`,
      `${STYLES_ID}?raw`,
    ]) {
      expect(transform(code, id), id).toBeNull();
      expect(hook.filter.id.test(id), id).toBe(false);
    }
    expect(hook.filter.id.test(STYLES_ID)).toBe(true);
    expect(hook.filter.id.test('C:\\app\\node_modules\\@fluentui\\react-x\\lib\\X.styles.js')).toBe(true);
    expect(transform(code, STYLES_ID)?.code).toBe(';\n');
  });

  it("finds the leftovers in Fluent's installed style modules: Badge's, Button's and InlineDrawer's", () => {
    const found = ['react-badge', 'react-button', 'react-drawer'].flatMap((pkg) =>
      stylesFiles(join(fluentRoot(pkg), 'lib')).flatMap((file) => names(readFileSync(file, 'utf8'))),
    );
    expect(found.sort()).toEqual(['borderValue', 'boxShadowStrokeWidthThinMoz', 'textPadding']);
    // Without them neither Badge's nor Button's styles read the tokens map any more.
    for (const file of [
      join(fluentRoot('react-badge'), 'lib/components/Badge/useBadgeStyles.styles.js'),
      join(fluentRoot('react-button'), 'lib/components/Button/useButtonStyles.styles.js'),
    ]) {
      const out = transform(readFileSync(file, 'utf8'), STYLES_ID)?.code ?? '';
      expect(out).not.toMatch(/(?<![\w$.])tokens\.\w/);
    }
  });
});
