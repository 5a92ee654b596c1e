import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Unit tests cover the failure path too (see src/shared/buildFlags.d.ts).
  define: { __FAULT_INJECTION__: 'true' },
  test: {
    include: ['src/**/*.test.ts', 'packages/*/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
