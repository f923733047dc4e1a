import pino, { type Logger } from 'pino';
import { processEnv } from '@lastmile/config/process-env';

// Anything that could hold a secret is removed before a line is written.
const REDACT = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'key',
  '*.key',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'password',
  '*.password',
];

let root: Logger | undefined;

/** Structured JSON logs (pino); `destination` lets tests capture every line. */
export function createLogger(
  level = processEnv().LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  // stderr: stdout belongs to command output such as `lastmile run --json`.
  root = pino(
    { level, base: { service: 'lastmile' }, redact: { paths: REDACT, censor: '[redacted]' } },
    destination ?? pino.destination(2),
  );
  return root;
}

export function logger(): Logger {
  return root ?? createLogger();
}
