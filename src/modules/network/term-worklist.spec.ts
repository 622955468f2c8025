import { addMonths } from './term-worklist.controller';

describe('addMonths', () => {
  it('adds months and clamps to the last day of the month', () => {
    expect(addMonths('2026-12-01', 6)).toBe('2027-06-01');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
  });
});
