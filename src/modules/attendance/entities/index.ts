import { AttendanceRecord } from './attendance-record.entity';
export const AttendanceEntities = [AttendanceRecord];
