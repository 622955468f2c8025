import { duoHoursEntry } from './duo-hours';
import { DuoHoursRow } from './duo-hours.repository';

const row = (over: Partial<DuoHoursRow>): DuoHoursRow => ({
  learnerId: 'x',
  learnerNumber: 'L000001',
  name: 'A B',
  bsnCiphertext: 'c',
  cbsCode: 'GM0153',
  attendedMinutes: 0,
  lastLesson: null,
  zRoute: false,
  participationMinutes: 0,
  lastEntry: null,
  ...over,
});

describe('duoHoursEntry', () => {
  it('floors the summed minutes, strips GM and dates bekendTot the day after the last lesson', () => {
    expect(duoHoursEntry(row({ attendedMinutes: 179, lastLesson: '2026-02-28' }), '111222333')).toEqual({
      bsn: '111222333',
      gemeentecode: '0153',
      bekendTot: '2026-03-01',
      ParticipatieAlsTaalles: { uren: 2 },
    });
  });

  it('adds participation hours for the Z-route only, and the later of lesson and entry decides bekendTot', () => {
    const z = duoHoursEntry(row({ zRoute: true, attendedMinutes: 600, lastLesson: '2026-03-01', participationMinutes: 125, lastEntry: '2026-03-05' }), '1');
    expect(z).toMatchObject({ bekendTot: '2026-03-06', ParticipatieAlsTaalles: { uren: 10 }, ParticipatieactiviteitenBredeIntake: { uren: 2 } });
    expect(duoHoursEntry(row({ lastEntry: '2026-04-01', participationMinutes: 600 }), '1')).not.toHaveProperty('ParticipatieactiviteitenBredeIntake');
    expect(duoHoursEntry(row({}), '1').bekendTot).toBeNull();
  });
});
