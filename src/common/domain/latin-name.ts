import { ApiProperty } from '@nestjs/swagger';
import { transliterate } from 'transliteration';

type Replacement = [RegExp, string];

/** A lower-case letter's replacement, also capitalised as at the start of a name ("х" → "kh", "Х" → "Kh"). */
function bothCases(from: string, to: string, where = ''): Replacement[] {
  const upper = to ? to[0].toUpperCase() + to.slice(1) : '';
  return [
    [new RegExp(`${where}${from}`, 'gu'), to],
    [new RegExp(`${where}${from[0].toUpperCase()}${from.slice(1)}`, 'gu'), upper],
  ];
}

// Passports write х and ц as kh and ts (ICAO 9303 and Ukraine's rules alike); the library reads h and c.
const COMMON: Replacement[] = [...bothCases('х', 'kh'), ...bothCases('ц', 'ts')];

// Ukraine's national romanisation (KMU 2010, the spelling in Ukrainian passports): є ї й ю я differ at the start
// of a word, г is h, и is y, and ь and the apostrophe are dropped. The library reads the other letters the same way.
const START = '(?<!\\p{L})';
const UKRAINIAN: Replacement[] = [
  [/['’ʼ]/gu, ''],
  ...bothCases('зг', 'zgh'),
  ...bothCases('є', 'ye', START), ...bothCases('ї', 'yi', START), ...bothCases('й', 'y', START),
  ...bothCases('ю', 'yu', START), ...bothCases('я', 'ya', START),
  ...bothCases('є', 'ie'), ...bothCases('ї', 'i'), ...bothCases('й', 'i'), ...bothCases('ю', 'iu'), ...bothCases('я', 'ia'),
  ...bothCases('г', 'h'), ...bothCases('ґ', 'g'), ...bothCases('и', 'y'), ...bothCases('і', 'i'),
  ...bothCases('ь', ''),
  ...COMMON,
];

/** Letters Russian has and Ukrainian lacks: such a name keeps the library's (Russian) reading. */
const RUSSIAN_ONLY = /[ыэъёЫЭЪЁ]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The Latin spelling of a name written (partly) in Cyrillic, e.g. "Олена Коваленко" → "Olena Kovalenko"; null for
 * any other name (a Latin name keeps its diacritics: "Çelik" has no other spelling). Most Cyrillic names here are
 * Ukrainian, so they follow Ukraine's passport romanisation unless a letter only Russian has says otherwise.
 */
export function latinName(...parts: Array<string | null | undefined>): string | null {
  const name = parts.filter(Boolean).join(' ').trim().replace(/\s+/g, ' ');
  if (!name || !CYRILLIC.test(name)) return null;
  const latin = transliterate(name, { replace: RUSSIAN_ONLY.test(name) ? COMMON : UKRAINIAN, unknown: '' }).replace(/\s+/g, ' ').trim();
  return latin && latin !== name ? latin : null;
}

/** `person` with `nameLatin` (from its firstName and lastName) added. */
export function withLatinName<T extends { firstName: string; lastName: string }>(person: T): T & { nameLatin: string | null } {
  return { ...person, nameLatin: latinName(person.firstName, person.lastName) };
}

/** `row` with `learnerNameLatin` (from its full `learnerName`) added. */
export function withLatinLearnerName<T extends { learnerName: string }>(row: T): T & { learnerNameLatin: string | null } {
  return { ...row, learnerNameLatin: latinName(row.learnerName) };
}

/** The OpenAPI description of a `nameLatin` field. */
export const ApiNameLatin = () =>
  ApiProperty({ nullable: true, type: String, example: 'Olena Kovalenko', description: 'The name in Latin letters when it is written in Cyrillic; null otherwise' });
