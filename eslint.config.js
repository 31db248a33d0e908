import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';
import react from 'eslint-plugin-react';

const features = ['assessments', 'questionnaire', 'report', 'review', 'exchange', 'sync'];

/**
 * One naming convention: kebab-case file names, with dotted suffixes (`.test`, `.worker`, `.d`). A small
 * local rule rather than a plugin: it only needs the file's name.
 */
const kebabCaseFileNames = {
  meta: { type: 'suggestion', schema: [], messages: { name: 'File name "{{name}}" is not kebab-case (e.g. storage-error-message.tsx).' } },
  create(context) {
    const name = context.filename.split(/[\\/]/).pop() ?? '';
    return {
      Program(node) {
        if (!/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*$/.test(name)) context.report({ node, messageId: 'name', data: { name } });
      },
    };
  },
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', '.bench', 'test/bench/peer/dist'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, import: importPlugin, react },
    // import/* rules see nothing in .ts files without the TypeScript parser named here.
    settings: {
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/refs': 'off',
      // No hard-coded UI text: every visible string comes from locales/ through t().
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: ['·', '›', ':', '(', ')', '…', '—', '–', '%', '/', '#', ',', '→', '←', '×'] }],
      // A cycle hid a lazy import inside a transaction once; modules form a tree.
      'import/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The architecture, enforced: domain is pure, storage only sees domain, features never import each other.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/domain', from: ['./src/app', './src/features', './src/storage', './src/ui'], message: 'src/domain is pure.' },
            { target: './src/storage', from: ['./src/app', './src/features', './src/ui'], message: 'storage imports only domain.' },
            { target: './src/ui', from: ['./src/app', './src/features'], message: 'ui is shared by features.' },
            { target: './src/features', from: './src/app', message: 'features do not import the app.' },
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'Features do not import each other.',
            })),
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['dexie', 'dexie-react-hooks'], message: 'Only src/storage talks to IndexedDB.' },
            { group: ['@react-pdf/*'], message: 'Only src/features/report renders PDFs.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { mgi: { rules: { 'kebab-case-file-names': kebabCaseFileNames } } },
    rules: { 'mgi/kebab-case-file-names': 'error' },
  },
  { files: ['src/storage/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['**/*.test.{ts,tsx}', 'test/**'], rules: { 'react/jsx-no-literals': 'off' } },
  { files: ['src/features/report/**', 'src/cli/**', 'test/bench/**', 'test/tools/**'], rules: { 'no-restricted-imports': 'off' } },
);
