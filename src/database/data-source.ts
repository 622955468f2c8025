import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';

/** Used by the TypeORM CLI: `npm run migration:generate|run|revert`. */
export default new DataSource(buildDataSourceOptions(loadEnvironment().DATABASE_URL));
