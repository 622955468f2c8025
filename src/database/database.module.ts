import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { REPORTS_DATA_SOURCE, ReportsDataSourceCloser, reportsDataSourceProvider } from './reports-data-source';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      // Idle connections stay 5 minutes (pg's default is 10 s): a new backend compiles the PL/pgSQL functions and
      // plans the prepared reads again, which a busy API should not pay after every quiet moment.
      useFactory: (config: AppConfig) => buildDataSourceOptions(config.databaseUrl, {}, config.databasePoolSize, 300_000),
    }),
  ],
  providers: [reportsDataSourceProvider, ReportsDataSourceCloser],
  exports: [REPORTS_DATA_SOURCE],
})
export class DatabaseModule {}
