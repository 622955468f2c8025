import { QueryFailedError } from 'typeorm';
import { loggableUrl, safeErrorLog } from './safe-error-log';

describe('safeErrorLog', () => {
  it('logs a failed statement by name and code, never its parameters, message or detail', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "uq_learner_bsn_hash"'), {
      code: '23505',
      severity: 'ERROR',
      detail: 'Key (email)=(fatima.elamrani@example.nl) already exists.',
      table: 'learner',
      constraint: 'uq_learner_bsn_hash',
    });
    const err = new QueryFailedError('INSERT INTO learner (first_name, last_name, bsn) VALUES ($1, $2, $3)', ['Fatima', 'El Amrani', '123456782'], driverError);
    const logged = safeErrorLog(err);
    expect(logged).toMatchObject({ type: 'DatabaseError', code: '23505', command: 'INSERT', table: 'learner', constraint: 'uq_learner_bsn_hash' });
    expect(logged.statement).toMatch(/^sql_[0-9a-f]{12}$/);
    const text = JSON.stringify(logged);
    for (const secret of ['Fatima', 'El Amrani', '123456782', 'fatima.elamrani', 'duplicate key']) expect(text).not.toContain(secret);
  });

  it('keeps message and stack of other errors', () => {
    expect(safeErrorLog(new TypeError('x is undefined'))).toMatchObject({ type: 'TypeError', message: 'x is undefined' });
  });
});

describe('loggableUrl', () => {
  it('keeps the path and the parameter names, drops the values', () => {
    expect(loggableUrl('/api/v1/learners?search=El%20Amrani&page=2&search=x')).toBe('/api/v1/learners?search=…&page=…');
    expect(loggableUrl('/api/v1/learners')).toBe('/api/v1/learners');
  });
});
