import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailableError } from '../../src/platform/db/errors.js';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailableError', () => {
  it.each([
    ['a refused connection', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['an administrator shutdown', pgError('57P01', 'terminating connection')],
    ['a server starting up', pgError('57P03', 'the database system is starting up')],
    ['a connection exception', pgError('08006', 'connection failure')],
    ['a statement timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a socket that stopped answering', new Error('Query read timeout')],
    ['a driver error wrapped by Drizzle', new Error('Failed query', { cause: pgError('57P01') })],
  ])('is true for %s', (_, err) => {
    expect(isDatabaseUnavailableError(err)).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value')],
    ['a syntax error', pgError('42601', 'syntax error')],
    ['NUL in text', pgError('22021', 'invalid byte sequence')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['not an error', 'ECONNREFUSED'],
  ])('is false for %s', (_, err) => {
    expect(isDatabaseUnavailableError(err)).toBe(false);
  });
});
