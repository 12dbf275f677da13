import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/** A Microsoft Graph API version the emulator serves. */
export type ApiVersion = 'v1.0' | 'beta';

/** Where the shared OpenAPI subsets live: read at run time, never copied into the project. */
export const REFERENCE_DIR = path.resolve(__dirname, '../../shared/reference/graph');

const FILES: Record<ApiVersion, string> = {
  'v1.0': 'openapi-subset-v1.0.yaml',
  beta: 'openapi-subset-beta.yaml',
};

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** One HTTP method of a path in the OpenAPI subset. */
export interface OperationInfo {
  method: string;
  /** Query options the operation declares, lower-cased (`$select`, `$top`, ...). */
  queryOptions: ReadonlySet<string>;
}

/** A path of the OpenAPI subset, split into literal and parameter segments. */
export interface PathTemplate {
  template: string;
  segments: readonly ({ literal: string } | { param: string })[];
  literalCount: number;
  operations: ReadonlyMap<string, OperationInfo>;
}

/** The template a path matched, or the first segment no template knows. */
export type PathMatch =
  | { kind: 'match'; template: PathTemplate; params: Record<string, string> }
  | { kind: 'notFound'; segment: string };

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** One version's OpenAPI subset, turned into a path matcher and a few schema helpers. */
export class ApiDescription {
  private readonly templates: PathTemplate[] = [];
  readonly schemas: Readonly<Record<string, Json>>;
  private readonly plans = new Map<string, Map<string, string>>();
  private readonly propertyNames = new Map<string, Map<string, string>>();

  constructor(
    readonly version: ApiVersion,
    readonly document: Json,
  ) {
    const components = isRecord(document.components) ? document.components : {};
    this.schemas = (isRecord(components.schemas) ? components.schemas : {}) as Record<string, Json>;
    const parameters = isRecord(components.parameters) ? components.parameters : {};
    const paths = isRecord(document.paths) ? document.paths : {};
    for (const [template, item] of Object.entries(paths)) {
      if (!isRecord(item)) continue;
      const operations = new Map<string, OperationInfo>();
      for (const method of HTTP_METHODS) {
        const op = item[method];
        if (!isRecord(op)) continue;
        const queryOptions = new Set<string>();
        const params = Array.isArray(op.parameters) ? op.parameters : [];
        for (const p of params) {
          let param: unknown = p;
          if (isRecord(p) && typeof p.$ref === 'string') param = parameters[p.$ref.split('/').pop() ?? ''];
          if (isRecord(param) && param.in === 'query' && typeof param.name === 'string') {
            queryOptions.add(param.name.toLowerCase());
          }
        }
        operations.set(method.toUpperCase(), { method: method.toUpperCase(), queryOptions });
      }
      const segments = template
        .split('/')
        .filter(Boolean)
        .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : { literal: s }));
      this.templates.push({
        template,
        segments,
        literalCount: segments.filter((s) => 'literal' in s).length,
        operations,
      });
    }
  }

  /** Matches a path below the version (`/users/x`) against the templates; literal segments win over parameters. */
  match(pathBelowVersion: string): PathMatch {
    const segments = pathBelowVersion.split('/').filter(Boolean).map(decodeSegment);
    let best: { template: PathTemplate; params: Record<string, string> } | undefined;
    let longestPrefix = 0;
    for (const t of this.templates) {
      let matched = 0;
      const params: Record<string, string> = {};
      for (let i = 0; i < Math.min(t.segments.length, segments.length); i++) {
        const ts = t.segments[i];
        const s = segments[i] ?? '';
        if (ts === undefined) break;
        if ('literal' in ts) {
          if (ts.literal.toLowerCase() !== s.toLowerCase()) break;
        } else {
          params[ts.param] = s;
        }
        matched++;
      }
      longestPrefix = Math.max(longestPrefix, matched);
      if (matched === segments.length && matched === t.segments.length) {
        if (!best || t.literalCount > best.template.literalCount) best = { template: t, params };
      }
    }
    if (best) return { kind: 'match', ...best };
    const segment = segments[Math.min(longestPrefix, segments.length - 1)] ?? '';
    return { kind: 'notFound', segment };
  }

  /** Adds `@odata.type` to `value` and every nested complex value the schema types, where it is missing. */
  annotate(value: unknown, typeName: string): void {
    if (Array.isArray(value)) {
      for (const v of value) this.annotate(v, typeName);
      return;
    }
    if (!isRecord(value)) return;
    let actual = typeName;
    const existing = value['@odata.type'];
    if (typeof existing === 'string') {
      const named = existing.replace(/^#/, '');
      if (this.schemas[named]) actual = named;
    } else {
      value['@odata.type'] = `#${typeName}`;
    }
    for (const [prop, nested] of this.planFor(actual)) {
      const v = value[prop];
      if (v !== null && v !== undefined) this.annotate(v, nested);
    }
  }

  /** The canonical name of a property of a type, matched case-insensitively; `undefined` when it has none. */
  propertyName(typeName: string, name: string): string | undefined {
    let names = this.propertyNames.get(typeName);
    if (!names) {
      names = new Map();
      for (const key of this.collectProperties(this.schemas[typeName]).keys())
        names.set(key.toLowerCase(), key);
      this.propertyNames.set(typeName, names);
    }
    return names.get(name.toLowerCase());
  }

  private planFor(typeName: string): Map<string, string> {
    let plan = this.plans.get(typeName);
    if (plan) return plan;
    plan = new Map();
    for (const [prop, schema] of this.collectProperties(this.schemas[typeName])) {
      const nested = this.nestedType(schema);
      if (nested) plan.set(prop, nested);
    }
    this.plans.set(typeName, plan);
    return plan;
  }

  private collectProperties(
    schema: Json | undefined,
    out = new Map<string, unknown>(),
  ): Map<string, unknown> {
    if (!schema) return out;
    if (Array.isArray(schema.allOf)) {
      for (const part of schema.allOf) {
        if (!isRecord(part)) continue;
        if (typeof part.$ref === 'string') this.collectProperties(this.resolveRef(part.$ref), out);
        else this.collectProperties(part, out);
      }
    }
    if (isRecord(schema.properties)) {
      for (const [k, v] of Object.entries(schema.properties)) out.set(k, v);
    }
    return out;
  }

  private resolveRef(ref: string): Json | undefined {
    return this.schemas[ref.split('/').pop() ?? ''];
  }

  private nestedType(schema: unknown): string | undefined {
    if (!isRecord(schema)) return undefined;
    if (typeof schema.$ref === 'string') {
      const name = schema.$ref.split('/').pop() ?? '';
      const target = this.schemas[name];
      if (
        target &&
        (target.type === 'object' || Array.isArray(target.allOf) || isRecord(target.properties))
      ) {
        return name;
      }
      return undefined;
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const list = schema[key];
      if (Array.isArray(list)) {
        for (const member of list) {
          const found = this.nestedType(member);
          if (found) return found;
        }
      }
    }
    if (schema.type === 'array') return this.nestedType(schema.items);
    return undefined;
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const cache = new Map<string, ApiDescription>();

/** Loads (once per process and directory) the OpenAPI subset of a Graph version. */
export function loadApiDescription(version: ApiVersion, dir = REFERENCE_DIR): ApiDescription {
  const key = `${dir}|${version}`;
  let found = cache.get(key);
  if (!found) {
    const file = path.join(dir, FILES[version]);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw new Error(
        `Cannot read the Graph ${version} OpenAPI subset at ${file} (${(e as Error).message}). ` +
          'The emulator needs the shared reference folder next to the repository.',
      );
    }
    const doc: unknown = parse(text);
    if (!isRecord(doc)) throw new Error(`${file} is not an OpenAPI document.`);
    found = new ApiDescription(version, doc);
    cache.set(key, found);
  }
  return found;
}
