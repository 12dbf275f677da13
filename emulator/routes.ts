import type { ApiDescription, ApiVersion } from './api-description';
import { GraphError, badRequest, placeNotFound } from './graph-error';
import { collectionBody, entityBody, type GraphCall } from './odata-query';
import type { OperationType, TenantState } from './tenant-state';

/** A Graph response before it is written to HTTP (or into a batch response). */
export interface GraphResult {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** What the Graph handlers need. */
export interface RouterDeps {
  state: TenantState;
  apis: Record<ApiVersion, ApiDescription>;
  baseUrl: () => string;
  teamworkListFailsWhenUnlicensed: boolean;
}

type Handler = (call: GraphCall, params: Record<string, string>) => GraphResult;

/** The properties Graph v1.0 returns for a user when the caller sends no `$select`. */
export const USER_DEFAULT_SELECT = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
] as const;

const TEAMWORK_FILTERABLE = ['devicetype', 'hardwaredetail/uniqueid', 'currentuser/id'];
// Query options the emulator does not implement: refusing them beats silently ignoring them.
const UNSUPPORTED_OPTIONS = new Set(['$search', '$expand']);

const ok = (body: unknown): GraphResult => ({ status: 200, headers: {}, body });

function expandOf(call: GraphCall): string | undefined {
  for (const [k, v] of call.query)
    if (k.toLowerCase() === '$expand') return v.replace(/\s+/g, '').toLowerCase();
  return undefined;
}

/** Builds the Graph request dispatcher: path matching against the OpenAPI subsets, then the handlers. */
export function createRouter(deps: RouterDeps): (version: ApiVersion, call: GraphCall) => GraphResult {
  const { state, apis } = deps;
  const v1 = apis['v1.0'];
  const beta = apis.beta;
  const url = deps.baseUrl;
  const userContext = (id: string): string => `users('${id}')`;

  const v1Handlers: Record<string, Handler> = {
    'GET /users': (call) =>
      ok(
        collectionBody(v1, call, url(), state.userItems(), {
          materialise: (u) => state.userItemView(u),
          typeName: 'microsoft.graph.user',
          context: 'users',
          defaultPageSize: 100,
          maxPageSize: 999,
          directory: true,
          defaultSelect: USER_DEFAULT_SELECT,
          resourceName: 'User',
        }),
      ),
    'GET /users/{user-id}': (call, p) => {
      const expand = expandOf(call);
      const body = entityBody(
        v1,
        call,
        url(),
        state.userView(p['user-id'] ?? ''),
        'microsoft.graph.user',
        'users',
        USER_DEFAULT_SELECT,
      ) as Record<string, unknown>;
      // The bot checks helpdesk membership with $expand=memberOf($select=id); Graph returns at most 20.
      if (expand === 'memberof' || expand === 'memberof($select=id)') {
        body.memberOf = state
          .groupIdsOf(p['user-id'] ?? '')
          .slice(0, 20)
          .map((id) => ({ '@odata.type': '#microsoft.graph.group', id }));
      } else if (expand !== undefined) {
        throw badRequest(
          `The Graph emulator supports only $expand=memberOf($select=id) on a user, not '${expand}'.`,
          'BadRequest',
        );
      }
      return ok(body);
    },
    'PATCH /users/{user-id}': (call, p) => {
      state.patchUser(
        p['user-id'] ?? '',
        call.body,
        (name) => v1.propertyName('microsoft.graph.user', name) !== undefined,
      );
      return { status: 204, headers: {} };
    },
    'GET /users/{user-id}/licenseDetails': (call, p) => {
      const id = p['user-id'] ?? '';
      return ok(
        collectionBody(v1, call, url(), state.licenseDetails(id), {
          typeName: 'microsoft.graph.licenseDetails',
          context: `${userContext(id)}/licenseDetails`,
          defaultPageSize: 999,
          maxPageSize: 999,
        }),
      );
    },
    'GET /users/{user-id}/licenseDetails/{licenseDetails-id}': (call, p) => {
      const id = p['user-id'] ?? '';
      const detail = state.licenseDetail(id, p['licenseDetails-id'] ?? '');
      return ok(
        entityBody(
          v1,
          call,
          url(),
          detail,
          'microsoft.graph.licenseDetails',
          `${userContext(id)}/licenseDetails`,
        ),
      );
    },
    'POST /users/{user-id}/assignLicense': (call, p) => {
      const user = state.assignLicense(p['user-id'] ?? '', call.body);
      v1.annotate(user, 'microsoft.graph.user');
      return ok({ '@odata.context': `${url()}/v1.0/$metadata#users/$entity`, ...user });
    },
    'GET /subscribedSkus': (call) =>
      ok(
        collectionBody(v1, call, url(), state.subscribedSkus(), {
          typeName: 'microsoft.graph.subscribedSku',
          context: 'subscribedSkus',
          defaultPageSize: 999,
          maxPageSize: 999,
        }),
      ),
    'GET /subscribedSkus/{subscribedSku-id}': (call, p) =>
      ok(
        entityBody(
          v1,
          call,
          url(),
          state.subscribedSku(p['subscribedSku-id'] ?? ''),
          'microsoft.graph.subscribedSku',
          'subscribedSkus',
        ),
      ),
    'GET /devices': (call) =>
      ok(
        collectionBody(v1, call, url(), state.entraDevicesList(), {
          typeName: 'microsoft.graph.device',
          context: 'devices',
          defaultPageSize: 100,
          maxPageSize: 999,
          directory: true,
          resourceName: 'Device',
        }),
      ),
    'GET /devices/{device-id}': (call, p) =>
      ok(
        entityBody(
          v1,
          call,
          url(),
          state.entraDevice(p['device-id'] ?? ''),
          'microsoft.graph.device',
          'devices',
        ),
      ),
    'GET /places/microsoft.graph.room': (call) =>
      ok(
        collectionBody(v1, call, url(), state.rooms(), {
          typeName: 'microsoft.graph.room',
          context: 'places/microsoft.graph.room',
          defaultPageSize: 100,
          maxPageSize: 999,
        }),
      ),
    'GET /places/microsoft.graph.roomList': (call) =>
      ok(
        collectionBody(v1, call, url(), state.roomLists(), {
          typeName: 'microsoft.graph.roomList',
          context: 'places/microsoft.graph.roomList',
          defaultPageSize: 100,
          maxPageSize: 999,
        }),
      ),
    'GET /places/{place-id}': (call, p) => {
      const { view } = state.place(p['place-id'] ?? '');
      return ok(entityBody(v1, call, url(), view, 'microsoft.graph.place', 'places'));
    },
    'GET /places/{place-id}/microsoft.graph.room': (call, p) => {
      const id = p['place-id'] ?? '';
      const { kind, view } = state.place(id);
      if (kind !== 'room') throw placeNotFound(id);
      return ok(entityBody(v1, call, url(), view, 'microsoft.graph.room', 'places/microsoft.graph.room'));
    },
    'GET /places/{place-id}/microsoft.graph.roomList': (call, p) => {
      const id = p['place-id'] ?? '';
      const { kind, view } = state.place(id);
      if (kind !== 'roomList') throw placeNotFound(id);
      return ok(
        entityBody(v1, call, url(), view, 'microsoft.graph.roomList', 'places/microsoft.graph.roomList'),
      );
    },
    'GET /places/{place-id}/microsoft.graph.roomList/rooms': (call, p) => {
      const id = p['place-id'] ?? '';
      return ok(
        collectionBody(v1, call, url(), state.roomsOfList(id), {
          typeName: 'microsoft.graph.room',
          context: `places('${id}')/microsoft.graph.roomList/rooms`,
          defaultPageSize: 100,
          maxPageSize: 999,
        }),
      );
    },
    'GET /places/{place-id}/microsoft.graph.roomList/rooms/{room-id}': (call, p) => {
      const id = p['place-id'] ?? '';
      const roomId = (p['room-id'] ?? '').toLowerCase();
      const room = state
        .roomsOfList(id)
        .find(
          (r) => String(r.id).toLowerCase() === roomId || String(r.emailAddress).toLowerCase() === roomId,
        );
      if (!room) throw placeNotFound(p['room-id'] ?? '');
      return ok(
        entityBody(
          v1,
          call,
          url(),
          room,
          'microsoft.graph.room',
          `places('${id}')/microsoft.graph.roomList/rooms`,
        ),
      );
    },
  };

  const deviceContext = (id: string): string => `teamwork/devices('${id}')`;
  const startOperation =
    (type: OperationType): Handler =>
    (call, p) => {
      const id = p['teamworkDevice-id'] ?? '';
      const opId = state.startOperation(id, type, call.body);
      return {
        status: 202,
        headers: { Location: `${url()}/beta/teamwork/devices/${encodeURIComponent(id)}/operations/${opId}` },
      };
    };

  const betaHandlers: Record<string, Handler> = {
    'GET /teamwork/devices': (call) => {
      if (deps.teamworkListFailsWhenUnlicensed && state.anyTeamworkAccountUnlicensed()) {
        throw new GraphError(
          500,
          'InternalServerError',
          'An error occurred while listing Teams devices: a signed-in account has no valid license.',
        );
      }
      return ok(
        collectionBody(beta, call, url(), state.teamworkDeviceItems(), {
          materialise: (d) => state.teamworkDeviceItemView(d),
          filterOnStored: true,
          typeName: 'microsoft.graph.teamworkDevice',
          context: 'teamwork/devices',
          defaultPageSize: 50,
          maxPageSize: 50,
          filterableProperties: TEAMWORK_FILTERABLE,
        }),
      );
    },
    'GET /teamwork/devices/{teamworkDevice-id}': (call, p) =>
      ok(
        entityBody(
          beta,
          call,
          url(),
          state.teamworkDevice(p['teamworkDevice-id'] ?? ''),
          'microsoft.graph.teamworkDevice',
          'teamwork/devices',
        ),
      ),
    'GET /teamwork/devices/{teamworkDevice-id}/health': (call, p) => {
      const id = p['teamworkDevice-id'] ?? '';
      return ok(
        entityBody(
          beta,
          call,
          url(),
          state.health(id),
          'microsoft.graph.teamworkDeviceHealth',
          `${deviceContext(id)}/health`,
        ),
      );
    },
    'GET /teamwork/devices/{teamworkDevice-id}/configuration': (call, p) => {
      const id = p['teamworkDevice-id'] ?? '';
      return ok(
        entityBody(
          beta,
          call,
          url(),
          state.configuration(id),
          'microsoft.graph.teamworkDeviceConfiguration',
          `${deviceContext(id)}/configuration`,
        ),
      );
    },
    'GET /teamwork/devices/{teamworkDevice-id}/activity': (call, p) => {
      const id = p['teamworkDevice-id'] ?? '';
      return ok(
        entityBody(
          beta,
          call,
          url(),
          state.activity(id),
          'microsoft.graph.teamworkDeviceActivity',
          `${deviceContext(id)}/activity`,
        ),
      );
    },
    'GET /teamwork/devices/{teamworkDevice-id}/operations': (call, p) => {
      const id = p['teamworkDevice-id'] ?? '';
      return ok(
        collectionBody(beta, call, url(), state.operations(id), {
          typeName: 'microsoft.graph.teamworkDeviceOperation',
          context: `${deviceContext(id)}/operations`,
          defaultPageSize: 50,
          maxPageSize: 50,
        }),
      );
    },
    'GET /teamwork/devices/{teamworkDevice-id}/operations/{teamworkDeviceOperation-id}': (call, p) => {
      const id = p['teamworkDevice-id'] ?? '';
      return ok(
        entityBody(
          beta,
          call,
          url(),
          state.operation(id, p['teamworkDeviceOperation-id'] ?? ''),
          'microsoft.graph.teamworkDeviceOperation',
          `${deviceContext(id)}/operations`,
        ),
      );
    },
    'POST /teamwork/devices/{teamworkDevice-id}/restart': startOperation('deviceRestart'),
    'POST /teamwork/devices/{teamworkDevice-id}/runDiagnostics': startOperation('deviceDiagnostics'),
    'POST /teamwork/devices/{teamworkDevice-id}/updateSoftware': startOperation('softwareUpdate'),
  };

  const handlers: Record<ApiVersion, Record<string, Handler>> = { 'v1.0': v1Handlers, beta: betaHandlers };

  return (version, call) => {
    const api = apis[version];
    const match = api.match(call.path);
    if (match.kind === 'notFound') {
      throw badRequest(`Resource not found for the segment '${match.segment}'.`, 'BadRequest');
    }
    const method = call.method.toUpperCase();
    const operation = match.template.operations.get(method);
    if (!operation) {
      throw new GraphError(
        405,
        'Request_BadRequest',
        'Specified HTTP method is not allowed for the request uri.',
      );
    }
    for (const key of call.query.keys()) {
      const k = key.toLowerCase();
      if (!k.startsWith('$') || k === '$skiptoken') continue;
      if (!operation.queryOptions.has(k)) {
        throw badRequest(`Query option '${key}' is not allowed for this request.`, 'BadRequest');
      }
      if (
        UNSUPPORTED_OPTIONS.has(k) &&
        !(k === '$expand' && match.template.template === '/users/{user-id}')
      ) {
        throw badRequest(`The Graph emulator does not support the query option '${key}'.`, 'BadRequest');
      }
    }
    const handler = handlers[version][`${method} ${match.template.template}`];
    if (!handler) {
      throw new GraphError(
        501,
        'NotImplemented',
        `The Graph emulator does not implement ${method} ${match.template.template}.`,
      );
    }
    return handler(call, match.params);
  };
}
