import { ValidationError } from 'class-validator';
import { FieldError, ValidationFailedException } from './domain.exception';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    // Array elements read as entries[2].learnerId, the same as the services' own field paths.
    const field = !parent ? e.property : /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : `${parent}.${e.property}`;
    for (const message of Object.values(e.constraints ?? {})) {
      out.push({ field, message: message.startsWith(e.property) ? message.slice(e.property.length).trim() : message });
    }
    if (e.children?.length) out.push(...flatten(e.children, field));
  }
  return out;
}

/** For ValidationPipe: class-validator errors → a 400 problem naming each field. */
export function validationExceptionFactory(errors: ValidationError[]): ValidationFailedException {
  const fieldErrors = flatten(errors);
  const detail = fieldErrors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return new ValidationFailedException(fieldErrors, detail || 'The request has invalid fields');
}
