import { validateDefaultTargets } from './product-rules';

describe('validateDefaultTargets', () => {
  it('accepts CEFR levels for language skills and pass for knm/map/ona', () => {
    expect(validateDefaultTargets({ reading: 'A0', listening: 'C2', writing: 'B1', speaking: 'A2', knm: 'pass', map: 'pass', ona: 'pass' })).toEqual([]);
    expect(validateDefaultTargets({})).toEqual([]);
  });
  it('names each bad key', () => {
    const errs = validateDefaultTargets({ reading: 'B3', knm: 'A1', cooking: 'A1', speaking: 3 });
    expect(errs.map((e) => e.field)).toEqual(['defaultTargets.reading', 'defaultTargets.knm', 'defaultTargets.cooking', 'defaultTargets.speaking']);
  });
  it('refuses pass for a language skill', () => {
    expect(validateDefaultTargets({ reading: 'pass' }).map((e) => e.field)).toEqual(['defaultTargets.reading']);
  });
});
