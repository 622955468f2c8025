import { foldLatin, foldQuery, searchKey } from './name-folding';

/** What the repository does: every folded query word must occur in the stored key. */
const matches = (q: string, ...name: string[]) => foldQuery(q).split(' ').every((w) => searchKey(...name).includes(w));

describe('name folding', () => {
  it('folds case and diacritics', () => {
    expect(foldLatin('Çelik')).toBe('celik');
    expect(foldLatin('Łukasz Wąsowski')).toBe('lukasz wasowski');
    expect(foldLatin('Müller-Lüdenscheidt')).toBe('muller-ludenscheidt');
    expect(foldLatin('Straße')).toBe('strasse');
    expect(foldLatin('Yılmaz')).toBe('yilmaz');
  });

  it('keeps a Latin name as one folded key', () => {
    expect(searchKey('Ayşe', 'Çelik')).toBe('ayse celik');
  });

  it('adds Latin transliterations of Cyrillic names', () => {
    const key = searchKey('Ольга', 'Петренко');
    expect(key).toContain('ольга петренко');
    expect(key).toContain('olha');
    expect(key).toContain('olga');
    expect(key).toContain('petrenko');
  });

  it('folds the query the same way (trimmed, spaces collapsed, Cyrillic kept)', () => {
    expect(foldQuery('  ÇELIK  ')).toBe('celik');
    expect(foldQuery('Ayşe   Çelik')).toBe('ayse celik');
    expect(foldQuery('Ольга')).toBe('ольга');
  });

  it.each([
    ['celik', ['Ayşe', 'Çelik']],
    ['ÇELİK', ['Ayşe', 'Çelik']],
    ['olga', ['Olga', 'Smit']],
    ['olga', ['Ольга', 'Петренко']],
    ['olha', ['Ольга', 'Петренко']],
    ['ольга', ['Ольга', 'Петренко']],
    ['ОЛЬГА', ['Ольга', 'Петренко']],
    ['petrenko olga', ['Ольга', 'Петренко']],
    ['jose', ['José', 'García']],
  ])('%s finds %s', (q, name) => {
    expect(matches(q, ...name)).toBe(true);
  });

  it('does not match unrelated names', () => {
    expect(matches('celik', 'Olga', 'Smit')).toBe(false);
    expect(matches('olga', 'Ayşe', 'Çelik')).toBe(false);
  });
});
