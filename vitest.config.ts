import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    // Setting up a signed-in world hashes a dozen passwords: slow on a busy two-core runner.
    hookTimeout: 60_000,
    // Vitest's default on two cores is one worker, but most test time is spent waiting (Chromium,
    // PostgreSQL, child processes): three workers run the whole suite in 625 s instead of 857 s
    // here, and keep CI (the suite on Node 20 and 24) well inside its time.
    maxWorkers: 3,
  },
});
