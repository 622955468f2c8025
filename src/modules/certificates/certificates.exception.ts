import { DomainException, ProblemCatalogue, RuleViolationException } from '../../common/errors/domain.exception';

/**
 * Problem codes of the certificates feature, besides the common ones (COMMON_PROBLEM_CODES in
 * src/common/errors/domain.exception.ts). The kind decides the HTTP status (src/common/errors/problem.filter.ts).
 */
export const CERTIFICATES_PROBLEMS = {
  certificate_text_unprintable: { kind: 'rule', meaning: 'A name or text has characters the certificate font cannot print' },
  certificate_no_levels: { kind: 'rule', meaning: 'level: no passed assessment on or before the issue date' },
  certificate_no_hours: { kind: 'rule', meaning: 'participation: no attended hours in the period' },
  certificate_trajectory_not_completed: { kind: 'rule', meaning: 'completion: the trajectory is not completed' },
  certificate_completion_exists: { kind: 'conflict', meaning: 'completion: the trajectory already has one; revoke it first' },
  certificate_revoked: { kind: 'conflict', meaning: 'A revoked certificate cannot be changed or regenerated' },
  certificate_group_none_eligible: { kind: 'rule', meaning: 'No learner of the group can get this certificate' },
} as const satisfies ProblemCatalogue;
export type CertificatesProblemCode = keyof typeof CERTIFICATES_PROBLEMS;

/** A name (or product) with characters the certificate font has no glyph for: refused rather than printed as boxes. */
export class UnprintableTextException extends DomainException {
  constructor(readonly field: string, characters: string) {
    super('certificate_text_unprintable', 'rule', 'Not printable', `The certificate font cannot print ${characters} in ${field}; correct the name or ask for a font that covers it`, [
      { field, message: `contains characters the certificate font cannot print: ${characters}` },
    ]);
  }
}

/** level: no skill with a passed assessment on or before the issue date. */
export class NoLevelsReachedException extends RuleViolationException {
  constructor(date: string) {
    super('certificate_no_levels', `The learner has no passed assessment on or before ${date}: there is no level to certify`);
  }
}

/** participation: nothing attended in the period. */
export class NoHoursAttendedException extends RuleViolationException {
  constructor(from: string, to: string) {
    super('certificate_no_hours', `The learner attended no lessons from ${from} to ${to}: a participation certificate needs attended hours`);
  }
}

export class TrajectoryNotCompletedException extends RuleViolationException {
  constructor(status: string) {
    super('certificate_trajectory_not_completed', `A completion certificate is only for a completed trajectory; this one is ${status}`);
  }
}

export class CompletionAlreadyIssuedException extends RuleViolationException {
  constructor(number: string) {
    super('certificate_completion_exists', `This trajectory already has completion certificate ${number}; revoke it first to issue a new one`, [], 'conflict');
  }
}

export class CertificateRevokedException extends RuleViolationException {
  constructor(number: string) {
    super('certificate_revoked', `Certificate ${number} is revoked and cannot be changed or regenerated`, [], 'conflict');
  }
}

export class NoLearnersToCertifyException extends RuleViolationException {
  constructor(detail: string) {
    super('certificate_group_none_eligible', detail);
  }
}
