/**
 * Vietnamese alphabetical order without ICU: `Intl.Collator('vi')` costs 7–13 ms to create, a tenth of a run on a
 * small report, for a sort of a few labels. The key below gives the collator's order (CLDR's Vietnamese rules:
 * ă â đ ê ô ơ ư are letters of their own, the five tones come second, case third, spaces and punctuation count)
 * for text made of ASCII and Vietnamese letters; any other character sends the comparison to the collator itself.
 * test/vi-order.test.ts holds it to the collator on the fixtures' labels and on random Vietnamese words.
 */

/** The collator's order of the printable ASCII characters and of the Vietnamese letters, each case folded. */
const PRIMARY = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const RANK = new Map([...PRIMARY].map((c, i) => [c, i + 1]));

/** Combining marks that make a letter of its own: breve, circumflex, horn. */
const LETTER_MARK: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};
const VOWELS = 'aăâeêioôơuưy';
/** The tones (on a vowel), in the collator's order: none, huyền, hỏi, ngã, sắc, nặng. */
const TONE: Readonly<Record<string, number>> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

/** The three levels of a text's key, each a string compared by code units; undefined for a character not covered. */
export interface ViKey {
  readonly primary: string;
  readonly secondary: string;
  readonly tertiary: string;
}

export function viKey(text: string): ViKey | undefined {
  const s = text.normalize('NFD');
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (let i = 0; i < s.length;) {
    const ch = s[i++] as string;
    const lower = ch.toLowerCase();
    let letter = lower;
    let tone = 0;
    // The marks after a letter, in whatever order NFD left them (dot below comes before the circumflex).
    for (let m = s[i]; m !== undefined && m >= '\u0300' && m <= '\u036f'; m = s[i]) {
      const made = LETTER_MARK[m]?.[letter];
      const toned = TONE[m];
      if (made !== undefined) letter = made;
      else if (toned !== undefined && tone === 0 && VOWELS.includes(letter)) tone = toned;
      else return undefined;
      i++;
    }
    const rank = RANK.get(letter);
    if (rank === undefined) return undefined;
    primary += String.fromCharCode(rank);
    secondary += String.fromCharCode(tone);
    tertiary += lower === ch ? '0' : '1';
  }
  return { primary, secondary, tertiary };
}

const byUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

let collator: Intl.Collator | undefined;

/** Vietnamese alphabetical order ("Đ" after "D", "Ư" after "U"), as `Intl.Collator('vi').compare` gives it. */
export function compareViText(a: string, b: string): number {
  const ka = viKey(a);
  const kb = ka && viKey(b);
  if (ka === undefined || kb === undefined) {
    collator ??= new Intl.Collator('vi');
    return collator.compare(a, b);
  }
  return byUnits(ka.primary, kb.primary) || byUnits(ka.secondary, kb.secondary) || byUnits(ka.tertiary, kb.tertiary);
}
