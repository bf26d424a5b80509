import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup/block-network.ts'],
    globalSetup: ['test/setup/global.ts'],
    // Hang guards, not speed checks: on a loaded machine a process test may take a minute.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // expect.poll waits for a condition; its 1 s default would be a speed check.
    expect: { poll: { timeout: 30_000 } },
    pool: 'forks',
    // Many files mostly wait on child processes, a browser or a database: two at a time even
    // on two cores (vitest's default would be one there). Tests wait for conditions, not clocks.
    maxWorkers: 2,
  },
});
