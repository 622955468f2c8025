import { registerDecorator, ValidationOptions } from 'class-validator';
import { dayNumber } from '../lesson-schedule';

/** A real calendar date written YYYY-MM-DD (no time, no zone; 2025-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a calendar date YYYY-MM-DD`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') return false;
          try {
            dayNumber(value);
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}
