import { ParsedFont } from './certificate-assets';

/**
 * Characters of `text` that the font has no glyph for (each once, in order). Whitespace never needs one. The text
 * is NFC-normalised first, as it is printed, so a decomposed "é" is checked as the one precomposed glyph.
 */
export function unprintableCharacters(text: string, ...fonts: ParsedFont[]): string[] {
  const missing: string[] = [];
  for (const ch of text.normalize('NFC')) {
    if (/\s/u.test(ch) || missing.includes(ch)) continue;
    const cp = ch.codePointAt(0) as number;
    if (!fonts.every((f) => f.hasGlyphForCodePoint(cp))) missing.push(ch);
  }
  return missing;
}

/** "U+1F600 😀" style, so an error message names characters a terminal or log may not show. */
export const describeCharacters = (chars: string[]): string =>
  chars.map((c) => `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')} "${c}"`).join(', ');
