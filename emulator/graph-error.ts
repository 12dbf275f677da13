/** An error answered in Graph's error shape. */
export class GraphError extends Error {
  override name = 'GraphError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { code: string; message: string; target?: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

/** A 400 with the given message and Graph error code. */
export function badRequest(message: string, code = 'BadRequest'): GraphError {
  return new GraphError(400, code, message);
}

/** Graph's 404 for an unknown user, device or SKU. */
export function directoryNotFound(id: string): GraphError {
  return new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** Graph's 404 for an unknown Teams device or operation. */
export function teamworkNotFound(what: string, id: string): GraphError {
  return new GraphError(404, 'NotFound', `${what} with id '${id}' was not found.`);
}

/** 404 for an unknown place (rooms are served by Exchange, hence its error code). */
export function placeNotFound(id: string): GraphError {
  return new GraphError(404, 'ErrorItemNotFound', `The place '${id}' was not found in the store.`);
}

/** Default Graph error code for a status injected by a fault without its own code. */
export function defaultCodeForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BadRequest';
    case 401:
      return 'InvalidAuthenticationToken';
    case 403:
      return 'Authorization_RequestDenied';
    case 404:
      return 'Request_ResourceNotFound';
    case 409:
      return 'Conflict';
    case 429:
      return 'TooManyRequests';
    case 500:
      return 'InternalServerError';
    case 502:
      return 'BadGateway';
    case 503:
      return 'ServiceUnavailable';
    case 504:
      return 'GatewayTimeout';
    default:
      return status >= 500 ? 'UnknownError' : 'BadRequest';
  }
}

/** Message of an injected fault without a Graph error of its own. */
export function defaultMessageForStatus(status: number, retryAfterSeconds?: number): string {
  const retry = retryAfterSeconds !== undefined ? ` Retry after ${retryAfterSeconds} seconds.` : '';
  switch (status) {
    case 429:
      return `Too many requests.${retry}`;
    case 503:
      return `The service is temporarily unavailable.${retry}`;
    case 504:
      return 'The request timed out.';
    default:
      return `Injected fault: HTTP ${status}.${retry}`;
  }
}
