import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Layer rules: see README "Layout". core imports nothing of ours; parsers are pure; bot never parses. */
const layer = (from, banned) => ({
  files: [`${from}/**/*.ts`],
  rules: {
    'no-restricted-imports': ['error', { patterns: banned.map((b) => ({ group: [b], message: `${from}/ must not import ${b.replace(/\*+\/?/g, '')}` })) }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'scratch/', 'dist/', 'coverage/', 'appPackage/build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  {
    // Plain-JavaScript launchers and scripts run on Node before anything is compiled.
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly', console: 'readonly', performance: 'readonly' } },
  },
  layer('core', ['../*', '../../*']),
  layer('parsers', [
    '**/store/*',
    '**/workers/*',
    '**/bot/*',
    '**/queue/*',
    '**/runtime/*',
    '**/answers/*',
    'bullmq',
    'pg',
    'botbuilder',
    '@microsoft/teams-ai',
  ]),
  layer('store', ['**/parsers/*', '**/workers/*', '**/bot/*', '**/answers/*', 'botbuilder', '@microsoft/teams-ai']),
  layer('answers', ['**/parsers/*', '**/workers/*', '**/bot/*', 'bullmq', 'botbuilder', '@microsoft/teams-ai']),
  layer('reminders', ['**/parsers/*', '**/workers/*', '**/bot/*', 'botbuilder', '@microsoft/teams-ai']),
  layer('llm', ['**/store/*', '**/workers/*', '**/bot/*', '**/parsers/*', 'botbuilder', '@microsoft/teams-ai']),
  layer('workers', ['**/bot/*', 'botbuilder', '@microsoft/teams-ai']),
  layer('bot', ['**/workers/*', '**/parsers/*']),
  {
    files: ['**/*.ts'],
    ignores: ['parsers/pdf-text.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "ImportDeclaration[source.value='pdf-parse']", message: 'Only parsers/pdf-text.ts imports pdf-parse.' }],
    },
  },
);
