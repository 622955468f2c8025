import { evaluateR1, evaluateR2, evaluateRules, RuleRecord } from './signal-rules';
import { AttendanceStatus } from '../../common/domain/vocabulary';

let seq = 0;
const rec = (lessonDate: string, status: AttendanceStatus, lessonMinutes = 180, startTime = '09:00'): RuleRecord => ({
  lessonId: `l${++seq}`,
  lessonDate,
  startTime,
  status,
  lessonMinutes,
});
const U = 'absent_unauthorised' as const;
const A = 'absent_authorised' as const;
const P = 'present' as const;

describe('R1: N consecutive registered lessons absent_unauthorised', () => {
  it('fires at exactly N', () => {
    const hit = evaluateR1([rec('2025-03-03', U), rec('2025-03-05', U), rec('2025-03-07', U)], 3);
    expect(hit).toMatchObject({ rule: 'R1', triggeredOn: '2025-03-07' });
    expect((hit!.details.lessonIds as string[]).length).toBe(3);
  });

  it('does not fire just below N', () => {
    expect(evaluateR1([rec('2025-03-03', P), rec('2025-03-05', U), rec('2025-03-07', U)], 3)).toBeNull();
    expect(evaluateR1([rec('2025-03-05', U), rec('2025-03-07', U)], 3)).toBeNull();
  });

  it('fires just above N, dated at the lesson that completed the first N', () => {
    const hit = evaluateR1([rec('2025-03-01', U), rec('2025-03-03', U), rec('2025-03-05', U), rec('2025-03-07', U)], 3);
    expect(hit?.triggeredOn).toBe('2025-03-05');
    expect((hit!.details.lessonIds as string[]).length).toBe(3);
  });

  it('finds a run anywhere in the records: back-filled older registers, followed by a present lesson', () => {
    const records = [rec('2025-03-03', P), rec('2025-03-05', U), rec('2025-03-07', U), rec('2025-03-10', U), rec('2025-03-12', P), rec('2025-03-14', P)];
    const hit = evaluateR1(records, 3);
    expect(hit).toMatchObject({ rule: 'R1', triggeredOn: '2025-03-10' });
    expect(hit!.details.lessonIds).toEqual([records[1].lessonId, records[2].lessonId, records[3].lessonId]);
    // Two runs of two, split by a present lesson, are not a run of three.
    expect(evaluateR1([rec('2025-03-03', U), rec('2025-03-05', U), rec('2025-03-07', P), rec('2025-03-10', U), rec('2025-03-12', U)], 3)).toBeNull();
  });

  it('authorised absence breaks the run and never counts', () => {
    expect(evaluateR1([rec('2025-03-03', U), rec('2025-03-05', A), rec('2025-03-07', U)], 3)).toBeNull();
    expect(evaluateR1([rec('2025-03-03', A), rec('2025-03-05', A), rec('2025-03-07', A)], 3)).toBeNull();
  });

  it('looks at the last lessons, ordered by date then start time, whatever the input order', () => {
    const records = [rec('2025-03-07', U, 180, '13:00'), rec('2025-03-07', P, 180, '09:00'), rec('2025-03-05', U), rec('2025-03-03', U)];
    expect(evaluateR1(records, 3)).toBeNull();
    const records2 = [rec('2025-03-07', P, 180, '09:00'), rec('2025-03-07', U, 180, '13:00'), rec('2025-03-09', U), rec('2025-03-10', U)];
    expect(evaluateR1(records2, 3)?.triggeredOn).toBe('2025-03-10');
  });

  it('uses the contract threshold', () => {
    const records = [rec('2025-03-03', U), rec('2025-03-05', U)];
    expect(evaluateR1(records, 2)?.triggeredOn).toBe('2025-03-05');
    expect(evaluateR1(records, 1)?.triggeredOn).toBe('2025-03-03');
  });

  it('after a signal, only newer absences count (a closed signal is not raised again by the same run)', () => {
    const run = [rec('2025-03-03', U), rec('2025-03-05', U), rec('2025-03-07', U)];
    expect(evaluateR1(run, 3, '2025-03-07')).toBeNull();
    expect(evaluateR1([...run, rec('2025-03-10', U)], 3, '2025-03-07')).toBeNull();
    expect(evaluateR1([...run, rec('2025-03-10', U), rec('2025-03-12', U), rec('2025-03-14', U)], 3, '2025-03-07')?.triggeredOn).toBe('2025-03-14');
  });
});

describe('R2: unauthorised minutes within a window of days', () => {
  it('fires when exactly at the threshold (960 min = 16 h in 28 days)', () => {
    const records = [rec('2025-03-01', U, 240), rec('2025-03-08', U, 240), rec('2025-03-15', U, 240), rec('2025-03-28', U, 240)];
    const hit = evaluateR2(records, 28, 960);
    expect(hit).toMatchObject({ rule: 'R2', triggeredOn: '2025-03-28', details: { unauthorisedMinutes: 960 } });
  });

  it('does not fire just below the threshold', () => {
    const records = [rec('2025-03-01', U, 240), rec('2025-03-08', U, 240), rec('2025-03-15', U, 240), rec('2025-03-28', U, 239)];
    expect(evaluateR2(records, 28, 960)).toBeNull();
  });

  it('fires just above the threshold', () => {
    const records = [rec('2025-03-01', U, 240), rec('2025-03-08', U, 240), rec('2025-03-15', U, 240), rec('2025-03-28', U, 241)];
    expect(evaluateR2(records, 28, 960)?.details.unauthorisedMinutes).toBe(961);
  });

  it('the window is 28 calendar days inclusive: day 1 and day 28 are in, day 29 is out', () => {
    const inside = [rec('2025-03-01', U, 480), rec('2025-03-28', U, 480)];
    expect(evaluateR2(inside, 28, 960)?.triggeredOn).toBe('2025-03-28');
    const outside = [rec('2025-03-01', U, 480), rec('2025-03-29', U, 480)];
    expect(evaluateR2(outside, 28, 960)).toBeNull();
  });

  it('authorised absence and presence never count', () => {
    const records = [rec('2025-03-01', A, 480), rec('2025-03-02', A, 480), rec('2025-03-03', U, 479), rec('2025-03-04', P, 480)];
    expect(evaluateR2(records, 28, 960)).toBeNull();
    expect(evaluateR2([...records, rec('2025-03-05', U, 481)], 28, 960)?.triggeredOn).toBe('2025-03-05');
  });

  it('reports the first date the threshold was reached', () => {
    const records = [rec('2025-03-01', U, 600), rec('2025-03-02', U, 600), rec('2025-03-03', U, 600)];
    expect(evaluateR2(records, 28, 960)?.triggeredOn).toBe('2025-03-02');
  });

  it('only counts absences after the previous signal', () => {
    const records = [rec('2025-03-01', U, 600), rec('2025-03-02', U, 600), rec('2025-03-03', U, 600)];
    expect(evaluateR2(records, 28, 960, '2025-03-02')).toBeNull();
    expect(evaluateR2([...records, rec('2025-03-04', U, 360)], 28, 960, '2025-03-02')?.triggeredOn).toBe('2025-03-04');
  });
});

describe('evaluateRules', () => {
  it('returns both hits with default thresholds, none for a clean record', () => {
    const bad = [rec('2025-03-03', U, 330), rec('2025-03-05', U, 330), rec('2025-03-07', U, 330)];
    expect(evaluateRules(bad).map((h) => h.rule)).toEqual(['R1', 'R2']);
    expect(evaluateRules([rec('2025-03-03', P), rec('2025-03-05', A)])).toEqual([]);
  });

  it('ignores records after asOf', () => {
    const bad = [rec('2025-03-03', U), rec('2025-03-05', U), rec('2025-03-07', U)];
    expect(evaluateRules(bad, undefined, {}, '2025-03-06')).toEqual([]);
  });
});
