import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/**
 * A module-level `const` whose value is one of Fluent's theme tokens or a template of them:
 * `const textPadding = tokens.spacingHorizontalXXS;` or ``const x = `calc(${tokens.strokeWidthThin} + 0.25px)`;``.
 */
const TOKEN_CONSTANT = /^const ([A-Za-z_$][\w$]*) = (?:tokens\.\w+|`(?:[^`$\\]|\$\{tokens\.\w+\})*`);\r?\n/gm;

/** How often `name` appears in `code` as an identifier of its own (not a property, not part of a longer name). */
function identifierCount(code: string, name: string): number {
  const escaped = name.replace(/\$/g, '\\$');
  return code.match(new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`, 'g'))?.length ?? 0;
}

/**
 * The source ranges of the token constants in `code` that the module never uses: its declaration is the name's only
 * appearance. What Fluent's ahead-of-time style transform leaves behind in its precompiled `*.styles.js` modules.
 */
export function unusedTokenConstants(code: string): { start: number; end: number; name: string }[] {
  return [...code.matchAll(TOKEN_CONSTANT)]
    .filter((match) => identifierCount(code, match[1] ?? '') === 1)
    .map((match) => ({ start: match.index, end: match.index + match[0].length, name: match[1] ?? '' }));
}

/**
 * Issue 16, "ship less": Fluent's precompiled style modules keep a few constants their ahead-of-time transform no
 * longer uses (Badge's `textPadding`, Button's `boxShadowStrokeWidthThinMoz`, InlineDrawer's `borderValue`). The
 * bundler must keep the property read in such a line (a read may run a getter), and with it Fluent's whole `tokens`
 * map (460 CSS variables, 30 KB of JS): the first view's code carried it for Badge's and Button's lines alone. This
 * removes those declarations from `@fluentui/*` `*.styles.js` modules, and nothing else. The browser-project test
 * `build-output` checks that the first view's scripts hold no `tokens` map.
 */
export function fluentStyleLeftovers(): Plugin {
  return {
    name: 'fluent-style-leftovers',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]@fluentui[\\/].+\.styles\.js$/.test(id) || !code.includes('tokens.')) return null;
      const unused = unusedTokenConstants(code);
      if (unused.length === 0) return null;
      const edited = new MagicString(code);
      for (const { start, end } of unused) edited.remove(start, end);
      return { code: edited.toString(), map: edited.generateMap({ hires: true, source: id }) };
    },
  };
}
