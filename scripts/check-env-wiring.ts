/**
 * Checks, offline, that the deployment files fit together before anyone runs them against a tenant.
 *
 * 1. **Variable wiring** (per Microsoft 365 Agents Toolkit project file, `teamsapp.yml` and
 *    `teamsapp.local.yml`): every `${{VAR}}` used by a step (in the step itself, or in the files it
 *    reads: the ARM parameters file of `arm/deploy`, the Entra manifest of `aadApp/update`, the Teams
 *    manifest and its localization files of `teamsApp/validateManifest` / `zipAppPackage`) is either
 *    written by an EARLIER step (`writeToEnvironmentFile`, a Bicep output of `arm/deploy`, or one of
 *    the toolkit's documented implicit outputs) or defined in the env file (`env/.env.dev`). A
 *    variable written only by a LATER step is an error even when the env file lists it: on a first
 *    provision its value would still be empty. `SECRET_*` variables belong in the ignored `.user`
 *    file and must be declared in the env file as a comment (`# SECRET_NAME=`).
 * 2. **Documentation**: every variable in the env file has a comment directly above it, and every
 *    variable a step writes is listed there too, so the env file documents the whole lifecycle.
 * 3. **Bicep**: the structural lint of `scripts/check-bicep.ts` for each `arm/deploy` template, and
 *    the parameters file checked against the template's parameters.
 * 4. **Auth wiring** ({@link checkAuthWiring}): the Teams manifest's `webApplicationInfo` and
 *    `nestedAppAuthInfo` match `infra/aad.manifest.json` (id, resource, redirect, scopes), the scopes
 *    equal the ones the tab requests, each Entra manifest matches its `aadApp/create` step (name,
 *    audience, id variables), the tab requests no application permissions, the server requests only
 *    `Sites.Selected`, and the bot id comes from `BOT_ID`.
 *
 * The report also lists the "inputs": variables used but not written by any step and empty in the
 * env file. Those are what an admin fills in before provisioning (docs/deploy.md).
 *
 * CLI: `tsx scripts/check-env-wiring.ts [--env env/.env.dev] [--project teamsapp.yml ...]`; exits 1
 * on any error. By default it checks teamsapp.yml and teamsapp.local.yml against env/.env.dev.
 */
import { existsSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkParameterFile, lintBicep, parseBicep } from './check-bicep.js';
import type { BicepFile } from './check-bicep.js';
import { parseEnvFile } from './validate-manifest.js';
import { parse as parseYaml, YAMLParseError } from 'yaml';

/** A YAML document read with the core schema: what the toolkit's project files contain. */
export type YamlValue = null | boolean | number | string | YamlValue[] | { [key: string]: YamlValue };
export type YamlMapping = { [key: string]: YamlValue };

/** Reads a toolkit project file with `yaml` (YAML 1.2 core schema; duplicate keys are an error, as for the toolkit). */
export function readYaml(text: string): YamlValue {
  return parseYaml(text, { uniqueKeys: true }) as YamlValue;
}

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Microsoft Graph and its delegated/application permission ids used below. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** SharePoint Online (the `https://<tenant>.sharepoint.com` audience). */
export const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';
/** Application permission Sites.Selected, by resource. The ids are the same in every tenant. */
export const SITES_SELECTED_ROLE: Readonly<Record<string, string>> = {
  [GRAPH_APP_ID]: '883ea226-0bf2-4a8f-9f9d-92c9162a727d',
  [SHAREPOINT_APP_ID]: '20d37865-089c-4dee-8c41-6967602d4ac8',
};

/** Variables the toolkit sets itself for every run. */
const BUILT_IN = new Set(['TEAMSFX_ENV']);

/**
 * Variables an action writes without a `writeToEnvironmentFile` entry (from the toolkit's action
 * reference and source): `aadApp/update` generates AAD_APP_ACCESS_AS_USER_PERMISSION_ID when its
 * manifest uses it and it is empty; `teamsApp/update` records TEAMS_APP_TENANT_ID.
 */
const IMPLICIT_OUTPUTS: Readonly<Record<string, readonly string[]>> = {
  'aadApp/update': ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'],
  'teamsApp/update': ['TEAMS_APP_TENANT_ID'],
};

/** Actions of yml schema v1.11 this project may use; anything else is reported as a warning. */
const KNOWN_ACTIONS = new Set([
  'teamsApp/create',
  'teamsApp/update',
  'teamsApp/validateManifest',
  'teamsApp/validateAppPackage',
  'teamsApp/zipAppPackage',
  'teamsApp/publishAppPackage',
  'teamsApp/extendToM365',
  'aadApp/create',
  'aadApp/update',
  'botAadApp/create',
  'botFramework/create',
  'arm/deploy',
  'azureAppService/zipDeploy',
  'azureFunctions/zipDeploy',
  'azureStorage/deploy',
  'azureStorage/enableStaticWebsite',
  'cli/runNpmCommand',
  'cli/runNpxCommand',
  'file/createOrUpdateEnvironmentFile',
  'file/createOrUpdateJsonFile',
  'devTool/install',
  'script',
]);

const LIFECYCLES = ['provision', 'deploy', 'publish'] as const;
// `share` exists in schema v1.11 as well; this project has no share lifecycle, so its steps are not checked.
const TOP_LEVEL_KEYS = new Set([
  'version',
  'environmentFolderPath',
  'projectId',
  'additionalMetadata',
  'share',
  ...LIFECYCLES,
]);
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export type WiringOptions = {
  /** Folder with the project file, `appPackage/` and `infra/`; default: the repository. */
  rootDir?: string;
  /** Project file relative to rootDir; default `teamsapp.yml`. */
  projectFile?: string;
  /** Env file relative to rootDir; default `env/.env.dev`. */
  envFile?: string;
};

export type VariableUse = { variable: string; where: string; order: number };
export type Producer = { variable: string; where: string; order: number };

export type WiringReport = {
  errors: string[];
  warnings: string[];
  /** Used, written by no step, and empty in the env file: to be filled in before provisioning. */
  inputs: string[];
  uses: VariableUse[];
  producers: Producer[];
  /** Bicep outputs per template path, upper-cased as the toolkit writes them. */
  bicepOutputs: Record<string, string[]>;
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type EnvDocumentation = {
  values: Record<string, string>;
  /** `# SECRET_NAME=` declarations: secrets that live in the `.user` file. */
  declaredSecrets: Set<string>;
  /** Variables without a comment directly above them. */
  undocumented: string[];
  /** SECRET_* variables given a value in the committed file. */
  committedSecrets: string[];
};

/** Reads an env file, its documentation comments and its declared secrets. */
export function readEnvDocumentation(text: string): EnvDocumentation {
  const values = parseEnvFile(text);
  const declaredSecrets = new Set<string>();
  const undocumented: string[] = [];
  const committedSecrets: string[] = [];
  let previous = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const secret = /^#\s*(SECRET_[A-Za-z0-9_]+)\s*=\s*$/.exec(line);
    if (secret?.[1]) declaredSecrets.add(secret[1]);
    const assignment = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    if (assignment?.[1]) {
      if (!previous.startsWith('#') || /^#\s*SECRET_[A-Za-z0-9_]+\s*=/.test(previous)) undocumented.push(assignment[1]);
      if (assignment[1].startsWith('SECRET_') && (values[assignment[1]] ?? '') !== '')
        committedSecrets.push(assignment[1]);
    }
    if (line !== '') previous = line;
    else previous = '';
  }
  return { values, declaredSecrets, undocumented, committedSecrets };
}

/** Every `${{VAR}}` in the strings of a JSON/YAML value, with the path where it occurs. */
export function placeholdersIn(value: Json | YamlValue | undefined, at = ''): Array<{ variable: string; at: string }> {
  const found: Array<{ variable: string; at: string }> = [];
  if (typeof value === 'string') {
    for (const match of value.matchAll(PLACEHOLDER)) if (match[1]) found.push({ variable: match[1], at: at || '/' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => found.push(...placeholdersIn(item, `${at}/${i}`)));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) found.push(...placeholdersIn(item, `${at}/${key}`));
  }
  return found;
}

function asMapping(value: YamlValue | Json | undefined): YamlMapping | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as YamlMapping) : undefined;
}

function asString(value: YamlValue | Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

async function readJson(file: string, errors: string[], label: string): Promise<Json | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Json;
  } catch (error) {
    errors.push(`${label}: cannot be read as JSON (${(error as Error).message})`);
    return undefined;
  }
}

/** The Teams manifest plus the localization files it names: everything teamsApp/zipAppPackage expands. */
async function manifestDocuments(
  manifestFile: string,
  errors: string[],
  label: string,
): Promise<Array<{ label: string; json: Json }>> {
  const manifest = await readJson(manifestFile, errors, label);
  if (manifest === undefined) return [];
  const documents = [{ label, json: manifest }];
  const localization = asMapping(asMapping(manifest)?.localizationInfo);
  const files = [asString(localization?.defaultLanguageFile)];
  const additional = localization?.additionalLanguages;
  if (Array.isArray(additional)) for (const entry of additional) files.push(asString(asMapping(entry)?.file));
  for (const file of files) {
    if (!file) continue;
    const locLabel = path.join(path.dirname(label), file);
    const json = await readJson(path.join(path.dirname(manifestFile), file), errors, locLabel);
    if (json !== undefined) documents.push({ label: locLabel, json });
  }
  return documents;
}

type Step = { lifecycle: string; index: number; uses: string; step: YamlMapping; order: number; where: string };

/** Reads and shape-checks a toolkit project file; returns its steps in execution order. */
export function readProjectFile(text: string, label: string, errors: string[], warnings: string[]): Step[] {
  let doc: YamlValue;
  try {
    doc = readYaml(text);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}: ` : '';
    const first = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    errors.push(`${label}: ${where}${first}`);
    return [];
  }
  const root = asMapping(doc);
  if (!root) {
    errors.push(`${label}: must be a mapping`);
    return [];
  }
  for (const key of Object.keys(root))
    if (!TOP_LEVEL_KEYS.has(key)) errors.push(`${label}: unknown top-level key ${key}`);
  const version = asString(root.version);
  if (!version || !/^v1\.\d+$/.test(version))
    errors.push(`${label}: version must be a yml schema version such as v1.11 (found ${String(root.version)})`);
  const schemaComment = /yaml-language-server:\s*\$schema=\S*\/(v1\.\d+)\/yaml\.schema\.json/.exec(text);
  if (version && schemaComment && schemaComment[1] !== version) {
    errors.push(`${label}: the $schema comment names ${schemaComment[1]} but version is ${version}`);
  }

  const steps: Step[] = [];
  LIFECYCLES.forEach((lifecycle, lifecycleIndex) => {
    const list = root[lifecycle];
    if (list === undefined || list === null) return;
    if (!Array.isArray(list)) {
      errors.push(`${label}: ${lifecycle} must be a list of steps`);
      return;
    }
    list.forEach((item, index) => {
      const step = asMapping(item);
      const uses = asString(step?.uses);
      const where = `${label} ${lifecycle}[${index}]${uses ? ` ${uses}` : ''}`;
      if (!step || !uses) {
        errors.push(`${where}: a step needs "uses"`);
        return;
      }
      if (!KNOWN_ACTIONS.has(uses)) warnings.push(`${where}: unknown action ${uses}`);
      const allowed = new Set(['uses', 'name', 'with', 'env', 'writeToEnvironmentFile']);
      for (const key of Object.keys(step)) if (!allowed.has(key)) errors.push(`${where}: unknown key ${key}`);
      if (uses === 'arm/deploy' && asMapping(step.with)?.bicepCliVersion !== undefined) {
        errors.push(
          `${where}: remove bicepCliVersion; with it the toolkit downloads a Bicep CLI instead of using the one on PATH`,
        );
      }
      steps.push({ lifecycle, index, uses, step, order: lifecycleIndex * 1000 + index, where });
    });
  });
  return steps;
}

/** Checks one project file against one env file (see the file comment). */
export async function checkWiring(options: WiringOptions = {}): Promise<WiringReport> {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const projectFile = options.projectFile ?? 'teamsapp.yml';
  const envFile = options.envFile ?? path.join('env', '.env.dev');
  const errors: string[] = [];
  const warnings: string[] = [];
  const uses: VariableUse[] = [];
  const producers: Producer[] = [];
  const bicepOutputs: Record<string, string[]> = {};
  const report = (): WiringReport => ({ errors, warnings, inputs: [], uses, producers, bicepOutputs });

  let projectText: string;
  let envText: string;
  try {
    projectText = await readFile(path.join(rootDir, projectFile), 'utf8');
    envText = await readFile(path.join(rootDir, envFile), 'utf8');
  } catch (error) {
    errors.push((error as Error).message);
    return report();
  }
  const env = readEnvDocumentation(envText);
  for (const name of env.undocumented) errors.push(`${envFile}: ${name} has no comment directly above it`);
  for (const name of env.committedSecrets)
    errors.push(`${envFile}: ${name} has a value in a committed file; secrets belong in the .user file`);

  const steps = readProjectFile(projectText, projectFile, errors, warnings);
  const resolve = (file: string) => path.resolve(rootDir, file);
  const addUses = (found: Array<{ variable: string; at: string }>, step: Step, what: string) => {
    for (const { variable, at } of found)
      uses.push({ variable, where: `${step.where} (${what}${at === '/' ? '' : ` ${at}`})`, order: step.order });
  };

  for (const step of steps) {
    const withBlock = asMapping(step.step.with);
    // Placeholders in the step itself (not in writeToEnvironmentFile, whose values are names).
    const { writeToEnvironmentFile, ...rest } = step.step;
    addUses(placeholdersIn(rest as YamlValue), step, 'step');

    const written = asMapping(writeToEnvironmentFile);
    if (writeToEnvironmentFile !== undefined && !written)
      errors.push(`${step.where}: writeToEnvironmentFile must be a mapping`);
    for (const [output, variable] of Object.entries(written ?? {})) {
      if (typeof variable !== 'string' || !/^[A-Z][A-Z0-9_]*$/.test(variable)) {
        errors.push(`${step.where}: writeToEnvironmentFile.${output} must name an UPPER_SNAKE_CASE variable`);
        continue;
      }
      if (output === 'clientSecret' || output === 'botPassword') {
        if (!variable.startsWith('SECRET_'))
          errors.push(`${step.where}: ${output} must be written to a SECRET_ variable (it goes to the .user file)`);
      }
      producers.push({ variable, where: step.where, order: step.order + 0.5 });
    }

    if (step.uses === 'arm/deploy') {
      const templates = withBlock?.templates;
      if (!Array.isArray(templates) || templates.length === 0) errors.push(`${step.where}: needs templates`);
      for (const template of Array.isArray(templates) ? templates : []) {
        const t = asMapping(template);
        const templatePath = asString(t?.path);
        if (!templatePath) {
          errors.push(`${step.where}: a template needs a path`);
          continue;
        }
        let bicep: BicepFile | undefined;
        if (!templatePath.endsWith('.bicep'))
          warnings.push(`${step.where}: ${templatePath} is not Bicep; its outputs are not checked`);
        else if (!existsSync(resolve(templatePath))) errors.push(`${step.where}: template ${templatePath} not found`);
        else {
          bicep = parseBicep(await readFile(resolve(templatePath), 'utf8'));
          const lint = lintBicep(bicep, templatePath);
          errors.push(...lint.errors);
          warnings.push(...lint.warnings);
          bicepOutputs[templatePath] = bicep.outputs.map((o) => o.name.toUpperCase());
          for (const output of bicep.outputs) {
            producers.push({
              variable: output.name.toUpperCase(),
              where: `${step.where} (output of ${templatePath})`,
              order: step.order + 0.5,
            });
          }
        }
        const parametersPath = asString(t?.parameters);
        if (parametersPath) {
          const json = await readJson(resolve(parametersPath), errors, parametersPath);
          if (json !== undefined) {
            addUses(placeholdersIn(json), step, parametersPath);
            if (bicep) {
              const checked = checkParameterFile(bicep, json, parametersPath);
              errors.push(...checked.errors);
              warnings.push(...checked.warnings);
            }
          }
        }
      }
    }

    if (step.uses === 'aadApp/update') {
      const manifestPath = asString(withBlock?.manifestPath);
      if (!manifestPath) errors.push(`${step.where}: needs manifestPath`);
      else {
        const json = await readJson(resolve(manifestPath), errors, manifestPath);
        if (json !== undefined) {
          const found = placeholdersIn(json);
          // The action generates this id for the manifest it applies, before applying it.
          for (const implicit of IMPLICIT_OUTPUTS['aadApp/update'] ?? []) {
            if (found.some((f) => f.variable === implicit))
              producers.push({ variable: implicit, where: `${step.where} (generated)`, order: step.order - 0.5 });
          }
          addUses(found, step, manifestPath);
        }
      }
    } else if (IMPLICIT_OUTPUTS[step.uses]) {
      for (const implicit of IMPLICIT_OUTPUTS[step.uses] ?? [])
        producers.push({ variable: implicit, where: `${step.where} (implicit)`, order: step.order + 0.5 });
    }

    if (step.uses === 'teamsApp/validateManifest' || step.uses === 'teamsApp/zipAppPackage') {
      const manifestPath = asString(withBlock?.manifestPath);
      if (!manifestPath) errors.push(`${step.where}: needs manifestPath`);
      else
        for (const doc of await manifestDocuments(resolve(manifestPath), errors, manifestPath))
          addUses(placeholdersIn(doc.json), step, doc.label);
    }
  }

  // Judge every use.
  const inputs = new Set<string>();
  const reported = new Set<string>();
  const once = (key: string, message: string) => {
    if (!reported.has(key)) errors.push(message);
    reported.add(key);
  };
  for (const use of uses) {
    const { variable } = use;
    const ownProducers = producers.filter((p) => p.variable === variable);
    if (ownProducers.some((p) => p.order < use.order)) continue;
    if (BUILT_IN.has(variable)) continue;
    if (ownProducers.length > 0) {
      once(
        `late ${variable} ${use.where}`,
        `${use.where}: ${variable} is used before ${ownProducers[0]?.where ?? 'its producer'} writes it`,
      );
      continue;
    }
    if (variable.startsWith('SECRET_')) {
      if (!env.declaredSecrets.has(variable))
        once(
          `secret ${variable}`,
          `${use.where}: ${variable} is neither written by an earlier step nor declared in ${envFile} (as "# ${variable}=")`,
        );
      else inputs.add(variable);
      continue;
    }
    if (!(variable in env.values)) {
      once(
        `undefined ${variable}`,
        `${use.where}: ${variable} is not defined in ${envFile} and no earlier step writes it`,
      );
      continue;
    }
    if (env.values[variable] === '') inputs.add(variable);
  }
  // The env file documents every variable the lifecycle writes as well.
  for (const producer of producers) {
    const listed = producer.variable.startsWith('SECRET_')
      ? env.declaredSecrets.has(producer.variable)
      : producer.variable in env.values;
    if (!listed)
      once(
        `doc ${producer.variable}`,
        `${producer.where}: writes ${producer.variable}, which ${envFile} does not document`,
      );
  }

  return { errors, warnings, inputs: [...inputs].sort(), uses, producers, bicepOutputs };
}

// ---------------------------------------------------------------------------------------------
// Auth wiring: Teams manifest <-> Entra manifests <-> toolkit steps <-> the tab's scopes
// ---------------------------------------------------------------------------------------------

export type AuthWiringOptions = {
  rootDir?: string;
  projectFile?: string;
  /** Teams manifest relative to rootDir; default `appPackage/manifest.json`. */
  manifestFile?: string;
  /** The tab's MSAL scopes source; default `src/tab/app/auth/naa.ts` (`GRAPH_SCOPES = [...]`). */
  tabScopesFile?: string;
};

type AadManifest = {
  id?: string;
  appId?: string;
  name?: string;
  signInAudience?: string;
  identifierUris?: string[];
  replyUrlsWithType?: Array<{ url?: string; type?: string }>;
  requiredResourceAccess?: Array<{ resourceAppId?: string; resourceAccess?: Array<{ id?: string; type?: string }> }>;
};

function isGraph(resourceAppId: string | undefined): boolean {
  return resourceAppId === 'Microsoft Graph' || resourceAppId === GRAPH_APP_ID;
}

/** The scopes the tab asks MSAL for, read from `export const GRAPH_SCOPES = ['A', 'B'];`. */
export function readTabScopes(source: string): string[] | undefined {
  const match = /GRAPH_SCOPES\s*(?::[^=]+)?=\s*\[([^\]]*)\]/.exec(source);
  if (!match) return undefined;
  return [...(match[1] ?? '').matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
}

/** Checks that the app's identities are wired consistently (see the file comment, point 4). */
export async function checkAuthWiring(
  options: AuthWiringOptions = {},
): Promise<{ errors: string[]; warnings: string[] }> {
  const rootDir = options.rootDir ?? REPO_ROOT;
  const projectFile = options.projectFile ?? 'teamsapp.yml';
  const manifestFile = options.manifestFile ?? path.join('appPackage', 'manifest.json');
  const tabScopesFile = options.tabScopesFile ?? path.join('src', 'tab', 'app', 'auth', 'naa.ts');
  const errors: string[] = [];
  const warnings: string[] = [];

  const steps = readProjectFile(await readFile(path.join(rootDir, projectFile), 'utf8'), projectFile, errors, warnings);
  const manifest = asMapping(await readJson(path.join(rootDir, manifestFile), errors, manifestFile));
  if (!manifest) return { errors, warnings };

  // Pair each aadApp/update manifest with the aadApp/create step that owns its appId variable.
  const creates = steps.filter((s) => s.uses === 'aadApp/create');
  const updates = steps.filter((s) => s.uses === 'aadApp/update');
  const aadByClientVar = new Map<string, { file: string; aad: AadManifest }>();
  for (const update of updates) {
    const file = asString(asMapping(update.step.with)?.manifestPath);
    if (!file) continue;
    const aad = (await readJson(path.join(rootDir, file), errors, file)) as AadManifest | undefined;
    if (!aad) continue;
    const clientVar = /^\$\{\{([A-Z0-9_]+)\}\}$/.exec(aad.appId ?? '')?.[1];
    const objectVar = /^\$\{\{([A-Z0-9_]+)\}\}$/.exec(aad.id ?? '')?.[1];
    if (!clientVar || !objectVar) {
      errors.push(`${file}: "appId" and "id" must be \${{...}} variables written by aadApp/create`);
      continue;
    }
    const create = creates.find((c) => asMapping(c.step.writeToEnvironmentFile)?.clientId === clientVar);
    if (!create) {
      errors.push(`${file}: no aadApp/create in ${projectFile} writes ${clientVar}`);
      continue;
    }
    if (create.order > update.order) errors.push(`${update.where}: runs before ${create.where}, which creates the app`);
    const createWith = asMapping(create.step.with);
    const written = asMapping(create.step.writeToEnvironmentFile);
    if (written?.objectId !== objectVar)
      errors.push(
        `${file}: "id" is \${{${objectVar}}} but ${create.where} writes the object id to ${String(written?.objectId)}`,
      );
    if (aad.name !== createWith?.name) {
      errors.push(
        `${file}: name "${aad.name ?? ''}" differs from ${create.where} name "${String(createWith?.name)}" (aadApp/update would rename the app)`,
      );
    }
    if (aad.signInAudience !== createWith?.signInAudience) {
      errors.push(
        `${file}: signInAudience ${aad.signInAudience ?? '(none)'} differs from ${create.where} (${String(createWith?.signInAudience)})`,
      );
    }
    aadByClientVar.set(clientVar, { file, aad });
  }

  // The tab: webApplicationInfo and nestedAppAuthInfo against its Entra manifest.
  const webApp = asMapping(manifest.webApplicationInfo);
  const tabClientVar = /^\$\{\{([A-Z0-9_]+)\}\}$/.exec(asString(webApp?.id) ?? '')?.[1];
  const tab = tabClientVar ? aadByClientVar.get(tabClientVar) : undefined;
  if (!webApp) errors.push(`${manifestFile}: webApplicationInfo is missing`);
  else if (!tab)
    errors.push(
      `${manifestFile}: webApplicationInfo.id (${String(webApp.id)}) is not the appId of an Entra manifest applied by aadApp/update`,
    );
  else {
    const { file, aad } = tab;
    const resource = asString(webApp.resource);
    if (resource && !(aad.identifierUris ?? []).includes(resource)) {
      errors.push(`${manifestFile}: webApplicationInfo.resource ${resource} is not an identifierUri of ${file}`);
    }
    const spaRedirects = (aad.replyUrlsWithType ?? []).filter((r) => r.type === 'Spa').map((r) => r.url);
    const graphScopes = (aad.requiredResourceAccess ?? [])
      .filter((r) => isGraph(r.resourceAppId))
      .flatMap((r) => (r.resourceAccess ?? []).filter((a) => a.type === 'Scope').map((a) => a.id ?? ''));
    const roles = (aad.requiredResourceAccess ?? []).flatMap((r) =>
      (r.resourceAccess ?? []).filter((a) => a.type === 'Role'),
    );
    if (roles.length > 0)
      errors.push(
        `${file}: the tab is a public client and must not request application permissions (${roles.map((r) => r.id).join(', ')})`,
      );
    const naa = Array.isArray(webApp.nestedAppAuthInfo) ? webApp.nestedAppAuthInfo.map((e) => asMapping(e)) : [];
    if (naa.length === 0) errors.push(`${manifestFile}: webApplicationInfo.nestedAppAuthInfo is missing`);
    for (const [i, entry] of naa.entries()) {
      const redirect = asString(entry?.redirectUri);
      if (!redirect || !spaRedirects.includes(redirect)) {
        errors.push(
          `${manifestFile}: nestedAppAuthInfo[${i}].redirectUri ${String(redirect)} is not a Spa redirect in ${file} [${spaRedirects.join(', ')}]`,
        );
      }
      if (redirect && !redirect.startsWith('brk-multihub://'))
        errors.push(`${manifestFile}: nestedAppAuthInfo[${i}].redirectUri must be brk-multihub://<domain>`);
      const scopes = Array.isArray(entry?.scopes) ? entry.scopes.map(String) : [];
      const missing = scopes.filter((s) => !graphScopes.includes(s));
      const extra = graphScopes.filter((s) => !scopes.includes(s));
      if (missing.length > 0)
        errors.push(
          `${manifestFile}: nestedAppAuthInfo[${i}].scopes ${missing.join(', ')} are not requested in ${file}`,
        );
      if (extra.length > 0)
        errors.push(`${file}: requests ${extra.join(', ')}, which nestedAppAuthInfo[${i}].scopes does not list`);
      const tabSourcePath = path.join(rootDir, tabScopesFile);
      if (!existsSync(tabSourcePath)) warnings.push(`${tabScopesFile}: not found; the tab's scopes were not compared`);
      else {
        const tabScopes = readTabScopes(await readFile(tabSourcePath, 'utf8'));
        if (!tabScopes) warnings.push(`${tabScopesFile}: no GRAPH_SCOPES found; the tab's scopes were not compared`);
        else if ([...tabScopes].sort().join(' ') !== [...scopes].sort().join(' ')) {
          errors.push(
            `${manifestFile}: nestedAppAuthInfo[${i}].scopes [${scopes.join(', ')}] differ from the scopes the tab requests in ${tabScopesFile} [${tabScopes.join(', ')}]`,
          );
        }
      }
    }
  }

  // The server: application permission Sites.Selected only (Graph and SharePoint), nothing tenant-wide.
  const server = aadByClientVar.get('GRAPH_CLIENT_ID');
  if (!server)
    errors.push(`${projectFile}: no aadApp/update applies an Entra manifest for GRAPH_CLIENT_ID (the server's app)`);
  else {
    const requested = (server.aad.requiredResourceAccess ?? []).flatMap((r) =>
      (r.resourceAccess ?? []).map((a) => ({ resource: r.resourceAppId ?? '', id: a.id ?? '', type: a.type ?? '' })),
    );
    for (const r of requested) {
      if (r.type !== 'Role' || SITES_SELECTED_ROLE[r.resource] !== r.id) {
        errors.push(
          `${server.file}: requests ${r.type} ${r.id} on ${r.resource}; the server may only request Sites.Selected (docs/permissions.md)`,
        );
      }
    }
    for (const [resource, id] of Object.entries(SITES_SELECTED_ROLE)) {
      if (!requested.some((r) => r.resource === resource && r.id === id))
        errors.push(`${server.file}: does not request Sites.Selected (${id}) on ${resource}`);
    }
  }

  // The bot: its id is BOT_ID, written by a step (arm/deploy in Azure, aadApp/create locally).
  const bots = Array.isArray(manifest.bots) ? manifest.bots.map((b) => asMapping(b)) : [];
  if (bots.length === 0) errors.push(`${manifestFile}: has no bots entry; the reminders need the bot`);
  for (const [i, bot] of bots.entries()) {
    if (bot?.botId !== '${{BOT_ID}}') errors.push(`${manifestFile}: bots[${i}].botId must be \${{BOT_ID}}`);
    const scopes = Array.isArray(bot?.scopes) ? bot.scopes : [];
    if (!scopes.includes('team')) errors.push(`${manifestFile}: bots[${i}] must have the team scope (the MT channels)`);
  }
  return { errors, warnings };
}

// ---------------------------------------------------------------------------------------------
// CLI
// ---------------------------------------------------------------------------------------------

const CHECK_USAGE = 'Usage: npm run check:deploy -- [--env env/.env.dev] [--project teamsapp.yml ...]';

async function main(argv: readonly string[]): Promise<number> {
  let envFile = path.join('env', '.env.dev');
  const projects: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(CHECK_USAGE);
      return 0;
    }
    if (arg === '--env' && argv[i + 1]) envFile = argv[++i] ?? envFile;
    else if (arg === '--project' && argv[i + 1]) projects.push(argv[++i] ?? '');
    else {
      console.error(`unknown argument ${arg ?? ''}\n${CHECK_USAGE}`);
      return 2;
    }
  }
  if (projects.length === 0) projects.push('teamsapp.yml', 'teamsapp.local.yml');

  let failed = false;
  for (const projectFile of projects) {
    const wiring = await checkWiring({ projectFile, envFile });
    const auth = await checkAuthWiring({ projectFile });
    const errors = [...wiring.errors, ...auth.errors.filter((e) => !wiring.errors.includes(e))];
    const warnings = [...new Set([...wiring.warnings, ...auth.warnings])];
    failed ||= errors.length > 0;
    console.log(
      `${errors.length === 0 ? '✓' : '✗'} ${projectFile} with ${envFile}: ${wiring.uses.length} variable uses, ${errors.length} error(s), ${warnings.length} warning(s)`,
    );
    for (const error of errors) console.log(`  error: ${error}`);
    for (const warning of warnings) console.log(`  warning: ${warning}`);
    if (wiring.inputs.length > 0)
      console.log(
        `  fill in before provisioning (empty in ${envFile}, written by no step): ${wiring.inputs.join(', ')}`,
      );
  }
  return failed ? 1 : 0;
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) {
  process.exitCode = await main(process.argv.slice(2));
}
