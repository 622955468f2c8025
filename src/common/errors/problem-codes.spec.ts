import { DocumentExpiredException } from '../../modules/documents/documents.exception';
import { ATTENDANCE_PROBLEMS } from '../../modules/attendance/attendance.exception';
import { CERTIFICATES_PROBLEMS, CompletionAlreadyIssuedException } from '../../modules/certificates/certificates.exception';
import { CONTRACTS_PROBLEMS } from '../../modules/contracts/contracts.exception';
import { GROUPS_PROBLEMS, GroupsConflictException, GroupsRuleException } from '../../modules/groups/groups.exception';
import { LEARNERS_PROBLEMS } from '../../modules/learners/learners.exception';
import { NETWORK_PROBLEMS } from '../../modules/network/network.exception';
import { FileTooLargeException, PORTFOLIO_PROBLEMS } from '../../modules/portfolio/portfolio.exception';
import { PROGRESS_PROBLEMS } from '../../modules/progress/progress.exception';
import { SETTLEMENT_PROBLEMS } from '../../modules/settlement/settlement.exception';
import { SIGNALS_PROBLEMS } from '../../modules/signals/signals.exception';
import { TRAJECTORIES_PROBLEMS } from '../../modules/trajectories/trajectories.exception';
import { USERS_PROBLEMS } from '../../modules/users/users.exception';
import { COMMON_PROBLEM_CODES, NotFoundException, ProblemCatalogue, StaleVersionException, ValidationFailedException } from './domain.exception';
import { KIND_STATUS, ProblemFilter } from './problem.filter';

const CATALOGUES: Record<string, ProblemCatalogue> = {
  attendance: ATTENDANCE_PROBLEMS,
  certificates: CERTIFICATES_PROBLEMS,
  contracts: CONTRACTS_PROBLEMS,
  groups: GROUPS_PROBLEMS,
  learners: LEARNERS_PROBLEMS,
  network: NETWORK_PROBLEMS,
  portfolio: PORTFOLIO_PROBLEMS,
  progress: PROGRESS_PROBLEMS,
  settlement: SETTLEMENT_PROBLEMS,
  signals: SIGNALS_PROBLEMS,
  trajectories: TRAJECTORIES_PROBLEMS,
  users: USERS_PROBLEMS,
};

describe('problem codes', () => {
  const filter = new ProblemFilter();

  it.each(Object.entries(CATALOGUES))('%s: snake_case codes of a known kind, each with a meaning', (_feature, catalogue) => {
    for (const [code, spec] of Object.entries(catalogue)) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(KIND_STATUS[spec.kind]).toBeDefined();
      expect(spec.meaning.length).toBeGreaterThan(10);
    }
  });

  it('the filter, not the exception, chooses the status from the kind; code, title and field errors pass through', () => {
    expect(filter.toProblem(new GroupsRuleException('lesson_has_register', 'has a register'))).toEqual({
      type: 'https://koers.example/problems/lesson_has_register',
      title: 'Not allowed',
      status: 422,
      code: 'lesson_has_register',
      detail: 'has a register',
    });
    expect(filter.toProblem(new GroupsConflictException('group_full', 'full'))).toMatchObject({ status: 409, title: 'Conflict', code: 'group_full' });
    expect(filter.toProblem(new StaleVersionException('Group'))).toMatchObject({ status: 409, code: 'version_conflict', errors: [{ field: 'version', message: 'is not the current version' }] });
    expect(filter.toProblem(new NotFoundException('Group', 'x'))).toMatchObject({ status: 404, title: 'Not found', detail: 'Group x does not exist' });
    expect(filter.toProblem(ValidationFailedException.field('to', 'bad'))).toMatchObject({ status: 400, title: 'Invalid request', errors: [{ field: 'to', message: 'bad' }] });
    expect(filter.toProblem(new CompletionAlreadyIssuedException('CERT-2025-000001'))).toMatchObject({ status: 409, title: 'Not allowed' });
    expect(filter.toProblem(new DocumentExpiredException())).toMatchObject({ status: 410, title: 'Gone', code: 'document_expired' });
    expect(filter.toProblem(new FileTooLargeException(10 * 1024 * 1024))).toMatchObject({ status: 413, code: 'payload_too_large' });
  });

  it('the catalogued kind of a code is the kind its exception carries', () => {
    expect(new GroupsRuleException('lesson_has_register', 'x').kind).toBe(GROUPS_PROBLEMS.lesson_has_register.kind);
    expect(new GroupsConflictException('enrolment_overlap', 'x').kind).toBe(GROUPS_PROBLEMS.enrolment_overlap.kind);
    expect(new CompletionAlreadyIssuedException('n').kind).toBe(CERTIFICATES_PROBLEMS.certificate_completion_exists.kind);
  });
});
