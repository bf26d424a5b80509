import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { FastifyBaseLogger } from 'fastify';
import { createLogger } from '../../src/platform/logger.js';
import { lazyRequestLogger } from '../../src/platform/http/request-logger.js';

function logger(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  const log = createLogger(level, sink) as unknown as FastifyBaseLogger;
  return { log, lines, child: vi.spyOn(log, 'child') };
}

const flush = () => new Promise((r) => setTimeout(r, 20));

describe('the lazy request logger', () => {
  it('makes no child while nothing is logged at an enabled level', () => {
    const { log, child } = logger('warn');
    const req = lazyRequestLogger(log, { reqId: 'req-1' }, {});
    req.info('not written');
    req.debug({ a: 1 }, 'not written');
    expect(child).not.toHaveBeenCalled();
    expect(req.level).toBe('warn');
  });

  it('logs through a child with the bindings once a line is written, and keeps it', async () => {
    const { log, lines, child } = logger('info');
    const req = lazyRequestLogger(log, { reqId: 'req-7' }, {});
    req.info({ user: 'u1' }, 'first');
    req.error(new Error('boom'), 'second');
    await flush();
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines).toMatchObject([
      { reqId: 'req-7', user: 'u1', msg: 'first', level: 30 },
      { reqId: 'req-7', msg: 'second', level: 50 },
    ]);
  });

  it('redacts as the service logger does, and makes further children from its own', async () => {
    const { log, lines } = logger('info');
    const req = lazyRequestLogger(log, { reqId: 'req-2' }, {});
    req.child({ part: 'x' }).warn({ password: 'hunter2' }, 'nested');
    await flush();
    expect(lines).toMatchObject([{ reqId: 'req-2', part: 'x', password: '[redacted]' }]);
  });

  it('changes only its own level', async () => {
    const { log, lines } = logger('warn');
    const req = lazyRequestLogger(log, { reqId: 'req-3' }, {});
    req.level = 'debug';
    req.debug('now written');
    log.debug('still not written');
    await flush();
    expect(lines).toMatchObject([{ reqId: 'req-3', msg: 'now written' }]);
    expect(log.level).toBe('warn');
  });

  it('makes the child at once for route-level log options', () => {
    const { log, child } = logger('info');
    lazyRequestLogger(log, { reqId: 'req-4' }, { level: 'error' });
    expect(child).toHaveBeenCalledWith({ reqId: 'req-4' }, { level: 'error' });
  });
});
