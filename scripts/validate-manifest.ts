/**
 * Validates the Teams app package in `appPackage/` for one environment, fully offline.
 *
 * 1. Reads the env file (default `env/.env.sandbox`) and expands every `${{VAR}}` in
 *    `manifest.json` and its localization files, the way the Microsoft 365 Agents Toolkit does.
 *    A variable that is missing or empty is an error that names it.
 * 2. Validates the expanded manifest against the official JSON schema of its `manifestVersion`,
 *    and each localization file against the official localization schema. The schemas come from
 *    the copies bundled in `@microsoft/app-manifest`; nothing is fetched from the internet.
 * 3. Checks what the schema cannot: icon files exist with the right pixel sizes (decoded with
 *    pngjs), the outline icon is white on transparent, localization keys point at manifest
 *    fields that exist (and every localizable field has a translation), tab URLs lie on a valid
 *    domain, and the Nested App Authentication redirect has the `brk-multihub://<domain>` form.
 *
 * CLI: `tsx scripts/validate-manifest.ts [--env <file>] [--app-package <dir>]`; exits 1 on any
 * problem and prints one line per problem.
 */
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { withPortsOf } from '../src/server/env-files.js';

// ---------------------------------------------------------------------------------------------
// Types and defaults
// ---------------------------------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_ENV_FILE = path.join(REPO_ROOT, 'env', '.env.sandbox');
export const DEFAULT_APP_PACKAGE_DIR = path.join(REPO_ROOT, 'appPackage');

export type ValidateOptions = {
  /** Env file whose values replace `${{VAR}}`; default `env/.env.sandbox`. */
  envFile?: string;
  /** Folder holding `manifest.json`, localization files and icons; default `appPackage/`. */
  appPackageDir?: string;
  /** Where PORT, SANDBOX_PORT and PLAYGROUND_PORT are read (the addresses follow them); default `process.env`. */
  env?: NodeJS.ProcessEnv;
};

export type ValidationResult = {
  ok: boolean;
  errors: string[];
  /** `manifestVersion` of the manifest, when it could be read. */
  manifestVersion?: string;
};

/** One file of the package after placeholder expansion, ready to be zipped. */
export type PackageFile = { name: string; bytes: Buffer };

/** The outcome of loading and checking a package: the problems, and the expanded files. */
export type LoadedAppPackage = ValidationResult & {
  manifest?: JsonObject;
  /** Expanded manifest, localization files and icons, by their path inside the package. */
  files: PackageFile[];
};

/** Pixel sizes Teams requires, by key of the manifest's `icons` object. */
const ICON_SIZES: Record<string, number> = { color: 192, outline: 32, color32x32: 32 };

// ---------------------------------------------------------------------------------------------
// Env files and placeholders
// ---------------------------------------------------------------------------------------------

/**
 * Parses a dotenv-style file as the toolkit reads it: `KEY=value` lines, `#` comments, optional
 * single or double quotes, and ` #` starting a comment after an unquoted value.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, key = '', rawValue = ''] = match;
    let value = rawValue;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    vars[key] = value;
  }
  return vars;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

type ExpansionProblem =
  { variable: string; kind: 'undefined' | 'empty'; at: string } | { kind: 'malformed'; at: string };

/**
 * Replaces `${{VAR}}` in every string of a JSON document. Expanding parsed strings (not raw
 * text) means a value with quotes or backslashes can never break the JSON around it.
 */
export function expandPlaceholders(
  value: Json,
  vars: Readonly<Record<string, string>>,
  problems: ExpansionProblem[],
  at = '',
): Json {
  if (typeof value === 'string') {
    const expanded = value.replace(PLACEHOLDER, (whole, name: string) => {
      const replacement = vars[name];
      if (replacement === undefined) problems.push({ variable: name, kind: 'undefined', at: at || '/' });
      else if (replacement === '') problems.push({ variable: name, kind: 'empty', at: at || '/' });
      return replacement ?? whole;
    });
    if (/\$\{\{/.test(expanded.replace(PLACEHOLDER, ''))) problems.push({ kind: 'malformed', at: at || '/' });
    return expanded;
  }
  if (Array.isArray(value)) return value.map((item, i) => expandPlaceholders(item, vars, problems, `${at}/${i}`));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value))
      out[key] = expandPlaceholders(item, vars, problems, `${at}/${key}`);
    return out;
  }
  return value;
}

function describeExpansionProblems(file: string, envLabel: string, problems: readonly ExpansionProblem[]): string[] {
  const messages = new Map<string, string>();
  for (const problem of problems) {
    if (problem.kind === 'malformed') {
      messages.set(`malformed ${problem.at}`, `${file}: malformed placeholder at ${problem.at} (expected \${{NAME}})`);
      continue;
    }
    const key = `${problem.kind} ${problem.variable}`;
    if (messages.has(key)) continue;
    const why = problem.kind === 'undefined' ? 'is not defined' : 'is empty';
    messages.set(key, `${file}: variable ${problem.variable} ${why} in ${envLabel} (used at ${problem.at})`);
  }
  return [...messages.values()];
}

// ---------------------------------------------------------------------------------------------
// Bundled schemas
// ---------------------------------------------------------------------------------------------

type SchemaKind = 'manifest' | 'localization';

/** Folder with the JSON schemas that ship inside @microsoft/app-manifest. */
function bundledSchemaRoot(): string {
  const entry = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return path.join(path.dirname(entry), 'json-schemas', 'teams');
}

/** Path of the schema @microsoft/app-manifest bundles for a version, or undefined if it has none. */
export function bundledSchemaFile(version: string, kind: SchemaKind = 'manifest'): string | undefined {
  const file = path.join(bundledSchemaRoot(), `v${version}`, schemaFileName(kind));
  return existsSync(file) ? file : undefined;
}

function schemaFileName(kind: SchemaKind): string {
  return kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
}

/**
 * Escapes a `]` that stands outside any character class. The official localization schema has
 * such a pattern (`...\b]\.description$`): plain JavaScript reads the lone `]` as a literal, but
 * ajv compiles patterns with the `u` flag, which rejects it. Escaping keeps the meaning.
 */
function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']' && inClass) {
      inClass = false;
      out += ch;
    } else if (ch === ']') {
      out += '\\]';
    } else {
      out += ch;
    }
  }
  return out;
}

function compilesAsUnicode(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

function unicodeSafePattern(pattern: string): string {
  if (compilesAsUnicode(pattern)) return pattern;
  const escaped = escapeLoneBrackets(pattern);
  return compilesAsUnicode(escaped) ? escaped : pattern;
}

/** Makes every `pattern` and `patternProperties` key of a schema compile under ajv's `u` flag. */
function makePatternsUnicodeSafe(node: Json): Json {
  if (Array.isArray(node)) return node.map(makePatternsUnicodeSafe);
  if (node === null || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') out[key] = unicodeSafePattern(value);
    else if (key === 'patternProperties' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const props: JsonObject = {};
      for (const [pattern, sub] of Object.entries(value))
        props[unicodeSafePattern(pattern)] = makePatternsUnicodeSafe(sub);
      out[key] = props;
    } else out[key] = makePatternsUnicodeSafe(value);
  }
  return out;
}

const schemaCache = new Map<string, JsonObject>();

/** Reads a bundled schema; never falls back to the network (AppManifestUtils.fetchSchema would). */
async function loadBundledSchema(version: string, kind: SchemaKind): Promise<JsonObject | undefined> {
  const file = bundledSchemaFile(version, kind);
  if (!file) return undefined;
  const cached = schemaCache.get(file);
  if (cached) return cached;
  // Same clean-up as AppManifestUtils.fetchSchema: the official files contain `\a` and `\v`
  // escapes, which are not valid JSON.
  const text = (await readFile(file, 'utf8')).replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = makePatternsUnicodeSafe(JSON.parse(text) as Json) as JsonObject;
  schemaCache.set(file, schema);
  return schema;
}

type CompiledSchema = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; message?: string; params?: unknown }[] | null;
};
type AjvLike = { compile(schema: unknown): CompiledSchema };
type AjvClass = new (options: Record<string, unknown>) => AjvLike;

const compiledSchemas = new WeakMap<JsonObject, CompiledSchema>();

/**
 * AppManifestUtils.validateAgainstSchema, with the compiled schema kept: it builds a new ajv and compiles the whole
 * Teams schema on every call (seconds), and a run validates the manifest and each language file. Same classes (loaded
 * as @microsoft/app-manifest loads them), same options, same messages.
 */
function compiledSchema(schema: JsonObject): CompiledSchema {
  const cached = compiledSchemas.get(schema);
  if (cached) return cached;
  const load = createRequire(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  const interop = <T>(module: unknown): T => ((module as { default?: T }).default ?? module) as T;
  const Ajv = interop<AjvClass>(
    load(String(schema.$schema ?? '').includes('2020-12') ? 'ajv/dist/2020' : 'ajv-draft-04'),
  );
  const addFormats = interop<(ajv: AjvLike, formats: string[]) => void>(load('ajv-formats'));
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  compiledSchemas.set(schema, validate);
  return validate;
}

function validateAgainstSchema(document: JsonObject, schema: JsonObject): string[] {
  const validate = compiledSchema(schema);
  // As AppManifestUtils does: validate what JSON would carry (no undefined-valued keys).
  if (validate(JSON.parse(JSON.stringify(document)))) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath} ${error.message || ''}. Details: ${error.params ? JSON.stringify(error.params) : ''}`,
  );
}

async function schemaErrors(document: JsonObject, schema: JsonObject, label: string): Promise<string[]> {
  try {
    const failures = validateAgainstSchema(document, schema);
    // ajv reports "<instancePath> <message>. Details: {...}"; an empty path means the root.
    return failures.map((failure) => `${label}: schema: ${failure.startsWith(' ') ? `/${failure}` : failure}`);
  } catch (error) {
    return [`${label}: could not validate against the schema: ${(error as Error).message}`];
  }
}

/** Extracts the version from a developer.microsoft.com Teams schema URL, e.g. "1.30". */
export function schemaUrlVersion(url: string, kind: SchemaKind): string | undefined {
  const file = schemaFileName(kind).replace(/\./g, '\\.');
  const match = new RegExp(
    `^https://developer\\.microsoft\\.com/(?:[a-z]{2}(?:-[a-z]{2})?/)?json-schemas/teams/v([0-9]+\\.[0-9]+|devPreview)/${file}$`,
    'i',
  ).exec(url);
  return match?.[1];
}

// ---------------------------------------------------------------------------------------------
// PNG reading
// ---------------------------------------------------------------------------------------------

/** A PNG decoded to 8-bit RGBA, whatever its colour type, bit depth or interlacing. */
export type DecodedPng = { width: number; height: number; hasAlpha: boolean; rgba: Uint8Array };

/**
 * Decodes a PNG with pngjs, which checks the signature and every chunk's CRC. Rejects with
 * pngjs's message ("Invalid file signature", "Crc error ...", "Unexpected end of input").
 * The asynchronous parser is used because pngjs's synchronous one hides those messages behind
 * "unrecognised content at end of stream".
 */
export function decodePng(bytes: Buffer): Promise<DecodedPng> {
  return new Promise((resolve, reject) => {
    // The metadata event comes after any tRNS chunk, so it knows about simple transparency too.
    let hasAlpha = false;
    const png = new PNG();
    png.on('metadata', (metadata: { alpha: boolean }) => {
      hasAlpha = metadata.alpha;
    });
    png.parse(bytes, (error, parsed) => {
      if (error) reject(error);
      else resolve({ width: parsed.width, height: parsed.height, hasAlpha, rgba: parsed.data });
    });
  });
}

/**
 * Teams shows the outline icon tinted on its own background, so the file must be white on
 * transparent: every visible pixel pure white (alpha may vary for smooth edges).
 */
export function outlineIconProblems(png: DecodedPng): string[] {
  if (!png.hasAlpha) return ['has no alpha channel; it must be white on a transparent background'];
  let transparent = 0;
  let visible = 0;
  let notWhite = 0;
  let firstNotWhite = '';
  for (let i = 0; i < png.width * png.height; i++) {
    const [r, g, b, a] = [png.rgba[i * 4], png.rgba[i * 4 + 1], png.rgba[i * 4 + 2], png.rgba[i * 4 + 3]];
    if (a === 0) {
      transparent++;
      continue;
    }
    visible++;
    if (r !== 255 || g !== 255 || b !== 255) {
      if (notWhite === 0)
        firstNotWhite = ` (first at x=${i % png.width}, y=${Math.floor(i / png.width)}: rgb(${r}, ${g}, ${b}))`;
      notWhite++;
    }
  }
  const problems: string[] = [];
  if (visible === 0) problems.push('is fully transparent; it must show the icon in white');
  if (transparent === 0) problems.push('has no transparent pixels; the background must be transparent');
  if (notWhite > 0) problems.push(`has ${notWhite} visible pixel(s) that are not pure white${firstNotWhite}`);
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Manifest paths (as localization keys write them: `staticTabs[0].name`)
// ---------------------------------------------------------------------------------------------

function parseKeyPath(key: string): Array<string | number> | undefined {
  if (!/^[^.[\]]+(?:\.[^.[\]]+|\[\d+\])*$/.test(key)) return undefined;
  return [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : (m[1] ?? '')));
}

function valueAt(document: Json, parts: ReadonlyArray<string | number>): Json | undefined {
  let current: Json | undefined = document;
  for (const part of parts) {
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else if (current !== null && typeof current === 'object' && !Array.isArray(current)) current = current[part];
    else current = undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** Every string leaf of a document, keyed the way localization files write paths. */
function stringLeaves(value: Json, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return prefix ? [[prefix, value]] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, `${prefix}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, prefix ? `${prefix}.${key}` : key));
  }
  return [];
}

/** Keys the localization schema accepts, as a predicate built from its own properties and patterns. */
function localizableKeyTest(schema: JsonObject): (key: string) => boolean {
  const properties = schema.properties;
  const names = new Set(
    properties !== null && typeof properties === 'object' && !Array.isArray(properties)
      ? Object.keys(properties).filter((name) => name !== '$schema' && name !== 'localizationKeys')
      : [],
  );
  const patternProperties = schema.patternProperties;
  const patterns =
    patternProperties !== null && typeof patternProperties === 'object' && !Array.isArray(patternProperties)
      ? Object.keys(patternProperties).flatMap((p) => (compilesAsUnicode(p) ? [new RegExp(p, 'u')] : []))
      : [];
  return (key) => names.has(key) || patterns.some((pattern) => pattern.test(key));
}

// ---------------------------------------------------------------------------------------------
// Domains
// ---------------------------------------------------------------------------------------------

function onValidDomain(url: string, validDomains: readonly string[]): boolean {
  let host: string;
  let hostname: string;
  try {
    ({ host, hostname } = new URL(url));
  } catch {
    return false;
  }
  return validDomains.some((domain) => {
    const d = domain.toLowerCase();
    if (d.startsWith('*.')) return hostname.endsWith(d.slice(1)) || host.endsWith(d.slice(1));
    return d === host.toLowerCase() || d === hostname.toLowerCase();
  });
}

function asObject(value: Json | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function asArray(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

function asString(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Checks that tie manifest fields together and that the schema cannot express. */
function crossFieldProblems(manifest: JsonObject): string[] {
  const problems: string[] = [];
  const validDomains = asArray(manifest.validDomains).flatMap((d) => (typeof d === 'string' ? [d] : []));
  validDomains.forEach((domain, i) => {
    if (domain.includes('://') || domain.includes('/')) {
      problems.push(
        `manifest.json: validDomains[${i}] "${domain}" must be a bare domain (host[:port]), without scheme or path`,
      );
    }
  });

  const tabUrls: Array<[string, string]> = [];
  asArray(manifest.configurableTabs).forEach((tab, i) => {
    const url = asString(asObject(tab)?.configurationUrl);
    if (url) tabUrls.push([`configurableTabs[${i}].configurationUrl`, url]);
  });
  const entityIds = new Set<string>();
  asArray(manifest.staticTabs).forEach((tab, i) => {
    const t = asObject(tab);
    for (const field of ['contentUrl', 'websiteUrl', 'searchUrl'] as const) {
      const url = asString(t?.[field]);
      if (url) tabUrls.push([`staticTabs[${i}].${field}`, url]);
    }
    const entityId = asString(t?.entityId);
    if (entityId !== undefined) {
      if (entityIds.has(entityId))
        problems.push(`manifest.json: staticTabs[${i}].entityId "${entityId}" is not unique`);
      entityIds.add(entityId);
    }
  });
  for (const [field, url] of tabUrls) {
    if (!onValidDomain(url, validDomains)) {
      problems.push(
        `manifest.json: ${field} "${url}" is not on a domain listed in validDomains [${validDomains.join(', ')}]`,
      );
    }
  }

  const webApp = asObject(manifest.webApplicationInfo);
  if (webApp) {
    const id = asString(webApp.id);
    const resource = asString(webApp.resource);
    if (id && resource && !resource.includes(id)) {
      problems.push(
        `manifest.json: webApplicationInfo.resource "${resource}" must contain webApplicationInfo.id (${id})`,
      );
    }
    asArray(webApp.nestedAppAuthInfo).forEach((entry, i) => {
      const redirectUri = asString(asObject(entry)?.redirectUri);
      if (redirectUri === undefined) return;
      const field = `manifest.json: webApplicationInfo.nestedAppAuthInfo[${i}].redirectUri "${redirectUri}"`;
      const match = /^brk-multihub:\/\/([^/\s]+)$/.exec(redirectUri);
      if (!match) {
        problems.push(`${field} must be brk-multihub://<domain> (an origin, no path)`);
      } else if (!validDomains.some((d) => d.toLowerCase() === match[1]?.toLowerCase())) {
        problems.push(`${field} must use a domain from validDomains [${validDomains.join(', ')}]`);
      }
    });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The validation
// ---------------------------------------------------------------------------------------------

/** Resolves a file named in the manifest; `undefined` when it would leave the package folder. */
function packagePath(appPackageDir: string, relative: string): string | undefined {
  const resolved = path.resolve(appPackageDir, relative);
  const inside = path.relative(appPackageDir, resolved);
  return inside.startsWith('..') || path.isAbsolute(inside) ? undefined : resolved;
}

async function readJsonFile(file: string, label: string, errors: string[]): Promise<Json | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    errors.push(`${label}: file not found (${file})`);
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as Json;
  } catch (error) {
    errors.push(`${label}: invalid JSON: ${(error as Error).message}`);
    return undefined;
  }
}

/**
 * Loads the package for one environment, expands placeholders and runs every check. Returns
 * the problems plus the expanded files, so packaging can reuse exactly what was validated.
 */
export async function loadAppPackage(options: ValidateOptions = {}): Promise<LoadedAppPackage> {
  const envFile = path.resolve(options.envFile ?? DEFAULT_ENV_FILE);
  const appPackageDir = path.resolve(options.appPackageDir ?? DEFAULT_APP_PACKAGE_DIR);
  const envLabel = path.relative(process.cwd(), envFile) || envFile;
  const errors: string[] = [];
  const files: PackageFile[] = [];
  const fail = (): LoadedAppPackage => ({ ok: false, errors, files });

  let vars: Record<string, string>;
  try {
    vars = parseEnvFile(await readFile(envFile, 'utf8'));
  } catch {
    errors.push(`env file not found: ${envFile}`);
    return fail();
  }
  // The addresses follow PORT, SANDBOX_PORT and PLAYGROUND_PORT as `npm start` does (src/server/env-files.ts).
  const ported = withPortsOf(vars, options.env ?? process.env);
  if (ported.problems.length > 0) {
    errors.push(...ported.problems);
    return fail();
  }
  vars = ported.values;

  const rawManifest = await readJsonFile(path.join(appPackageDir, 'manifest.json'), 'manifest.json', errors);
  if (asObject(rawManifest) === undefined) {
    if (rawManifest !== undefined) errors.push('manifest.json: must be a JSON object');
    return fail();
  }
  const expansion: ExpansionProblem[] = [];
  const manifest = expandPlaceholders(rawManifest as JsonObject, vars, expansion) as JsonObject;
  errors.push(...describeExpansionProblems('manifest.json', envLabel, expansion));
  files.push({ name: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`) });

  // Schema: the version the manifest declares, from the bundled copy only.
  const manifestVersion = asString(manifest.manifestVersion);
  const schemaUrl = asString(manifest.$schema);
  let manifestSchemaVersion: string | undefined;
  const expectedSchemaUrl = `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`;
  if (!manifestVersion) {
    errors.push('manifest.json: manifestVersion is missing');
  } else if (!schemaUrl) {
    errors.push(`manifest.json: $schema is missing (expected ${expectedSchemaUrl})`);
  } else if (schemaUrlVersion(schemaUrl, 'manifest') !== manifestVersion) {
    errors.push(
      `manifest.json: $schema "${schemaUrl}" does not match manifestVersion ${manifestVersion} (expected ${expectedSchemaUrl})`,
    );
  } else {
    const schema = await loadBundledSchema(manifestVersion, 'manifest');
    if (!schema) {
      errors.push(
        `manifest.json: no bundled schema for manifestVersion ${manifestVersion} in @microsoft/app-manifest; refusing to fetch it online`,
      );
    } else {
      manifestSchemaVersion = manifestVersion;
      errors.push(...(await schemaErrors(manifest, schema, 'manifest.json')));
    }
  }

  errors.push(...crossFieldProblems(manifest));

  // Localization files.
  const localization = asObject(manifest.localizationInfo);
  const languageFiles: Array<{ file: string; tag: string }> = [];
  const defaultFile = asString(localization?.defaultLanguageFile);
  if (defaultFile)
    languageFiles.push({ file: defaultFile, tag: asString(localization?.defaultLanguageTag) ?? 'default' });
  for (const entry of asArray(localization?.additionalLanguages)) {
    const file = asString(asObject(entry)?.file);
    if (file) languageFiles.push({ file, tag: asString(asObject(entry)?.languageTag) ?? '?' });
  }
  const localizationSchema = manifestSchemaVersion
    ? await loadBundledSchema(manifestSchemaVersion, 'localization')
    : undefined;
  if (manifestSchemaVersion && languageFiles.length > 0 && !localizationSchema) {
    errors.push(`no bundled localization schema for manifestVersion ${manifestSchemaVersion}`);
  }
  const manifestLeaves = stringLeaves(manifest);
  for (const { file, tag } of languageFiles) {
    const label = file;
    const resolved = packagePath(appPackageDir, file);
    if (!resolved) {
      errors.push(`manifest.json: localization file "${file}" (${tag}) lies outside the package folder`);
      continue;
    }
    const raw = await readJsonFile(resolved, label, errors);
    if (raw === undefined) continue;
    if (asObject(raw) === undefined) {
      errors.push(`${label}: must be a JSON object`);
      continue;
    }
    const problems: ExpansionProblem[] = [];
    const translated = expandPlaceholders(raw, vars, problems) as JsonObject;
    errors.push(...describeExpansionProblems(label, envLabel, problems));
    files.push({ name: file, bytes: Buffer.from(`${JSON.stringify(translated, null, 2)}\n`) });

    const locSchemaUrl = asString(translated.$schema);
    if (
      locSchemaUrl &&
      manifestSchemaVersion &&
      schemaUrlVersion(locSchemaUrl, 'localization') !== manifestSchemaVersion
    ) {
      errors.push(
        `${label}: $schema "${locSchemaUrl}" should be the localization schema of manifest version ${manifestSchemaVersion}`,
      );
    }
    if (localizationSchema) errors.push(...(await schemaErrors(translated, localizationSchema, label)));

    for (const key of Object.keys(translated)) {
      if (key === '$schema' || key === 'localizationKeys') continue;
      const parts = parseKeyPath(key);
      const target = parts ? valueAt(manifest, parts) : undefined;
      if (target === undefined) errors.push(`${label}: key "${key}" refers to a manifest field that does not exist`);
      else if (typeof target !== 'string')
        errors.push(`${label}: key "${key}" refers to a manifest field that is not text`);
    }
    if (localizationSchema) {
      const localizable = localizableKeyTest(localizationSchema);
      for (const [key, text] of manifestLeaves) {
        if (localizable(key) && !(key in translated)) {
          errors.push(
            `${label}: no translation for "${key}" (manifest.json has "${text.length > 40 ? `${text.slice(0, 40)}…` : text}")`,
          );
        }
      }
    }
  }

  // Icons: present, PNG, the sizes Teams requires; the outline white on transparent.
  const icons = asObject(manifest.icons) ?? {};
  for (const [kind, size] of Object.entries(ICON_SIZES)) {
    const file = asString(icons[kind]);
    if (file === undefined) continue; // the schema reports required icons that are missing
    const resolved = packagePath(appPackageDir, file);
    if (!resolved) {
      errors.push(`manifest.json: icons.${kind} "${file}" lies outside the package folder`);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(resolved);
    } catch {
      errors.push(`${file}: icons.${kind} file not found (${resolved})`);
      continue;
    }
    // One file may serve two icon slots; the zip needs it once.
    if (!files.some((f) => f.name === file)) files.push({ name: file, bytes });
    try {
      const info = await decodePng(bytes);
      if (info.width !== size || info.height !== size) {
        errors.push(`${file}: icons.${kind} must be ${size}×${size} pixels, but is ${info.width}×${info.height}`);
      }
      if (kind === 'outline') {
        for (const problem of outlineIconProblems(info)) errors.push(`${file}: outline icon ${problem}`);
      }
    } catch (error) {
      errors.push(`${file}: icons.${kind} is not a readable PNG: ${(error as Error).message}`);
    }
  }

  const result: LoadedAppPackage = { ok: errors.length === 0, errors, manifest, files };
  if (manifestVersion) result.manifestVersion = manifestVersion;
  return result;
}

/**
 * Validates the Teams app package for one environment (see the file comment for the checks).
 * Never throws for a broken package: every problem comes back as one line in `errors`.
 */
export async function validateAppPackage(options: ValidateOptions = {}): Promise<ValidationResult> {
  const { ok, errors, manifestVersion } = await loadAppPackage(options);
  return manifestVersion === undefined ? { ok, errors } : { ok, errors, manifestVersion };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

/** Reads `--env <file>` and `--app-package <dir>`; relative paths are taken from the cwd. */
export function parseCliArgs(argv: readonly string[]): ValidateOptions & { help?: boolean } {
  const options: ValidateOptions & { help?: boolean } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = (): string => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--env') options.envFile = path.resolve(next());
    else if (arg?.startsWith('--env=')) options.envFile = path.resolve(arg.slice('--env='.length));
    else if (arg === '--app-package') options.appPackageDir = path.resolve(next());
    else if (arg === '--help' || arg === '-h') options.help = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

async function main(argv: readonly string[]): Promise<number> {
  let options: ReturnType<typeof parseCliArgs>;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    console.error(
      `${(error as Error).message}\nUsage: npm run validate:manifest -- [--env <file>] [--app-package <dir>]`,
    );
    return 2;
  }
  if (options.help) {
    console.log(
      'Usage: npm run validate:manifest -- [--env <file>] [--app-package <dir>]\n' +
        'Validates appPackage/ offline against the bundled Teams schemas (default env: env/.env.sandbox).',
    );
    return 0;
  }
  const result = await validateAppPackage(options);
  const envLabel = path.relative(process.cwd(), options.envFile ?? DEFAULT_ENV_FILE);
  if (result.ok) {
    console.log(`✓ Teams app package is valid (manifest ${result.manifestVersion}, env ${envLabel})`);
    return 0;
  }
  console.error(`✗ Teams app package has ${result.errors.length} problem(s) (env ${envLabel}):`);
  for (const error of result.errors) console.error(`  - ${error}`);
  return 1;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
