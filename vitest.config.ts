import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Crawl and browser tests start servers and Chromium; two cores do not gain from more forks.
    maxWorkers: 2,
  },
});
