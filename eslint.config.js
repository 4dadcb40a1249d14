// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// DESIGN.md boundaries: the UI never touches tfjs or the engine; the engine never touches react, d3 or the DOM.
const uiMayNotImport = {
  patterns: [
    { group: ['@tensorflow/*'], message: 'tfjs stays in the worker (DESIGN.md).' },
    { group: ['**/engine/*', '**/engine'], message: 'The UI talks to the engine through client/ only.' },
    {
      group: ['**/encodings/*', '!**/encodings/catalog', '!**/encodings/catalog.ts'],
      message: 'The UI may import encodings/catalog.ts only.',
    },
    {
      group: ['**/tokenizers/*', '!**/tokenizers/about', '**/embeddings/*', '**/analysis/*'],
      message: 'Engine-side module (the UI may import tokenizers/about/ only).',
    },
  ],
};
const engineMayNotImport = {
  paths: ['react', 'react-dom', 'd3'],
  patterns: [
    { group: ['d3-*', 'react-*'], message: 'The engine is DOM-free (DESIGN.md).' },
    {
      group: ['**/components/*', '**/plots/*', '**/client/*'],
      message: 'The engine is DOM-free (DESIGN.md).',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'public/data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: [
      'src/components/**',
      'src/plots/**',
      'src/client/**',
      'src/lessons/**',
      'src/App.tsx',
      'src/main.tsx',
    ],
    // tests may check UI modules against the engine's own tokenizers; the boundary is for shipped code
    ignores: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', uiMayNotImport] },
  },
  {
    files: [
      'src/engine/**',
      'src/encodings/**',
      'src/tokenizers/**',
      'src/embeddings/**',
      'src/analysis/**',
      'src/protocol/**',
    ],
    rules: { 'no-restricted-imports': ['error', engineMayNotImport] },
  },
);
