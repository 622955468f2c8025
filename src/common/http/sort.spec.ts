import { ValidationFailedException } from '../errors/domain.exception';
import { orderBySql, parseSort } from './sort';

const SORTS = { date: 'l.date, l.start_time', name: 'l.last_name', folded: 'coalesce(l.a, l.b), l.id' };

describe('parseSort', () => {
  it('applies the direction to every column of a field that sorts by several', () => {
    expect(orderBySql(parseSort('-date', SORTS, 'date'), 'l.id')).toBe('l.date DESC, l.start_time DESC, l.id');
    expect(orderBySql(parseSort('date', SORTS, 'date'), 'l.id')).toBe('l.date ASC, l.start_time ASC, l.id');
  });

  it('keeps commas inside a function call with their expression', () => {
    expect(parseSort('-folded', SORTS, 'date')).toEqual([
      { column: 'coalesce(l.a, l.b)', direction: 'DESC' },
      { column: 'l.id', direction: 'DESC' },
    ]);
  });

  it('combines fields in the given order and falls back to the default', () => {
    expect(orderBySql(parseSort('name,-date', SORTS, 'date'), 'l.id')).toBe('l.last_name ASC, l.date DESC, l.start_time DESC, l.id');
    expect(orderBySql(parseSort(undefined, SORTS, '-name'), 'l.id')).toBe('l.last_name DESC, l.id');
  });

  it.each(['unknown', '-unknown', 'toString', 'constructor', '__proto__', 'hasOwnProperty'])('refuses "%s" as a 400 on sort', (sort) => {
    expect(() => parseSort(sort, SORTS, 'date')).toThrow(ValidationFailedException);
  });
});
