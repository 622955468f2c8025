import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'crypto';
import { AppConfig } from '../../config/app-config';
import { AuthGuard } from './auth.guard';
import { TokenService } from './token.service';
import { UserStatusService } from './user-status.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not a string: jsonwebtoken otherwise first tries (and fails) to parse the string as a public key on every verify.
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { expiresIn: config.jwtExpiresIn as unknown as number, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [TokenService, UserStatusService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, UserStatusService],
})
export class AuthCoreModule {}
