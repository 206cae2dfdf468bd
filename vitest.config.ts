import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    // Setting up a signed-in world hashes a dozen passwords: slow on a busy two-core runner.
    hookTimeout: 60_000,
  },
});
