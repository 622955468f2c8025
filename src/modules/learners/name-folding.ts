const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ё: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};
// Russian-style readings of letters whose Ukrainian reading differs, so "olga", "olha" and "ольга" all match.
const CYRILLIC_ALT: Record<string, string> = { г: 'g', и: 'i', й: 'y', х: 'h' };
const SPECIAL: Record<string, string> = { ı: 'i', ł: 'l', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', đ: 'd', ð: 'd', þ: 'th' };

/** Lower case without diacritics: "Çelik" → "celik", "Łukasz" → "lukasz". */
export function foldLatin(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłøßæœđðþ]/g, (c) => SPECIAL[c] ?? c);
}

function transliterate(text: string, table: Record<string, string>): string {
  return [...text].map((c) => table[c] ?? CYRILLIC[c] ?? c).join('');
}

/**
 * The search key stored with a learner: folded names, plus Latin transliterations
 * when the name is written in Cyrillic. Matched with pg_trgm / LIKE on folded input.
 */
export function searchKey(...parts: Array<string | null | undefined>): string {
  const folded = foldLatin(parts.filter(Boolean).join(' ').trim().replace(/\s+/g, ' '));
  const keys = new Set([folded]);
  if (/[\u0400-\u04ff]/.test(folded)) {
    keys.add(transliterate(folded, {}));
    keys.add(transliterate(folded, CYRILLIC_ALT));
  }
  return [...keys].join(' | ');
}

/** The user's search text folded the same way (Cyrillic input is folded, not transliterated). */
export const foldQuery = (q: string): string => foldLatin(q.trim().replace(/\s+/g, ' '));
