import { describe, expect, it } from 'vitest';
import { createLeaseRenewer } from '../../src/modules/operations/lease-renewer.js';
import type { ClaimedOperation } from '../../src/modules/operations/generation-queue.repository.js';
import { createLogger } from '../../src/platform/logger.js';

const op = (id: string) => ({ id, lease_token: `token-${id}` }) as ClaimedOperation;

describe('the lease renewer', () => {
  it('renews every claim held in one statement, and stops renewing a lost or released one', async () => {
    const batches: string[][] = [];
    let lost = new Set<string>();
    const renewer = createLeaseRenewer(
      {
        renewMany: async (ops) => {
          batches.push(ops.map((o) => o.id));
          return new Set(ops.map((o) => o.id).filter((id) => !lost.has(id)));
        },
      },
      90,
      createLogger('silent'),
    );
    const log = createLogger('silent');
    const releases = ['a', 'b', 'c'].map((id) => renewer.hold(op(id), log));
    await expect.poll(() => batches.length).toBeGreaterThanOrEqual(1);
    expect(batches[0]!.sort()).toEqual(['a', 'b', 'c']);
    lost = new Set(['b']); // another claim took b over
    releases[0]!(); // a finished
    await expect.poll(() => batches.at(-1)).toEqual(['c']);
    releases[2]!();
    const n = batches.length;
    renewer.hold(op('d'), log)();
    await new Promise((r) => setTimeout(r, 100));
    expect(batches.slice(n).flat()).not.toContain('d');
    renewer.stop();
  });
});
