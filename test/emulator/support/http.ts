import type { RunningEmulator } from '../../../emulator';

export interface GraphReply {
  status: number;
  headers: Headers;
  /** Parsed JSON body; `undefined` when the body is empty. */
  body: unknown;
}

export async function call(
  emu: RunningEmulator,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<GraphReply> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(`${emu.url}${path}`, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Reads a property path of an untyped JSON value (tests only). */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function list(value: unknown, ...path: (string | number)[]): Record<string, unknown>[] {
  const v = at(value, ...path);
  if (!Array.isArray(v)) throw new Error(`Expected an array at ${path.join('.')}, got ${JSON.stringify(v)}`);
  return v as Record<string, unknown>[];
}

export const SKU = {
  basic: '6af4b3d6-14bb-4a2a-960c-6c902aad34f3',
  pro: '4cde982a-ede4-4409-9ae6-b003453c8ea6',
  meetingRoom: '6070a4c8-34c6-4937-8dfb-39bbc6397a60',
  e3: '6fd2c87f-b296-42f0-b197-1e91e994b900',
  mcoev: 'e43b5b99-8dfb-405f-9987-dc307f34bcbd',
  mcocap: '295a8eb0-f78d-45c7-8b5b-1eed5ed02dff',
} as const;

export const TENANT_ID = 'c0a70000-0000-4000-8000-000000000000';

export const ROOM = {
  '4B': { user: 'a0000000-0000-4000-8000-000000000402', device: 'd0000000-0000-4000-8000-000000000402' },
  '4A': { user: 'a0000000-0000-4000-8000-000000000401', device: 'd0000000-0000-4000-8000-000000000401' },
  '2C': { user: 'a0000000-0000-4000-8000-000000000203', device: 'd0000000-0000-4000-8000-000000000203' },
  '5E': { user: 'a0000000-0000-4000-8000-000000000505', device: 'd0000000-0000-4000-8000-000000000505' },
  '6F': { user: 'a0000000-0000-4000-8000-000000000606', device: 'd0000000-0000-4000-8000-000000000606' },
  '1A': { user: 'a0000000-0000-4000-8000-000000000101', device: 'd0000000-0000-4000-8000-000000000101' },
  '7G': { user: 'a0000000-0000-4000-8000-000000000707', device: 'd0000000-0000-4000-8000-000000000707' },
} as const;

export const HOUR = 3_600_000;
