import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';

const require = createRequire(import.meta.url);

/** The official Adaptive Cards 1.5 schema, an unmodified copy (see /work/shared/schemas/README.md). */
const SCHEMA_PATH = '/work/shared/schemas/adaptive-card-1.5.json';

function compile(): (card: unknown) => boolean {
  // The schema is draft-06 and uses keywords of its own ("version", "features"), so ajv runs non-strict; formats
  // ("uri") are not checked because ajv-formats is not a dependency of this project.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  // The file names itself with draft-04's "id"; ajv 8 only knows "$id". Dropping it does not change any rule.
  delete schema.id;
  return ajv.compile(schema);
}

let validator: (((card: unknown) => boolean) & { errors?: ErrorObject[] | null }) | undefined;

/**
 * Validates a card against the 1.5 schema. Teams' own `msteams` property is not in the schema (AdaptiveCard has
 * additionalProperties: false), so it is removed from a copy first, exactly as the schema's README says.
 */
export function validateAdaptiveCard(card: object): { valid: boolean; errors: string[] } {
  validator ??= compile();
  const { msteams: _msteams, ...rest } = card as Record<string, unknown>;
  const valid = validator(JSON.parse(JSON.stringify(rest)));
  return { valid, errors: (validator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`) };
}
