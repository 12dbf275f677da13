import type { ApiDescription } from './api-description';
import type { GraphObject } from './fixture-types';
import { GraphError, badRequest } from './graph-error';
import {
  FilterSyntaxError,
  evaluateFilter,
  filterOperators,
  filterPropertyPaths,
  parseFilter,
} from './odata-filter';

/** A Graph call after routing, as the handlers see it (outer or inside a `$batch`). */
export interface GraphCall {
  method: string;
  /** Path below the version, e.g. `/users/x`. */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: unknown;
}

/** How a collection endpoint pages, filters and projects its items. */
export interface CollectionSpec {
  /** Schema of the items, e.g. `microsoft.graph.user`. */
  typeName: string;
  /** `@odata.context` fragment after `$metadata#`, e.g. `users`. */
  context: string;
  defaultPageSize: number;
  maxPageSize: number;
  /** Directory objects (users, devices): Graph's advanced-query rules and $top limits apply. */
  directory?: boolean;
  /** Properties returned when the caller sends no `$select` (Graph's default set for users). */
  defaultSelect?: readonly string[];
  /** Only these property paths may appear in `$filter` (lower case). */
  filterableProperties?: readonly string[];
  /** Resource name used in error messages, e.g. `User`. */
  resourceName?: string;
  /**
   * Builds the served object from a stored item. Called only for the items that need it (the page, or all items
   * when a filter or sort needs the served form), which keeps large tenants fast.
   */
  materialise?: (item: GraphObject) => GraphObject;
  /** The stored items already carry every filterable property as served, so filters can run before materialise. */
  filterOnStored?: boolean;
}

const ADVANCED_OPERATORS = ['ne', 'not', 'endswith'];

interface SkipToken {
  o: number;
}

function encodeSkipToken(t: SkipToken): string {
  return Buffer.from(JSON.stringify(t)).toString('base64url');
}

function decodeSkipToken(text: string): SkipToken {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as SkipToken).o === 'number') {
      return parsed as SkipToken;
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('Invalid $skiptoken.', 'Request_BadRequest');
}

function queryValue(q: URLSearchParams, name: string): string | null {
  for (const [k, v] of q) if (k.toLowerCase() === name) return v;
  return null;
}

function parseNonNegativeInt(value: string, option: string): number {
  if (!/^\d+$/.test(value.trim())) throw badRequest(`Invalid value '${value}' for query option '${option}'.`);
  return Number(value.trim());
}

/** Parses `$select` into canonical property names of `typeName`; `null` when absent. */
export function parseSelect(api: ApiDescription, call: GraphCall, typeName: string): string[] | null {
  const raw = queryValue(call.query, '$select');
  if (raw === null) return null;
  const out: string[] = [];
  for (const part of raw.split(',')) {
    const name = part.trim();
    if (!name) continue;
    const canonical = api.propertyName(typeName, name);
    if (!canonical) {
      throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`, 'BadRequest');
    }
    if (!out.includes(canonical)) out.push(canonical);
  }
  return out;
}

function project(item: GraphObject, select: readonly string[] | null): GraphObject {
  const out: GraphObject = {};
  if (item['@odata.type'] !== undefined) out['@odata.type'] = item['@odata.type'];
  if (item.id !== undefined) out.id = item.id;
  if (!select) return Object.assign(out, item);
  for (const name of select) if (name in item) out[name] = item[name];
  return out;
}

function contextUrl(
  baseUrl: string,
  version: string,
  context: string,
  select: readonly string[] | null,
): string {
  if (!select) return `${baseUrl}/${version}/$metadata#${context}`;
  const [head, ...rest] = context.split('/$entity');
  return `${baseUrl}/${version}/$metadata#${head}(${select.join(',')})${rest.length ? '/$entity' : ''}`;
}

/** A single entity response: `$select`, `@odata.type` annotations and `@odata.context`. */
export function entityBody(
  api: ApiDescription,
  call: GraphCall,
  baseUrl: string,
  item: GraphObject,
  typeName: string,
  context: string,
  defaultSelect?: readonly string[],
): GraphObject {
  const actualType =
    typeof item['@odata.type'] === 'string' ? item['@odata.type'].replace(/^#/, '') : typeName;
  const select = parseSelect(api, call, actualType);
  api.annotate(item, actualType);
  const projected = project(item, select ?? defaultSelect ?? null);
  return { '@odata.context': contextUrl(baseUrl, api.version, `${context}/$entity`, select), ...projected };
}

/** A collection response: `$filter`, `$orderby`, `$count`, `$top` and `$skiptoken` paging, `$select`. */
export function collectionBody(
  api: ApiDescription,
  call: GraphCall,
  baseUrl: string,
  items: GraphObject[],
  spec: CollectionSpec,
): GraphObject {
  const select = parseSelect(api, call, spec.typeName);
  const countRequested = (queryValue(call.query, '$count') ?? '').toLowerCase() === 'true';
  const eventual = (call.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
  if (countRequested && spec.directory && !eventual) {
    throw badRequest(
      'Count queries on directory objects need the ConsistencyLevel: eventual header.',
      'Request_BadRequest',
    );
  }

  const materialise = spec.materialise;
  let materialised = !materialise;
  let result = items;
  const filterText = queryValue(call.query, '$filter');
  if (filterText !== null) {
    let filter;
    try {
      filter = parseFilter(filterText);
    } catch (e) {
      if (e instanceof FilterSyntaxError)
        throw badRequest(`Invalid filter clause: ${e.message}`, 'BadRequest');
      throw e;
    }
    if (spec.filterableProperties) {
      const allowed = spec.filterableProperties;
      for (const p of filterPropertyPaths(filter)) {
        if (!allowed.includes(p.toLowerCase())) {
          throw badRequest(
            `Filter on property '${p}' is not supported. Supported filters: ${allowed.join(', ')}.`,
            'BadRequest',
          );
        }
      }
    }
    if (spec.directory && !(eventual && countRequested)) {
      const ops = filterOperators(filter);
      const advanced = ADVANCED_OPERATORS.find((o) => ops.has(o));
      if (advanced) {
        const prop = filterPropertyPaths(filter)[0] ?? '';
        throw new GraphError(
          400,
          'Request_UnsupportedQuery',
          `Unsupported or invalid query filter clause specified for property '${prop}' of resource '${spec.resourceName ?? 'Resource'}'. ` +
            `'${advanced}' needs an advanced query (ConsistencyLevel: eventual and $count=true).`,
        );
      }
    }
    const f = filter;
    if (materialise && !spec.filterOnStored) {
      result = result.map(materialise);
      materialised = true;
    }
    result = result.filter((item) => evaluateFilter(f, item));
  }

  const orderBy = queryValue(call.query, '$orderby');
  if (orderBy !== null) {
    if (materialise && !materialised) {
      result = result.map(materialise);
      materialised = true;
    }
    result = sortItems(api, spec.typeName, result, orderBy);
  }

  const total = result.length;
  let offset = 0;
  const token = queryValue(call.query, '$skiptoken');
  if (token !== null) offset = decodeSkipToken(token).o;
  const skip = queryValue(call.query, '$skip');
  if (skip !== null && token === null) offset = parseNonNegativeInt(skip, '$skip');

  let pageSize = spec.defaultPageSize;
  const top = queryValue(call.query, '$top');
  if (top !== null) {
    const n = parseNonNegativeInt(top, '$top');
    if (spec.directory && (n < 1 || n > 999)) {
      throw badRequest(
        `Invalid page size specified: '${n}'. Must be between 1 and 999 inclusive.`,
        'Request_BadRequest',
      );
    }
    pageSize = n;
  }
  pageSize = Math.min(pageSize, spec.maxPageSize);

  let page = result.slice(offset, offset + pageSize);
  if (materialise && !materialised) page = page.map(materialise);
  const value = page.map((item) => {
    const typeName =
      typeof item['@odata.type'] === 'string' ? item['@odata.type'].replace(/^#/, '') : spec.typeName;
    api.annotate(item, typeName);
    return project(item, select ?? spec.defaultSelect ?? null);
  });
  const body: GraphObject = { '@odata.context': contextUrl(baseUrl, api.version, spec.context, select) };
  if (countRequested) body['@odata.count'] = total;
  if (offset + pageSize < total && pageSize > 0) {
    const next = new URLSearchParams();
    for (const [k, v] of call.query) {
      const lower = k.toLowerCase();
      if (lower !== '$skiptoken' && lower !== '$skip') next.append(k, v);
    }
    next.append('$skiptoken', encodeSkipToken({ o: offset + pageSize }));
    // Keep `$` and `,` readable, as Graph does in its links.
    const search = next.toString().replace(/%24/g, '$').replace(/%2C/gi, ',');
    body['@odata.nextLink'] = `${baseUrl}/${api.version}${call.path}?${search}`;
  }
  body.value = value;
  return body;
}

function sortItems(
  api: ApiDescription,
  typeName: string,
  items: GraphObject[],
  orderBy: string,
): GraphObject[] {
  const keys = orderBy.split(',').map((part) => {
    const [name = '', dir = 'asc'] = part.trim().split(/\s+/);
    const canonical = api.propertyName(typeName, name);
    if (!canonical) throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`);
    if (dir.toLowerCase() !== 'asc' && dir.toLowerCase() !== 'desc') {
      throw badRequest(`Invalid $orderby direction '${dir}'.`);
    }
    return { name: canonical, sign: dir.toLowerCase() === 'desc' ? -1 : 1 };
  });
  return [...items].sort((a, b) => {
    for (const k of keys) {
      const x = a[k.name];
      const y = b[k.name];
      if (x === y) continue;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      const cmp =
        typeof x === 'string' && typeof y === 'string'
          ? x.localeCompare(y, 'en', { sensitivity: 'base' })
          : x < y
            ? -1
            : 1;
      if (cmp !== 0) return cmp * k.sign;
    }
    return 0;
  });
}
