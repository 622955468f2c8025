import { InjectQueue } from '@nestjs/bullmq';
import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/auth.decorators';

/** Each dependency gets this long; both are asked at once, so /health/ready answers within ~1.5 s, up or down. */
export const READINESS_CHECK_MS = 1_500;

/** Rejects when `work` has not settled within `ms` (the work itself may go on; its result is ignored). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue('maintenance') private readonly queue: Queue,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer (503 within 2 s when either does not)' })
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.probe('postgres', () => this.db.query('SELECT 1')),
      // The queue's client queues commands while Redis is away (BullMQ needs that), so the ping is bounded here.
      () => this.probe('redis', async () => ((await this.queue.client) as unknown as { ping(): Promise<string> }).ping()),
    ]);
  }

  private async probe(name: string, check: () => Promise<unknown>) {
    const indicator = this.indicators.check(name);
    try {
      await within(READINESS_CHECK_MS, check());
      return indicator.up();
    } catch (e) {
      return indicator.down({ message: (e as Error).message });
    }
  }
}
