import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

type Json = Record<string, unknown>;
type Version = 'v1.0' | 'beta';

const REFERENCE = path.resolve(__dirname, '../../../../shared/reference/graph');

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** OpenAPI 3.0 schema -> JSON Schema: `nullable`, and `$ref`s into this version's definitions. */
function convert(schema: unknown, rootId: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => convert(s, rootId));
  if (!isRecord(schema)) return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k === 'nullable' || k === 'discriminator' || k.startsWith('x-') || k === 'example') continue;
    if (k === '$ref' && typeof v === 'string') {
      out.$ref = `${rootId}#/definitions/${v.split('/').pop() ?? ''}`;
    } else if (k === 'properties' && isRecord(v)) {
      const props: Json = {};
      for (const [name, p] of Object.entries(v)) props[name] = convert(p, rootId);
      out.properties = props;
    } else {
      out[k] = convert(v, rootId);
    }
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

export interface OpenApiChecker {
  /** Validates a body against the response schema of an operation; returns error text, or null when valid. */
  check(version: Version, template: string, method: string, status: number, body: unknown): string | null;
}

let checker: OpenApiChecker | undefined;

export function openApiChecker(): OpenApiChecker {
  if (checker) return checker;
  const ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  for (const f of [
    'int16',
    'int32',
    'int64',
    'double',
    'float',
    'decimal',
    'base64url',
    'byte',
    'uint8',
    'int8',
  ]) {
    ajv.addFormat(f, true);
  }
  const docs = new Map<Version, Json>();
  for (const version of ['v1.0', 'beta'] as const) {
    const file = path.join(REFERENCE, `openapi-subset-${version}.yaml`);
    const doc = parse(fs.readFileSync(file, 'utf8')) as Json;
    docs.set(version, doc);
    const rootId = `graph-${version}`;
    const schemas = (doc.components as Json).schemas as Json;
    const definitions: Json = {};
    for (const [name, s] of Object.entries(schemas)) definitions[name] = convert(s, rootId);
    ajv.addSchema({ $id: rootId, definitions });
  }
  const compiled = new Map<string, ValidateFunction | 'empty'>();
  checker = {
    check(version, template, method, status, body) {
      const key = `${version} ${method} ${template} ${Math.floor(status / 100)}`;
      let validate = compiled.get(key);
      if (!validate) {
        const doc = docs.get(version) as Json;
        const op = ((doc.paths as Json)[template] as Json | undefined)?.[method.toLowerCase()];
        if (!isRecord(op)) throw new Error(`No operation ${method} ${template} in the ${version} subset`);
        let response: unknown = (op.responses as Json)[`${Math.floor(status / 100)}XX`];
        if (isRecord(response) && typeof response.$ref === 'string') {
          response = ((doc.components as Json).responses as Json)[response.$ref.split('/').pop() ?? ''];
        }
        const schema = isRecord(response) ? at(response, 'content', 'application/json', 'schema') : undefined;
        validate = schema === undefined ? 'empty' : ajv.compile(convert(schema, `graph-${version}`) as Json);
        compiled.set(key, validate);
      }
      if (validate === 'empty') return body === undefined ? null : 'expected an empty body';
      if (validate(body)) return null;
      return ajv.errorsText(validate.errors, { separator: '\n' });
    },
  };
  return checker;
}

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const k of keys) current = isRecord(current) ? current[k] : undefined;
  return current;
}
