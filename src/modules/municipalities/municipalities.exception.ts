import { ConflictException, FieldError, ProblemCatalogue } from '../../common/errors/domain.exception';

/**
 * Problem codes of the municipalities feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts); a unique value already taken answers `duplicate`. The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const MUNICIPALITIES_PROBLEMS = {} as const satisfies ProblemCatalogue;
export type MunicipalitiesProblemCode = keyof typeof MUNICIPALITIES_PROBLEMS;

export class MunicipalitiesConflictException extends ConflictException {
  constructor(code: 'duplicate', detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}
