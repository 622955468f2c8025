import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { UserStatusService } from '../../common/auth/user-status.service';
import { NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { UsersConflictException } from './users.exception';
import { offsetOf, Page, pageOf } from '../../common/http/page-query.dto';
import { parseSort } from '../../common/http/sort';
import { PG_UNIQUE_VIOLATION, pgCode, pgConstraint } from '../../database/pg-errors';
import { AuditService } from '../audit/audit.service';
import { Learner } from '../learners/entities/learner.entity';
import { Municipality } from '../municipalities/entities/municipality.entity';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserQueryDto } from './dto/user-query.dto';
import { UserViewDto } from './dto/user-view.dto';
import { User } from './entities/user.entity';
import { hashPassword } from './password';
import { passwordProblem } from './password-policy';

export type UserView = UserViewDto;

const SORTS = { email: 'u.email', displayName: 'u.display_name', role: 'u.role', createdAt: 'u.created_at' };

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly userStatus: UserStatusService,
  ) {}

  async create(dto: CreateUserDto, scope: Scope | null): Promise<UserView> {
    if (dto.role === 'municipality' && !dto.municipalityId) throw ValidationFailedException.field('municipalityId', 'is required for role municipality');
    if (dto.role !== 'municipality' && dto.municipalityId) throw ValidationFailedException.field('municipalityId', 'is only allowed for role municipality');
    if (dto.role === 'learner' && !dto.learnerId) throw ValidationFailedException.field('learnerId', 'is required for role learner');
    if (dto.role !== 'learner' && dto.learnerId) throw ValidationFailedException.field('learnerId', 'is only allowed for role learner');
    const weak = passwordProblem(dto.password, dto);
    if (weak) throw ValidationFailedException.field('password', weak);
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.db.transaction(async (m) => {
        if (dto.municipalityId && !(await m.exists(Municipality, { where: { id: dto.municipalityId } }))) {
          throw ValidationFailedException.field('municipalityId', 'does not exist');
        }
        const user = await m.save(User, m.create(User, {
          email: dto.email.toLowerCase(),
          displayName: dto.displayName,
          passwordHash,
          role: dto.role,
          municipalityId: dto.municipalityId ?? null,
        }));
        if (dto.learnerId) await this.linkLearner(m, dto.learnerId, user.id);
        await this.audit.record(m, scope, { action: 'create', entityType: 'user', entityId: user.id, fields: ['email', 'displayName', 'role', 'password'] });
        return this.findById(user.id, m);
      });
    } catch (e) {
      if (pgCode(e) === PG_UNIQUE_VIOLATION && pgConstraint(e) === 'uq_learner_user') {
        throw new UsersConflictException('learner_has_login', 'This learner already has a login', [{ field: 'learnerId', message: 'already has a login' }]);
      }
      if (pgCode(e) === PG_UNIQUE_VIOLATION) throw new UsersConflictException('duplicate', 'A user with this e-mail (or a login for this learner) already exists', [{ field: 'email', message: 'is already in use' }]);
      throw e;
    }
  }

  /** Links only a learner without a login: taking over another user's learner would silently cut that login off. */
  private async linkLearner(m: EntityManager, learnerId: string, userId: string): Promise<void> {
    const rows: Array<{ userId: string | null }> = await m.query(`SELECT user_id AS "userId" FROM learner WHERE id = $1 FOR UPDATE`, [learnerId]);
    if (!rows.length) throw ValidationFailedException.field('learnerId', 'does not exist');
    if (rows[0].userId) {
      throw new UsersConflictException('learner_has_login', 'This learner already has a login', [{ field: 'learnerId', message: 'already has a login' }]);
    }
    await m.update(Learner, { id: learnerId }, { userId });
  }

  async update(id: string, dto: UpdateUserDto, scope: Scope): Promise<UserView> {
    const view = await this.db.transaction(async (m) => {
      const existing = await m.findOne(User, { where: { id } });
      if (!existing) throw new NotFoundException('User', id);
      const patch: Partial<User> = {};
      if (dto.displayName !== undefined) patch.displayName = dto.displayName;
      if (dto.active !== undefined) patch.active = dto.active;
      if (dto.password !== undefined) {
        const weak = passwordProblem(dto.password, { email: existing.email, displayName: dto.displayName ?? existing.displayName });
        if (weak) throw ValidationFailedException.field('password', weak);
        patch.passwordHash = await hashPassword(dto.password);
      }
      const fields = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
      if (fields.length) {
        await m.update(User, { id }, patch);
        // A new password ends every token signed before it (the guard compares token versions).
        if (dto.password !== undefined) await m.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [id]);
        await this.audit.record(m, scope, { action: 'update', entityType: 'user', entityId: id, fields });
      }
      return this.findById(id, m);
    });
    // After the commit: forgotten earlier, a concurrent request could read and remember the old flag again.
    if (dto.active !== undefined || dto.password !== undefined) this.userStatus.forget(id);
    return view;
  }

  async findById(id: string, m: EntityManager = this.db.manager): Promise<UserView> {
    const rows = await m.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.municipality_id AS "municipalityId",
              l.id AS "learnerId", u.active, u.created_at AS "createdAt"
         FROM app_user u LEFT JOIN learner l ON l.user_id = u.id WHERE u.id = $1`,
      [id],
    );
    if (!rows.length) throw new NotFoundException('User', id);
    return rows[0];
  }

  async findPage(q: UserQueryDto): Promise<Page<UserView>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.search) {
      // % and _ in the search are literal characters, not wildcards.
      params.push(`%${q.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`);
      where.push(`(lower(u.email) LIKE $${params.length} OR lower(u.display_name) LIKE $${params.length})`);
    }
    if (q.role) {
      params.push(q.role);
      where.push(`u.role = $${params.length}`);
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const order = parseSort(q.sort, SORTS, 'email').map((t) => `${t.column} ${t.direction}`).join(', ');
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM app_user u ${whereSql}`, params);
    const items = await this.db.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.municipality_id AS "municipalityId",
              l.id AS "learnerId", u.active, u.created_at AS "createdAt"
         FROM app_user u LEFT JOIN learner l ON l.user_id = u.id ${whereSql}
        ORDER BY ${order}, u.id LIMIT ${q.pageSize} OFFSET ${offsetOf(q)}`,
      params,
    );
    return pageOf(items, total, q);
  }
}
