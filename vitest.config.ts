import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{conformance,reference,schemas,scripts,verification}/**/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/support/no-host-ci.ts'],
    reporters: ['default'],
  },
});
