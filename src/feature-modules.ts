import { AuthModule } from './modules/auth/auth.module';
import { MunicipalitiesModule } from './modules/municipalities/municipalities.module';
import { UsersModule } from './modules/users/users.module';

/** Feature modules, loaded by both the API and the worker. */
export const FEATURE_MODULES = [AuthModule, UsersModule, MunicipalitiesModule];
