import MagicString from 'magic-string';
import { parseAst, type Plugin } from 'vite';

/** Fluent's precompiled style modules, as installed: `node_modules/@fluentui/<package>/lib/…/<name>.styles.js`. */
const FLUENT_STYLES = /^[^\0?]*[\\/]node_modules[\\/]@fluentui[\\/][^?]+\.styles\.js$/;

type AstNode = { type: string; start: number; end: number } & Record<string, unknown>;

/** `tokens.someToken`: a plain read of one of Fluent's theme tokens. */
function isTokenRead(node: unknown): boolean {
  const n = node as { type?: string; computed?: boolean; object?: AstNode; property?: AstNode & { name?: string } };
  return (
    n.type === 'MemberExpression' &&
    n.computed === false &&
    n.object?.type === 'Identifier' &&
    (n.object as { name?: string }).name === 'tokens' &&
    n.property?.type === 'Identifier'
  );
}

/** A token, or a template that holds at least one token and nothing else but text. */
function isTokenValue(node: unknown): boolean {
  const n = node as { type?: string; expressions?: unknown[] };
  if (isTokenRead(n)) return true;
  return n.type === 'TemplateLiteral' && (n.expressions?.length ?? 0) > 0 && (n.expressions ?? []).every(isTokenRead);
}

/**
 * How often `name` appears in `code` as an identifier of its own: not part of a longer name, and not a property read
 * (`x.name`; a spread `...name` counts). Counted in the text, so a mention in a string or a comment, or an object key
 * of that name, counts too: in doubt the constant is kept.
 */
function identifierCount(code: string, name: string): number {
  const escaped = name.replace(/\$/g, '\\$');
  return code.match(new RegExp(`(?<![\\w$])(?<![^.]\\.)(?<!^\\.)${escaped}(?![\\w$])`, 'g'))?.length ?? 0;
}

/**
 * The module-level `const` declarations in `code` whose value is one of Fluent's theme tokens or a template of them
 * (`const textPadding = tokens.spacingHorizontalXXS;`, ``const x = `calc(${tokens.strokeWidthThin} + 0.25px)`;``) and
 * whose name the module never uses again: what Fluent's ahead-of-time style transform leaves behind in its
 * precompiled `*.styles.js` modules. Found in the module's syntax tree (never inside a string, a comment or a
 * function); a module that does not parse has none.
 */
export function unusedTokenConstants(code: string): { start: number; end: number; name: string }[] {
  let body: AstNode[];
  try {
    body = (parseAst(code) as unknown as { body: AstNode[] }).body;
  } catch {
    return [];
  }
  return body.flatMap((statement) => {
    const declarations = statement.declarations as { id: AstNode & { name?: string }; init: unknown }[] | undefined;
    const only = declarations?.length === 1 ? declarations[0] : undefined;
    if (statement.type !== 'VariableDeclaration' || statement.kind !== 'const' || !only) return [];
    const name = only.id.type === 'Identifier' ? only.id.name : undefined;
    if (!name || !isTokenValue(only.init) || identifierCount(code, name) !== 1) return [];
    return [{ start: statement.start, end: statement.end, name }];
  });
}

/**
 * Issue 16, "ship less": Fluent's precompiled style modules keep a few constants their ahead-of-time transform no
 * longer uses (Badge's `textPadding`, Button's `boxShadowStrokeWidthThinMoz`, InlineDrawer's `borderValue`). The
 * bundler must keep the property read in such a line (a read may run a getter), and with it Fluent's whole `tokens`
 * map (467 CSS variables, 29 KB of JS): the first view's code carried it for Badge's and Button's lines alone. This
 * replaces those declarations in `@fluentui/*` `*.styles.js` modules with an empty statement (`;`, so the lines
 * around them still end where they did), and changes nothing else. The browser-project test `build-output` checks
 * that the first view's scripts hold no `tokens` map.
 */
export function fluentStyleLeftovers(): Plugin {
  return {
    name: 'fluent-style-leftovers',
    apply: 'build',
    transform: {
      filter: { id: FLUENT_STYLES, code: 'tokens.' },
      handler(code, id) {
        if (!FLUENT_STYLES.test(id) || !code.includes('tokens.')) return null;
        const unused = unusedTokenConstants(code);
        if (unused.length === 0) return null;
        const edited = new MagicString(code);
        for (const { start, end } of unused) edited.overwrite(start, end, ';');
        return { code: edited.toString(), map: edited.generateMap({ hires: 'boundary', source: id }) };
      },
    },
  };
}
