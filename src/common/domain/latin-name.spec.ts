import { latinName, withLatinName } from './latin-name';

describe('latinName', () => {
  it.each([
    ['Олена', 'Коваленко', 'Olena Kovalenko'],
    ['Ольга', 'Шевченко', 'Olha Shevchenko'],
    ['Сергій', 'Щербак', 'Serhii Shcherbak'],
    ['Юлія', 'Їжакевич', 'Yuliia Yizhakevych'],
    ['Ярослав', 'Хмельницький', 'Yaroslav Khmelnytskyi'],
    ['Олександр', 'Згурський', 'Oleksandr Zghurskyi'],
    ["Мар'яна", 'Цибуля', 'Mariana Tsybulia'],
    // A letter only Russian has: the library's (Russian) reading, with kh and ts as passports write them.
    ['Фёдор', 'Хрущёв', 'Fyodor Khrushchyov'],
  ])('%s %s → %s', (first, last, latin) => {
    expect(latinName(first, last)).toBe(latin);
  });

  it('is null for a name in Latin script, diacritics and all, and for other scripts', () => {
    expect(latinName('Ayşe', 'Çelik')).toBeNull();
    expect(latinName('Łukasz', 'Żółć')).toBeNull();
    expect(latinName('محمد', 'علي')).toBeNull();
    expect(latinName('', '')).toBeNull();
  });

  it('spells a mixed name in full', () => {
    expect(latinName('Анна', 'Ivanova')).toBe('Anna Ivanova');
    expect(withLatinName({ firstName: 'Тарас', lastName: 'Руденко', id: 'x' })).toEqual({ firstName: 'Тарас', lastName: 'Руденко', id: 'x', nameLatin: 'Taras Rudenko' });
  });
});
