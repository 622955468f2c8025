import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { accountTracker, addressTracker, LOGIN_BY_ACCOUNT, LOGIN_BY_ADDRESS } from './login-throttler.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

@Module({
  providers: [RedisThrottlerStorage],
  exports: [RedisThrottlerStorage],
})
class LoginLimitStorageModule {}

@Module({
  imports: [
    UsersModule,
    ThrottlerModule.forRootAsync({
      imports: [LoginLimitStorageModule],
      inject: [AppConfig, RedisThrottlerStorage],
      useFactory: (config: AppConfig, storage: RedisThrottlerStorage) => ({
        storage,
        setHeaders: false,
        throttlers: [
          { name: LOGIN_BY_ADDRESS, limit: config.loginAddressRateLimit, ttl: config.loginRateWindowMs, blockDuration: config.loginLockMs, getTracker: addressTracker },
          { name: LOGIN_BY_ACCOUNT, limit: config.loginRateLimit, ttl: config.loginRateWindowMs, blockDuration: config.loginLockMs, getTracker: accountTracker },
        ],
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService],
})
export class AuthModule {}
