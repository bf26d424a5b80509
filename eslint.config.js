import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// The question engine's layers, lowest first: a layer may import the ones below it, never
// one above it, and the siblings of the top layer (offline, openai, feedback) never each other.
const LLM = './src/llm';
const llmLayer = (target, from) => ({
  target: `${LLM}/${target}`,
  from: from.map((dir) => `${LLM}/${dir}`),
  message: `src/llm/${target} is a lower layer: it may not import from this file.`,
});
const ENTRY = ['index.ts', 'generator.ts'];
const TOP = ['offline', 'openai', 'feedback'];
const LLM_LAYERS = [
  llmLayer('text', ['analysis', 'plan', ...TOP, ...ENTRY]),
  llmLayer('analysis', ['plan', ...TOP, ...ENTRY]),
  llmLayer('plan', [...TOP, ...ENTRY]),
  llmLayer('generator.ts', [...TOP, 'index.ts']),
  // The evaluators reuse the OpenAI-compatible provider plumbing; nothing imports them back.
  ...TOP.map((dir) =>
    llmLayer(dir, [
      ...TOP.filter((other) => other !== dir && !(dir === 'feedback' && other === 'openai')),
      'index.ts',
    ]),
  ),
  {
    target: LLM,
    from: ['./src/modules', './src/web', './src/deps.ts', './src/app.ts'],
    message: 'The question engine knows nothing of the modules, the UI or the composition root.',
  },
];

// The platform is the bottom layer: it may use src/config.ts, never what is built on it.
export const platformBoundary = {
  files: ['src/platform/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(\\.\\./)+(modules|llm)(/|$)',
            message: 'src/platform must not import modules or the question generators.',
          },
          {
            regex: '^(\\.\\./)+(deps|app|main|worker|startup|start-worker)(\\.js)?$',
            message: 'src/platform must not import the composition root or the entry points.',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'data/**',
      'test-artifacts/**',
      'src/web/api-schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { zones: LLM_LAYERS }],
    },
  },
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  platformBoundary,
);
