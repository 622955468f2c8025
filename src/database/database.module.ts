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
      useFactory: (config: AppConfig) => buildDataSourceOptions(config.databaseUrl, {}, config.databasePoolSize),
    }),
  ],
  providers: [reportsDataSourceProvider, ReportsDataSourceCloser],
  exports: [REPORTS_DATA_SOURCE],
})
export class DatabaseModule {}
