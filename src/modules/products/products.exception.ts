import { ConflictException, FieldError, ProblemCatalogue } from '../../common/errors/domain.exception';

/**
 * Problem codes of the products feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts); a unique value already taken answers `duplicate`. The kind decides the
 * HTTP status (src/common/errors/problem.filter.ts).
 */
export const PRODUCTS_PROBLEMS = {} as const satisfies ProblemCatalogue;
export type ProductsProblemCode = keyof typeof PRODUCTS_PROBLEMS;

export class ProductsConflictException extends ConflictException {
  constructor(code: 'duplicate', detail: string, errors: FieldError[] = []) {
    super(code, detail, errors);
  }
}
