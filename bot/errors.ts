/** Every failure the bot knows how to explain. The turn-level handler maps each code to a reply. */
export type ErrorCode =
  | 'config.invalid'
  | 'graph.unauthorized'
  | 'graph.forbidden'
  | 'graph.not-found'
  | 'graph.throttled'
  | 'graph.unavailable'
  | 'graph.bad-request'
  | 'graph.timeout'
  | 'graph.unexpected'
  | 'input.invalid'
  | 'action.stale'
  | 'action.forbidden'
  | 'internal';

/** Base class for errors that carry a code the user-facing layer can translate. */
export class BotError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, string | number | undefined>>;

  constructor(
    code: ErrorCode,
    message: string,
    details: Record<string, string | number | undefined> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BotError';
    this.code = code;
    this.details = details;
  }
}

/** A Microsoft Graph call failed; keeps Graph's request id for support. */
export class GraphError extends BotError {
  readonly status: number;
  readonly graphCode: string | undefined;
  readonly requestId: string | undefined;
  readonly path: string;
  /** For 403s: the application permission that would allow the call, when known. */
  readonly requiredPermission: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    code: ErrorCode;
    status: number;
    message: string;
    path: string;
    graphCode?: string;
    requestId?: string;
    requiredPermission?: string;
    retryAfterSeconds?: number;
    cause?: unknown;
  }) {
    super(
      init.code,
      init.message,
      {
        status: init.status,
        graphCode: init.graphCode,
        requestId: init.requestId,
        path: init.path,
        requiredPermission: init.requiredPermission,
      },
      { cause: init.cause },
    );
    this.name = 'GraphError';
    this.status = init.status;
    this.graphCode = init.graphCode;
    this.requestId = init.requestId;
    this.path = init.path;
    this.requiredPermission = init.requiredPermission;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** Configuration that cannot start the bot; `problems` lists each bad setting with how to fix it. */
export class ConfigError extends BotError {
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super('config.invalid', `Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
