import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    setupFiles: ['test/support/fail-on-timer-overflow.ts'],
    testTimeout: 60_000,
    // Browser assertions poll; on a loaded two-core machine one second is too short.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    // Two cores: each local test file starts its own DynamoDB Local (a JVM); two at a time is plenty.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'false' },
  },
});
