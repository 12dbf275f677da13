import pino, { type DestinationStream, type Logger } from 'pino';
import { currentTurnScope } from './turn-scope';

export type { Logger } from 'pino';

/**
 * Creates the bot's structured logger: JSON to stdout (or `destination`), or human-readable when `pretty` is set
 * (local runs). A line written during a turn carries the turn's `correlationId`, whichever component writes it.
 */
export function createLogger(options: {
  level: string;
  pretty: boolean;
  base?: Record<string, unknown>;
  destination?: DestinationStream;
}): Logger {
  const logOptions: pino.LoggerOptions = {
    level: options.level,
    base: options.base ?? {},
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.authorization', '*.Authorization', '*.clientSecret', '*.password'],
      censor: '[redacted]',
    },
    mixin: (mergeObject, _level, logger) => {
      const scope = currentTurnScope();
      // The turn's own logger already binds it: writing it twice would give a JSON line with a duplicate key.
      if (!scope || 'correlationId' in mergeObject || 'correlationId' in logger.bindings()) return {};
      return { correlationId: scope.correlationId };
    },
  };
  if (options.pretty) {
    return pino({
      ...logOptions,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
      },
    });
  }
  return options.destination ? pino(logOptions, options.destination) : pino(logOptions);
}
