import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Unit tests cover the failure path too (see src/shared/buildFlags.d.ts).
  define: { __FAULT_INJECTION__: 'true' },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
