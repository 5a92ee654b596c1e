import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      '**/dist',
      'dist-e2e',
      'node_modules',
      'coverage',
      'test-results',
      'playwright-report',
      'public',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'packages/*/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.worker } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message: "Import { z } from src/core/zod: it turns off zod's eval probe first.",
            },
          ],
        },
      ],
    },
  },
  { files: ['src/core/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
  // embed.js's modules, bundled into a plain script for any host page; the build fills in
  // their tables.
  {
    files: ['src/embed/script/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        ...globals.browser,
        __HEIGHT_BANDS__: 'readonly',
        __PRESET_THREADS__: 'readonly',
        __ATTRIBUTES__: 'readonly',
        __LIVE_ATTRIBUTES__: 'readonly',
      },
    },
  },
  {
    files: ['e2e/**/*.ts', 'bench/**/*.{js,mjs,ts}', '*.config.{js,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
