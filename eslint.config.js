// @ts-check
// Lint rules, including DESIGN.md's import boundaries ("Rules that keep it easy to change" and "Layout"), enforced
// with no-restricted-imports for every folder under src/ (tests and test helpers excepted). Each folder belongs
// to one group below; eslint.config.test.ts checks that every folder under src/ is under a rule, and that a bad
// import across each boundary fails while a good one passes.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Every folder under src/, by what it may import. */
const FOLDERS = {
  /** Main thread: React views, D3 plots, the worker clients and store, the lessons, the interface's strings. */
  ui: ['components', 'plots', 'client', 'lessons', 'i18n'],
  /** One module per scheme, tokenizer, embedding source or projection, and the tiny model built on them. */
  schemes: ['encodings', 'tokenizers', 'embeddings', 'analysis', 'model'],
  /** The workers' loops. */
  workers: ['engine', 'training'],
  /** Exact trig, kernels, rng, eigen: the bottom floor. */
  numerics: ['numerics'],
  /** Pure parsers and writers over Blob/ArrayBuffer (safetensors, npy, float16). */
  checkpoints: ['checkpoints'],
  /** Types and tiny pure helpers every thread imports; model presets as data. */
  shared: ['protocol', 'models'],
};
const ALL = Object.values(FOLDERS).flat();
/** Tests and their helpers (testReference.ts, testData.ts, …) may reach across boundaries. */
const TESTS = ['src/**/*.test.ts', 'src/**/test[A-Z]*.ts'];

/** Scheme modules proper (model/ has no about/ catalog). */
const SCHEME_MODULES = FOLDERS.schemes.filter((f) => f !== 'model');
/**
 * A regex for a relative import of any of these folders of src/ (so a package subpath such as react-dom/client
 * never matches), except what `except` allows right after the folder name.
 */
const folder = (/** @type {string[]} */ names, except = '') =>
  `^\\.\\.?/(.*/)?(${names.join('|')})(/${except ? `(?!${except})` : ''}|$)`;
const ENTRY_POINTS = '^\\.\\.?/(.*/)?(App|main)\\.tsx$';

const ban = {
  tf: {
    regex: '^@tensorflow/',
    message: 'tfjs stays in the workers: it never enters the main bundle (DESIGN.md).',
  },
  enginePackages: {
    regex: '^(gpt-tokenizer|umap-js)(/|$)',
    message: 'Engine-side package: the UI asks the worker instead (DESIGN.md).',
  },
  dom: {
    regex: '^(react|react-dom|scheduler|katex|d3)(/|$)|^d3-',
    message: 'Worker-side and shared code never imports react, d3 or the DOM (DESIGN.md).',
  },
  react: {
    regex: '^(react|react-dom)(/|$)',
    message: 'A plot is a D3 function; React owns only the ref (DESIGN.md).',
  },
  engine: { regex: folder(['engine']), message: 'Only the engine worker imports engine/ (DESIGN.md).' },
  training: {
    regex: folder(['training']),
    message: 'Only the training worker imports training/ (DESIGN.md).',
  },
  model: {
    regex: folder(['model']),
    message: 'The tiny transformer runs in the training worker only (DESIGN.md).',
  },
  kernels: {
    regex: folder(['numerics/kernels']),
    message: 'Kernels are worker-side tfjs programs (DESIGN.md).',
  },
  /** Scheme modules, except the data-only about/ catalogs (and encodings/catalog.ts that assembles them). */
  schemesButAbout: {
    regex: folder(SCHEME_MODULES, 'about/|catalog\\.ts$'),
    message: 'Scheme modules are worker-side: the UI reads their about/ catalogs only (DESIGN.md).',
  },
  schemes: {
    regex: folder(SCHEME_MODULES),
    message: 'checkpoints/ is pure: no scheme modules (DESIGN.md).',
  },
  ui: {
    regex: `${folder(FOLDERS.ui)}|${ENTRY_POINTS}`,
    message: 'Worker-side and shared code never imports the UI (DESIGN.md).',
  },
  app: {
    regex: `${folder(ALL.filter((f) => f !== 'numerics'))}|${ENTRY_POINTS}`,
    message: 'numerics/ is the bottom floor: it imports nothing of the app (DESIGN.md).',
  },
  /** From an about/ file: a module of the scheme folder it sits in (../scheme.ts). */
  parentSibling: {
    regex: '^\\.\\./[^./]',
    message: 'about/ is data the UI reads: only protocol/, models/ and other about/ files (DESIGN.md).',
  },
  catalogSibling: {
    regex: '^\\./(?!about/|rope/about/)',
    message: 'catalog.ts assembles about/ (and rope/about/) only: the UI imports it (DESIGN.md).',
  },
};

const restrict = (/** @type {{ regex: string, message: string }[]} */ patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});
const under = (/** @type {string[]} */ names) => names.map((f) => `src/${f}/**`);
/** What main-thread code (and anything it imports) must never pull in. */
const uiBans = [ban.tf, ban.enginePackages, ban.engine, ban.model, ban.kernels, ban.schemesButAbout];
/** Worker-side code never touches the DOM. */
const noDomGlobals = {
  'no-restricted-globals': [
    'error',
    { name: 'window', message: 'Worker-side code has no window (DESIGN.md).' },
    { name: 'document', message: 'Worker-side code has no document (DESIGN.md).' },
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

  // --- Boundaries. A later block replaces an earlier one's no-restricted-imports for the same file, so each
  // block lists everything its files may not import.

  // components/, client/, lessons/, i18n/ and the entry points: no tfjs, engine, training, model, kernels or
  // scheme modules; protocol/, models/, the about/ catalogs, checkpoints/ (pure, tf-free: the npy writer) and
  // numerics/ outside kernels/ are fine.
  {
    files: [...under(['components', 'client', 'lessons', 'i18n']), 'src/App.tsx', 'src/main.tsx'],
    ignores: TESTS,
    rules: restrict([...uiBans, ban.training]),
  },
  // plots/: the same, and no React either (D3 + canvas functions; React owns only the element ref).
  {
    files: under(['plots']),
    ignores: TESTS,
    rules: restrict([...uiBans, ban.training, ban.react]),
  },
  // Scheme folders: never engine/ or training/, never the UI or the DOM.
  {
    files: under(['tokenizers', 'embeddings', 'analysis', 'model']),
    ignores: TESTS,
    rules: { ...restrict([ban.engine, ban.training, ban.ui, ban.dom]), ...noDomGlobals },
  },
  {
    files: under(['encodings']),
    ignores: TESTS,
    rules: { ...restrict([ban.engine, ban.training, ban.ui, ban.dom]), ...noDomGlobals },
  },
  // The about/ catalogs (and encodings/catalog.ts) are data the UI reads: no tfjs, no scheme code.
  {
    files: ['src/*/about/**'],
    ignores: TESTS,
    rules: restrict([...uiBans, ban.training, ban.ui, ban.dom, ban.parentSibling]),
  },
  {
    files: ['src/encodings/catalog.ts'],
    ignores: TESTS,
    rules: restrict([...uiBans, ban.training, ban.ui, ban.dom, ban.catalogSibling]),
  },
  // The workers' loops: anything worker-side, never the UI or the DOM.
  {
    files: under(FOLDERS.workers),
    ignores: TESTS,
    rules: { ...restrict([ban.ui, ban.dom]), ...noDomGlobals },
  },
  // numerics/: nothing of the app (tfjs is fine: the kernels are tfjs programs).
  {
    files: under(FOLDERS.numerics),
    ignores: TESTS,
    rules: { ...restrict([ban.app, ban.dom]), ...noDomGlobals },
  },
  // checkpoints/: pure and tf-free, so the UI may import its writers (npy) without pulling in tfjs or the engine.
  {
    files: under(FOLDERS.checkpoints),
    ignores: TESTS,
    rules: {
      ...restrict([ban.tf, ban.engine, ban.training, ban.model, ban.kernels, ban.schemes, ban.ui, ban.dom]),
      ...noDomGlobals,
    },
  },
  // protocol/ and models/: imported by every thread, so no tfjs, no worker code, no UI, no DOM; they may read
  // the about/ catalogs.
  {
    files: under(FOLDERS.shared),
    ignores: TESTS,
    rules: { ...restrict([...uiBans, ban.training, ban.ui, ban.dom]), ...noDomGlobals },
  },
);
