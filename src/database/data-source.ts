import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI: `npm run migration:generate|run|revert`, as the owner role (DATABASE_MIGRATION_URL). */
const env = loadEnvironment();
export default new DataSource(buildDataSourceOptions(env.DATABASE_MIGRATION_URL ?? env.DATABASE_URL));
