// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/corpus/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'no-unsanitized': noUnsanitized },
    rules: {
      'no-unsanitized/method': 'error',
      'no-unsanitized/property': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page text never becomes HTML.' },
        { selector: "MemberExpression[property.name='innerHTML']", message: 'Use textContent or Preact children.' },
      ],
    },
  },
  {
    // Shipped code makes no network requests and evaluates no strings.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'ClaveGuía makes no network requests.' },
        { name: 'XMLHttpRequest', message: 'ClaveGuía makes no network requests.' },
        { name: 'WebSocket', message: 'ClaveGuía makes no network requests.' },
        { name: 'EventSource', message: 'ClaveGuía makes no network requests.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'navigator', property: 'sendBeacon', message: 'ClaveGuía makes no network requests.' },
      ],
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-eval': 'error',
    },
  },
  {
    // One direction: the detector may read what page/ knows of a portal page, never the other way round; the
    // guide's page reads and the validators share only the neutral text normaliser (src/text/), types included.
    files: ['src/page/**/*.{ts,tsx}', 'src/validate/**/*.{ts,tsx}', 'src/text/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/detect', '**/detect/**'], message: 'page/, validate/ and text/ sit below the detector: move shared code to src/text/ or src/page/.' }] },
      ],
    },
  },
);
