import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { AttendanceStatus } from '../../common/domain/vocabulary';
import { FieldError, ValidationFailedException } from '../../common/errors/domain.exception';
import { RegisterEntryDto } from './dto/register.dto';

export interface CheckedEntry {
  learnerId: string;
  status: AttendanceStatus;
  minutesLate: number;
  absenceReason: string | null;
}

const messagesOf = (e: ValidationError): string[] =>
  Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? m.slice(e.property.length).trim() : m));

/**
 * Shape and cross-field checks of a register, with fields named `entries[i].x`:
 * late needs minutesLate > 0; absent_authorised needs a reason;
 * minutesLate only for late, a reason only for absences; a learner at most once. minutesLate ≤ the lesson's
 * minutes is checked by koers_save_register, which has the lesson.
 */
export function checkRegisterEntries(raw: unknown[]): CheckedEntry[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const out: CheckedEntry[] = [];
  raw.forEach((item, i) => {
    const at = (f: string) => `entries[${i}]${f ? `.${f}` : ''}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      errors.push({ field: at(''), message: 'must be an object' });
      return;
    }
    const dto = plainToInstance(RegisterEntryDto, item);
    const problems = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true });
    for (const p of problems) for (const message of messagesOf(p)) errors.push({ field: at(p.property), message });
    if (problems.length) return;
    const status = dto.status as AttendanceStatus;
    const minutesLate = dto.minutesLate ?? 0;
    const reason = dto.absenceReason?.trim() ? dto.absenceReason.trim() : null;
    if (status === 'late') {
      if (dto.minutesLate === undefined || minutesLate <= 0) errors.push({ field: at('minutesLate'), message: 'is required and must be > 0 for status late' });
    } else if (minutesLate !== 0) {
      errors.push({ field: at('minutesLate'), message: 'is only allowed for status late' });
    }
    if (status === 'absent_authorised' && !reason) errors.push({ field: at('absenceReason'), message: 'is required for absent_authorised' });
    if ((status === 'present' || status === 'late') && reason) errors.push({ field: at('absenceReason'), message: 'is only allowed for an absence' });
    const first = seen.get(dto.learnerId);
    if (first !== undefined) errors.push({ field: at('learnerId'), message: `appears twice (also entries[${first}])` });
    else seen.set(dto.learnerId, i);
    out.push({ learnerId: dto.learnerId, status, minutesLate, absenceReason: reason });
  });
  if (errors.length) throw new ValidationFailedException(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
  return out;
}
