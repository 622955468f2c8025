import { ValidationFailedException } from '../../common/errors/domain.exception';

/** Error codes of the reports feature: validation_failed (a bad period), not_found (a municipality out of scope). */
export const SPIL_MAX_PERIOD_YEARS = 3;

export class PeriodOrderException extends ValidationFailedException {
  constructor() {
    super([{ field: 'to', message: 'must be on or after from' }], 'to: must be on or after from');
  }
}

export class PeriodTooLongException extends ValidationFailedException {
  constructor() {
    super(
      [{ field: 'to', message: `the period covers at most ${SPIL_MAX_PERIOD_YEARS} years; narrow from/to` }],
      `to: the period covers at most ${SPIL_MAX_PERIOD_YEARS} years`,
    );
  }
}
