// Lint for tally: typescript-eslint's recommended type-checked rules, run by `npm test` (npm run lint).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'bench/', 'bin/', 'eslint.config.js', 'vitest.config.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An async function or generator by contract (it returns a promise, or yields pieces already in memory).
      '@typescript-eslint/require-await': 'off',
      // `array.push(...other)` passes every element as an argument: past ~100,000 it overflows the stack.
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement",
        message: 'push(...array) overflows the stack on large arrays: add the elements in a loop.',
      }],
    },
  },
  {
    // Small files with one responsibility, and functions a reader can hold at once (STYLE.md 4).
    files: ['src/**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests read the CLI's JSON output as it comes (JSON.parse is any) and swap a method to watch it.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
