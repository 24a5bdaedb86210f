import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/dom/**/*.test.ts', 'test/network/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
