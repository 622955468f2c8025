import { Injectable } from '@nestjs/common';
import { JobHandler } from './job-handler.decorator';
import { collectJobHandlers, JobWiringError } from './job-handlers';
import { JOB_QUEUE } from './job-types';

@Injectable()
class Ping {
  @JobHandler('maintenance.ping')
  async handle(p: { note: string }) {
    return `ping ${p.note}`;
  }
}

@Injectable()
class Nightly {
  constructor(private readonly tag = 'nightly') {}
  @JobHandler('signals.nightly-pass')
  async handle(p: { asOf: string }) {
    return `${this.tag} ${p.asOf}`;
  }
  notAHandler() {
    return 'x';
  }
}

@Injectable()
class SecondPing {
  @JobHandler('maintenance.ping')
  async other() {
    return 'second';
  }
}

describe('collectJobHandlers', () => {
  it('maps every job to its one handler, bound to its instance', async () => {
    const handlers = collectJobHandlers([new Ping(), new Nightly('bound'), undefined, 'not an object']);
    expect([...handlers.keys()].sort()).toEqual(Object.keys(JOB_QUEUE).sort());
    await expect(handlers.get('signals.nightly-pass')?.({ asOf: '2025-01-01' }, undefined as never)).resolves.toBe('bound 2025-01-01');
  });

  it('refuses a job without a handler, naming it', () => {
    expect(() => collectJobHandlers([new Ping()])).toThrow(new JobWiringError('No handler for job(s): signals.nightly-pass'));
  });

  it('refuses a job with two handlers, naming both', () => {
    expect(() => collectJobHandlers([new Ping(), new Nightly(), new SecondPing()])).toThrow(
      new JobWiringError('Job maintenance.ping has 2 handlers (Ping.handle, SecondPing.other); keep one'),
    );
  });

  it('refuses the same handler class provided twice (two instances would both listen)', () => {
    expect(() => collectJobHandlers([new Ping(), new Nightly(), new Nightly()])).toThrow(/Job signals.nightly-pass has 2 handlers/);
  });

  it('refuses a handler of a job that job-types.ts does not name', () => {
    expect(() => collectJobHandlers([new Ping(), new Nightly()], ['maintenance.ping'])).toThrow(
      /Nightly.handle handles job signals.nightly-pass, which src\/jobs\/job-types.ts does not name/,
    );
  });
});
