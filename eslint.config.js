import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
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
