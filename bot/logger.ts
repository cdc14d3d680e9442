import pino, { type Logger, type DestinationStream } from 'pino';

/**
 * Field names that may carry what a user typed or a secret. They are censored wherever they
 * appear in a log record, even one level deep, so a careless `log.info({ activity })` cannot leak.
 */
const REDACTED_PATHS = [
  'text', 'pin', 'puk', 'tckn', 'securityWord', 'password', 'authorization', 'value',
  '*.text', '*.pin', '*.puk', '*.tckn', '*.securityWord', '*.password', '*.authorization', '*.value',
  'activity.attachments', 'req.headers.authorization',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({ level, base: { service: 'eimza-bot' }, redact: { paths: REDACTED_PATHS, censor: '[gizli]' } }, destination);
}

export type { Logger };
