import { AttendanceStatus } from '../../common/domain/vocabulary';

/**
 * Test oracle only: the TypeScript twin of src/modules/attendance/sql/koers_attended_minutes.sql, compared with it on
 * random records in test/sql-rule-twins.e2e-spec.ts. DOMAIN.md: present = lesson minutes, late = lesson minutes −
 * minutes late, absent (authorised or not) = 0. Never below 0.
 */
export function attendedMinutes(status: AttendanceStatus, lessonMinutes: number, minutesLate = 0): number {
  switch (status) {
    case 'present':
      return lessonMinutes;
    case 'late':
      return Math.max(0, lessonMinutes - minutesLate);
    case 'absent_authorised':
    case 'absent_unauthorised':
      return 0;
  }
}
