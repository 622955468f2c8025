import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './pg-errors';

const failed = (code: string, message = 'x') => new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));

describe('isDatabaseUnavailable', () => {
  it.each(['57P01', '57P02', '57P03', '08006', '08003', '08001', '53300', '53200'])('%s is an outage (503)', (code) => {
    expect(isDatabaseUnavailable(failed(code))).toBe(true);
  });

  it.each(['23505', '22P02', '40001', '42P01', '57014'])('%s is not', (code) => {
    expect(isDatabaseUnavailable(failed(code))).toBe(false);
  });

  it('knows a broken socket and an exhausted pool', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Cannot read properties of undefined'))).toBe(false);
  });
});
