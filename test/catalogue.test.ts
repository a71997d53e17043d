import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, DIAGNOSTIC_CODES, describe as say } from '../src/check/catalogue.js';
import { ROOT } from './helpers.js';

describe('the diagnostic catalogue', () => {
  it('documents every code in the README with an example', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const code of DIAGNOSTIC_CODES) expect(readme, code).toContain(`| \`${code}\` | ${CATALOGUE[code].severity} | ${CATALOGUE[code].rule} |`);
  });
  it('has a bad fixture for every code, exercised by the rules test', () => {
    const rulesTest = readFileSync(join(ROOT, 'test', 'rules.test.ts'), 'utf8');
    for (const code of DIAGNOSTIC_CODES) expect(rulesTest, code).toMatch(new RegExp(`\\['[a-z-]+/[^']+', \\['${code}'`));
    for (const [, dir, file] of rulesTest.matchAll(/\['([a-z-]+)\/([^']+)', \[/g)) expect(readdirSync(join(ROOT, 'fixtures', dir ?? ''))).toContain(file);
  });
  it('says every message in Vietnamese and English, with a hint, and no unfilled placeholder', () => {
    const args = { value: 5, expected: 4, name: 'Chi bộ A', cell: 'B2', label: 'Kết nạp', column: 'B', first: 'B', second: 'C', other: 'a.csv:2', quota: 20, base: 10, row: 3, reason: 'r', reasonEn: 'r' };
    for (const code of DIAGNOSTIC_CODES) {
      for (const lang of ['vi', 'en'] as const) {
        const { message, hint, rule } = say(code, args, lang);
        expect(message.length, `${code} ${lang}`).toBeGreaterThan(10);
        expect(hint.length).toBeGreaterThan(10);
        expect(rule).toMatch(/^[a-z-]+$/);
        expect(message).not.toContain('undefined');
      }
    }
  });
});
