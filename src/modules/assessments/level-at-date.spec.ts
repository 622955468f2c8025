import { AssessmentFact, levelIndexAtDate, levelsAtDate, passedAtDate } from './level-at-date';

const lang = (date: string, level: string, passed: boolean | null = true, skill = 'reading'): AssessmentFact => ({ skill, date, level, passed });
const pf = (date: string, passed: boolean, skill = 'knm'): AssessmentFact => ({ skill, date, level: null, passed });

describe('level at date (TypeScript twin of the SQL)', () => {
  it('is the intake level when there are no assessments', () => {
    expect(levelIndexAtDate('A1', [], 'reading', '2025-06-01')).toBe(1);
    expect(levelIndexAtDate(null, [], 'reading', '2025-06-01')).toBeNull();
  });

  it('takes the highest level reached, not the latest', () => {
    const facts = [lang('2025-02-01', 'A1'), lang('2025-03-01', 'B1'), lang('2025-04-01', 'A2')];
    expect(levelIndexAtDate('A0', facts, 'reading', '2025-05-01')).toBe(3);
  });

  it('never lets a failed attempt raise the level', () => {
    const facts = [lang('2025-02-01', 'A2'), lang('2025-03-01', 'B2', false)];
    expect(levelIndexAtDate('A1', facts, 'reading', '2025-05-01')).toBe(2);
    expect(levelIndexAtDate('A1', [lang('2025-03-01', 'B2', false)], 'reading', '2025-05-01')).toBe(1);
  });

  it('counts an assessment on the date itself, not one the day after', () => {
    const facts = [lang('2025-03-01', 'B1')];
    expect(levelIndexAtDate('A1', facts, 'reading', '2025-03-01')).toBe(3);
    expect(levelIndexAtDate('A1', facts, 'reading', '2025-02-28')).toBe(1);
  });

  it('is the intake level for a date before any assessment', () => {
    expect(levelIndexAtDate('A2', [lang('2025-03-01', 'B2')], 'reading', '2024-12-31')).toBe(2);
  });

  it('is the highest assessed level once there is one, even below the intake level (DOMAIN.md: intake only if none)', () => {
    expect(levelIndexAtDate('B1', [lang('2025-03-01', 'A2')], 'reading', '2025-05-01')).toBe(2);
    expect(levelIndexAtDate('B1', [lang('2025-03-01', 'A2')], 'reading', '2025-02-28')).toBe(3);
    expect(levelIndexAtDate('B1', [lang('2025-03-01', 'A2'), lang('2025-04-01', 'B2', false)], 'reading', '2025-05-01')).toBe(2);
  });

  it('gives a negative gain when the assessed level is below the intake level', () => {
    const [reading] = levelsAtDate({ intakeLevels: { reading: 'B1' }, targetLevels: { reading: 'B1' }, facts: [lang('2025-03-01', 'A2')] }, '2025-05-01');
    expect(reading).toMatchObject({ intake: 'B1', current: 'A2', gain: -1, reached: false });
  });

  it('looks only at the skill asked for', () => {
    expect(levelIndexAtDate('A1', [lang('2025-03-01', 'C1', true, 'writing')], 'reading', '2025-05-01')).toBe(1);
  });

  it('treats pass/fail skills as passed once any attempt on or before the date passed', () => {
    const facts = [pf('2025-02-01', false), pf('2025-03-01', true), pf('2025-04-01', false)];
    expect(passedAtDate(facts, 'knm', '2025-02-15')).toBe(false);
    expect(passedAtDate(facts, 'knm', '2025-03-01')).toBe(true);
    expect(passedAtDate(facts, 'knm', '2025-05-01')).toBe(true);
    expect(passedAtDate(facts, 'map', '2025-05-01')).toBe(false);
  });

  it('builds the per-skill view: intake, current, target, gain and reached', () => {
    const rows = levelsAtDate(
      {
        intakeLevels: { reading: 'A1', listening: 'A2', writing: 'A0' },
        targetLevels: { reading: 'B1', listening: 'A2', speaking: 'B1', knm: 'pass', map: 'pass' },
        facts: [lang('2025-03-01', 'B1'), lang('2025-03-02', 'A2', true, 'writing'), pf('2025-03-03', true), pf('2025-03-04', false, 'map')],
      },
      '2025-06-01',
    );
    const by = Object.fromEntries(rows.map((r) => [r.skill, r]));
    expect(rows.map((r) => r.skill)).toEqual(['reading', 'listening', 'writing', 'speaking', 'knm', 'map', 'ona']);
    expect(by.reading).toEqual({ skill: 'reading', scale: 'cefr', intake: 'A1', current: 'B1', target: 'B1', gain: 2, passed: null, reached: true });
    expect(by.listening).toMatchObject({ intake: 'A2', current: 'A2', gain: 0, reached: true });
    expect(by.writing).toMatchObject({ intake: 'A0', current: 'A2', target: null, gain: 2, reached: null });
    expect(by.speaking).toMatchObject({ intake: null, current: null, target: 'B1', gain: null, reached: false });
    expect(by.knm).toEqual({ skill: 'knm', scale: 'pass_fail', intake: null, current: null, target: 'pass', gain: null, passed: true, reached: true });
    expect(by.map).toMatchObject({ passed: false, reached: false });
    expect(by.ona).toMatchObject({ passed: false, target: null, reached: null });
  });
});
