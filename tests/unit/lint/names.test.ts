import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The naming rule of the README ("Names"): code identifiers and file and folder names are English, and Dutch only for
 * the domain's own nouns (actie, advies, kwartaal, vergadering, inrichting, ...), spelled the same everywhere. A rule
 * about "English" cannot list every Dutch word, so this test refuses the Dutch words that are never a domain noun: the
 * function words (van, voor, uit, ...) and the everyday words that crept into names (nieuwe, wijzigen, keuze of a
 * schedule, tekst, datum, ...). A domain noun is simply not on the list, so `kwartaalOf` passes and `kwartaalVan`
 * fails. It reads src/ (every file and folder name, and every exported name) and the file names of tests/unit, which
 * mirror src/.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Dutch words that are not the domain's nouns; a name holding one of them as a whole word breaks the rule. */
export const NOT_DOMAIN_WORDS: ReadonlySet<string> = new Set([
  // function words
  ...['van', 'voor', 'uit', 'naar', 'met', 'op', 'bij', 'tot', 'aan', 'om', 'zonder', 'tussen', 'te', 'dit', 'deze'],
  ...['alle', 'alleen', 'geen', 'heeft', 'bestaat', 'binnen', 'wacht', 'laat', 'andere', 'hele', 'eigen', 'drie'],
  // everyday words that are not the plan's vocabulary
  ...['nieuw', 'nieuwe', 'wijzigen', 'wijziging', 'wijzigingen', 'komende', 'volgende', 'toon', 'toonbare', 'zoek'],
  ...['zoekvorm', 'tel', 'telling', 'tellingen', 'selectie', 'selecteer', 'historie', 'citaat', 'citaten', 'lezen'],
  ...['gelezen', 'lezers', 'sleutel', 'schoon', 'normaliseer', 'vergelijk', 'huidig', 'huidige', 'breek', 'lange'],
  ...['kop', 'kolom', 'kolommen', 'breedtes', 'zin', 'woord', 'woorden', 'tekst', 'teksten', 'datum', 'naam', 'bron'],
  ...['soort', 'soorten', 'probleem', 'problemen', 'veld', 'velden', 'waarde', 'waarden', 'aantal', 'pagina'],
  ...['limiet', 'bestandsnaam', 'bestanden', 'documenten', 'verschilt', 'uitleg', 'volgorde', 'regel', 'onbekend'],
  ...['ongeldig', 'ongeldige', 'standaard', 'bruikbare', 'namens', 'maand', 'maanden', 'weekdag', 'weekdagen'],
  ...['stilstand', 'stilstaande', 'drempel', 'rollen', 'statussen', 'lijst', 'kaart', 'stand', 'standen'],
]);

/** The words of a name: kebab-case, snake_case, camelCase and PascalCase split, lower case. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());
}

/** The words of `name` that break the rule (empty when it keeps it). */
export function notDomainWordsIn(name: string): string[] {
  return wordsOf(name).filter((w) => NOT_DOMAIN_WORDS.has(w));
}

/** The names a module exports: declarations and `export { a as b }` lists (the name others see). */
export function exportedNames(source: string): string[] {
  const names: string[] = [];
  const declaration =
    /export\s+(?:default\s+)?(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|type|interface|enum)\s+([A-Za-z_$][\w$]*)/g;
  for (const m of source.matchAll(declaration)) names.push(m[1]!);
  for (const m of source.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

/** Every file and folder under `dir`, as paths relative to the repository. */
function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    out.push(relative(root, path));
    if (entry.isDirectory()) out.push(...walk(path));
  }
  return out;
}

describe('the naming rule itself', () => {
  it('refuses a Dutch function or everyday word and allows the domain nouns', () => {
    expect(notDomainWordsIn('weekdagVan')).toEqual(['weekdag', 'van']);
    expect(notDomainWordsIn('nieuwe-actie-form.ts')).toEqual(['nieuwe']);
    expect(notDomainWordsIn('TELLING_KOLOMMEN')).toEqual(['telling', 'kolommen']);
    expect(notDomainWordsIn('readInrichtingVoorLezen')).toEqual(['voor', 'lezen']);
    for (const ok of [
      'kwartaalOf',
      'upcomingVergaderingen',
      'NewActieDialog',
      'AgendaKeuzeInput',
      'voorlooptijdMinuten',
    ])
      expect(notDomainWordsIn(ok)).toEqual([]);
  });

  it('reads the exported names of a module, also a re-export under another name', () => {
    const source = [
      'export function kwartaalVan() {}',
      'export const A_B = 1;',
      'export type { X as Namens, Y } from "./y.js";',
      'const local = 1;',
    ].join('\n');
    expect(exportedNames(source)).toEqual(['kwartaalVan', 'A_B', 'Namens', 'Y']);
  });
});

describe('src/ and tests/unit keep the naming rule', () => {
  const srcPaths = walk(join(root, 'src'));
  const unitPaths = walk(join(root, 'tests/unit'));

  it('file and folder names', () => {
    const broken = [...srcPaths, ...unitPaths]
      .map((path) => ({ path, words: notDomainWordsIn(path.split('/').pop()!) }))
      .filter((b) => b.words.length > 0)
      .map((b) => `${b.path}: ${b.words.join(', ')}`);
    expect(broken).toEqual([]);
    expect(srcPaths.length).toBeGreaterThan(100);
  });

  it('exported names', () => {
    const modules = srcPaths.filter((p) => /\.(ts|tsx|mjs)$/.test(p));
    const broken: string[] = [];
    let count = 0;
    for (const path of modules) {
      for (const name of exportedNames(readFileSync(join(root, path), 'utf8'))) {
        count++;
        const words = notDomainWordsIn(name);
        if (words.length > 0) broken.push(`${path}: ${name} (${words.join(', ')})`);
      }
    }
    expect(broken).toEqual([]);
    expect(count).toBeGreaterThan(1000);
  });
});
