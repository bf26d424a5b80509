import pino, { type Logger } from 'pino';
import { serializeError } from './log-errors.js';

export type { Logger };

/** JSON logs unless stdout is a terminal; secrets never reach a line. */
export function createLogger(level: string, stream?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      serializers: { err: serializeError },
      redact: {
        paths: [
          'req.headers.authorization',
          'headers.authorization',
          '*.password',
          'password',
          '*.apiKey',
          'apiKey',
          '*.jwtSecret',
          'config.llm.apiKey',
          'config.secretsKey',
          'secretsKey',
          '*.secretsKey',
          'api_key',
          '*.api_key',
          '*.*.api_key',
          'apiKeyEncrypted',
          '*.apiKeyEncrypted',
          'api_key_encrypted',
          '*.api_key_encrypted',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
    },
    stream ?? pino.destination({ sync: false }),
  );
}
