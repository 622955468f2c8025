import { Inject, Injectable, OnModuleDestroy, Provider } from '@nestjs/common';
import { getDataSourceToken, InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/** Injection token of the data source that report queries read from. */
export const REPORTS_DATA_SOURCE = 'REPORTS_DATA_SOURCE';

/** Inject the reports data source: `@InjectReportsDataSource() private readonly db: DataSource`. */
export const InjectReportsDataSource = (): ParameterDecorator => Inject(REPORTS_DATA_SOURCE);

/**
 * Reports read from DATABASE_READ_URL (a streaming replica, so figures may trail the primary by the replication
 * lag) when it is set to another database than DATABASE_URL; otherwise from the primary's own pool.
 */
export const reportsDataSourceProvider: Provider = {
  provide: REPORTS_DATA_SOURCE,
  inject: [AppConfig, getDataSourceToken()],
  useFactory: async (config: AppConfig, primary: DataSource): Promise<DataSource> =>
    config.databaseReadUrl === config.databaseUrl
      ? primary
      : new DataSource(buildDataSourceOptions(config.databaseReadUrl, {}, config.databasePoolSize, 300_000)).initialize(),
};

/** Closes the replica's pool with the application (the primary's is closed by TypeOrmModule). */
@Injectable()
export class ReportsDataSourceCloser implements OnModuleDestroy {
  constructor(
    @Inject(REPORTS_DATA_SOURCE) private readonly reports: DataSource,
    @InjectDataSource() private readonly primary: DataSource,
  ) {}

  async onModuleDestroy(): Promise<void> {
    if (this.reports !== this.primary && this.reports.isInitialized) await this.reports.destroy();
  }
}
