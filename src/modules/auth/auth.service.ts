import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { TokenService } from '../../common/auth/token.service';
import { Role } from '../../common/domain/vocabulary';
import { UnauthorizedException } from '../../common/errors/domain.exception';
import { AppConfig } from '../../config/app-config';
import { verifyPassword } from '../users/password';
import { LoginResultDto } from './dto/login.dto';

// A valid argon2id hash of a random string: unknown e-mails cost as much time as wrong passwords.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$0n8tLwMSGkkq4mb6pnGzYHDOmvLJLlNWRm3Rv7UZ7p4';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
  ) {}

  async login(email: string, password: string): Promise<LoginResultDto> {
    const rows = await this.db.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.password_hash AS "passwordHash",
              u.municipality_id AS "municipalityId", u.active, u.token_version AS "tokenVersion", l.id AS "learnerId"
         FROM app_user u LEFT JOIN learner l ON l.user_id = u.id WHERE u.email = $1`,
      [email.toLowerCase()],
    );
    const user = rows[0];
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || !user.active) throw new UnauthorizedException('E-mail or password is wrong');
    const scope: Scope = { userId: user.id, role: user.role as Role, municipalityId: user.municipalityId, learnerId: user.learnerId };
    return {
      accessToken: this.tokens.sign(scope, user.tokenVersion),
      tokenType: 'Bearer',
      expiresIn: this.config.jwtExpiresIn,
      user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, municipalityId: user.municipalityId, learnerId: user.learnerId },
    };
  }
}
