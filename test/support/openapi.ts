import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';

/**
 * Validates JSON bodies against a component schema of Spotify's OpenAPI 3.0 description
 * (test/spotify-openapi/fixed-spotify-open-api.yml), so fixtures, the simulator's responses and the normalizer's
 * inputs can be checked against Spotify's own field names and types.
 *
 *   validateAgainstSchema('CurrentlyPlayingContextObject', body) // [] when valid
 *   validateAgainstSchema('TrackObject', body, { alsoNullable: LOCAL_FILE_NULLABLE })
 *
 * The OpenAPI document is translated into JSON Schema for ajv once per process:
 * - `$ref: '#/components/schemas/X'` points into one schema holding all components;
 * - `nullable: true` becomes "or null" (an enum gains `null`), as OpenAPI 3.0 means it;
 * - `x-...` extensions, `example`, `discriminator` and `format` are dropped: they are documentation or need
 *   plugins, and every `oneOf` in the file is already told apart by its branches' `type` enums.
 */

const SPEC_PATH = join(__dirname, '..', 'spotify-openapi', 'fixed-spotify-open-api.yml');
const ROOT_ID = 'spotify-openapi';
const DROPPED_KEYWORDS = new Set(['example', 'discriminator', 'format']);

/**
 * Spotify's prose says these fields "Can be `null`" (e.g. `CurrentlyPlayingContextObject.item` during an ad,
 * `context`, `progress_ms`, `QueueObject.currently_playing`), but the file does not mark them `nullable`.
 */
const NULL_IN_DESCRIPTION = /\b(?:can|may|might) (?:be|return) `null`|`null` if\b/i;

/**
 * What Spotify really sends for a local file (`is_local: true`): no id, href or uri for the track, its album
 * and its artists, and no album type or release date. The OpenAPI file types them as plain strings.
 */
export const LOCAL_FILE_NULLABLE: readonly string[] = [
  'TrackObject.id',
  'TrackObject.href',
  'SimplifiedArtistObject.id',
  'SimplifiedArtistObject.href',
  'SimplifiedArtistObject.uri',
  'AlbumBase.id',
  'AlbumBase.href',
  'AlbumBase.uri',
  'AlbumBase.album_type',
  'AlbumBase.release_date',
  'AlbumBase.release_date_precision',
];

export interface SchemaValidationOptions {
  /**
   * Treat a property as nullable when its description says it can be `null` although the schema does not mark
   * it `nullable`. Default true: that is how Spotify documents the nulls its player endpoints really send.
   */
  nullableWhereDescribed?: boolean;
  /** Further properties that may be null, as `ComponentSchema.property` (see `LOCAL_FILE_NULLABLE`). Default none. */
  alsoNullable?: readonly string[];
}

type JsonObject = { [key: string]: unknown };

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function orNull(schema: JsonObject): JsonObject {
  if (Array.isArray(schema.enum)) schema.enum = [...schema.enum, null];
  if (typeof schema.type === 'string') {
    schema.type = [schema.type, 'null'];
    return schema;
  }
  // `allOf: [$ref]` or `oneOf` properties have no `type` to widen.
  return { anyOf: [{ type: 'null' }, schema] };
}

/** OpenAPI 3.0 schema → JSON Schema draft-07, recursively (see the module comment). */
function toJsonSchema(node: unknown, describedNulls: boolean): unknown {
  if (Array.isArray(node)) return node.map((child) => toJsonSchema(child, describedNulls));
  if (!isJsonObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-') || DROPPED_KEYWORDS.has(key) || key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/components/schemas/', '#/definitions/');
    } else if (key === 'properties' && isJsonObject(value)) {
      // Property names are not keywords: convert each property's schema, keep the names.
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, describedNulls)]),
      );
    } else {
      out[key] = toJsonSchema(value, describedNulls);
    }
  }
  const describedNull =
    describedNulls && typeof node.description === 'string' && NULL_IN_DESCRIPTION.test(node.description);
  return node.nullable === true || describedNull ? orNull(out) : out;
}

function loadComponentSchemas(): JsonObject {
  const document: unknown = parse(readFileSync(SPEC_PATH, 'utf8'));
  const components = isJsonObject(document) ? document.components : undefined;
  const schemas = isJsonObject(components) ? components.schemas : undefined;
  if (!isJsonObject(schemas)) throw new Error(`${SPEC_PATH} has no components.schemas`);
  return schemas;
}

function markNullable(definitions: JsonObject, qualifiedNames: readonly string[]): void {
  for (const qualified of qualifiedNames) {
    const [schemaName = '', property = ''] = qualified.split('.');
    const schema = definitions[schemaName];
    const properties = isJsonObject(schema) ? schema.properties : undefined;
    const target = isJsonObject(properties) ? properties[property] : undefined;
    if (!isJsonObject(properties) || !isJsonObject(target)) {
      throw new Error(`alsoNullable: ${qualified} is not a property of a component schema`);
    }
    properties[property] = orNull(target);
  }
}

let componentSchemas: JsonObject | undefined;
const validators = new Map<string, ValidateFunction>();

function validatorFor(schemaName: string, options: SchemaValidationOptions): ValidateFunction {
  const describedNulls = options.nullableWhereDescribed ?? true;
  const alsoNullable = options.alsoNullable ?? [];
  const cacheKey = JSON.stringify([schemaName, describedNulls, alsoNullable]);
  const cached = validators.get(cacheKey);
  if (cached) return cached;

  componentSchemas ??= loadComponentSchemas();
  if (!(schemaName in componentSchemas)) {
    throw new Error(`${schemaName} is not a component schema of ${SPEC_PATH}`);
  }
  const definitions = toJsonSchema(componentSchemas, describedNulls) as JsonObject;
  markNullable(definitions, alsoNullable);
  // strictTypes would object to the file's `required` lists beside `allOf` without `type: object`.
  const ajv = new Ajv({ allErrors: true, strictTypes: false, strictTuples: false });
  ajv.addSchema({ $id: ROOT_ID, definitions });
  const validate = ajv.getSchema(`${ROOT_ID}#/definitions/${schemaName}`);
  if (!validate) throw new Error(`ajv could not compile ${schemaName}`);
  validators.set(cacheKey, validate);
  return validate;
}

/**
 * Validates `body` against the component schema `schemaName` (e.g. `CurrentlyPlayingContextObject`,
 * `QueueObject`, `DeviceObject`, `TrackObject`, `EpisodeObject`, `ErrorObject`). Returns one line per problem,
 * `<JSON pointer> <what is wrong>` (e.g. `/item/duration_ms must be integer`); empty when the body is valid.
 * Throws only when `schemaName` (or an `alsoNullable` entry) does not exist in the file.
 */
export function validateAgainstSchema(
  schemaName: string,
  body: unknown,
  options: SchemaValidationOptions = {},
): string[] {
  const validate = validatorFor(schemaName, options);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
}
