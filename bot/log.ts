import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** Creates the bot's structured logger: JSON to stdout, or human-readable when `pretty` is set (local runs). */
export function createLogger(options: {
  level: string;
  pretty: boolean;
  base?: Record<string, unknown>;
}): Logger {
  return pino({
    level: options.level,
    base: options.base ?? {},
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['*.authorization', '*.Authorization', '*.clientSecret', '*.password'],
      censor: '[redacted]',
    },
    ...(options.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}
