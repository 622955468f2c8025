import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../../common/auth/scope';
import { UserStatusService } from '../../common/auth/user-status.service';
import { NotFoundException, ValidationFailedException } from '../../common/errors/domain.exception';
import { UsersConflictException, UsersRuleException } from './users.exception';
import { roleLinkProblems } from './user-role-rules';
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
    const [linkProblem] = roleLinkProblems({ role: dto.role, municipalityId: dto.municipalityId, hasLearner: !!dto.learnerId, learnerGiven: !!dto.learnerId });
    if (linkProblem) throw ValidationFailedException.field(linkProblem.field, linkProblem.message);
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
    let endsTokens = false;
    const view = await this.db.transaction(async (m) => {
      // The active admins first, locked in one order: two admins demoting each other cannot both succeed.
      const activeAdmins: string[] = dto.role !== undefined || dto.active === false
        ? (await m.query(`SELECT id FROM app_user WHERE role = 'admin' AND active ORDER BY id FOR UPDATE`)).map((r: { id: string }) => r.id)
        : [];
      const rows: ExistingUser[] = await m.query(
        `SELECT u.email, u.display_name AS "displayName", u.role, u.municipality_id AS "municipalityId", u.active, l.id AS "learnerId"
           FROM app_user u LEFT JOIN learner l ON l.user_id = u.id WHERE u.id = $1 FOR UPDATE OF u`,
        [id],
      );
      const existing = rows[0];
      if (!existing) throw new NotFoundException('User', id);
      const next = nextLinks(existing, dto);
      const linkProblems = roleLinkProblems({ ...next, hasLearner: next.learnerId !== null, learnerGiven: dto.learnerId !== undefined });
      if (linkProblems.length) throw new ValidationFailedException(linkProblems, linkProblems.map((e) => `${e.field}: ${e.message}`).join('; '));
      checkAdminsKept(id, existing, next.role, dto.active, scope, activeAdmins);
      const patch: Partial<User> = {};
      if (dto.displayName !== undefined) patch.displayName = dto.displayName;
      if (dto.active !== undefined) patch.active = dto.active;
      if (dto.password !== undefined) {
        const weak = passwordProblem(dto.password, { email: existing.email, displayName: dto.displayName ?? existing.displayName });
        if (weak) throw ValidationFailedException.field('password', weak);
        patch.passwordHash = await hashPassword(dto.password);
      }
      if (dto.municipalityId && !(await m.exists(Municipality, { where: { id: dto.municipalityId } }))) {
        throw ValidationFailedException.field('municipalityId', 'does not exist');
      }
      const relinks = next.learnerId !== existing.learnerId;
      if (next.role !== existing.role) patch.role = next.role;
      if (next.municipalityId !== existing.municipalityId) patch.municipalityId = next.municipalityId;
      const fields = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
      if (fields.length) {
        if (Object.keys(patch).length) await m.update(User, { id }, patch);
        if (relinks) {
          if (existing.learnerId) await m.update(Learner, { id: existing.learnerId }, { userId: null });
          if (next.learnerId) await this.linkLearner(m, next.learnerId, id);
        }
        // Tokens carry the role, municipality and learner: a new password or a new scope ends every token signed before.
        endsTokens = dto.password !== undefined || patch.role !== undefined || patch.municipalityId !== undefined || relinks;
        if (endsTokens) await m.query(`UPDATE app_user SET token_version = token_version + 1 WHERE id = $1`, [id]);
        await this.audit.record(m, scope, { action: 'update', entityType: 'user', entityId: id, fields });
      }
      return this.findById(id, m);
    });
    // After the commit: forgotten earlier, a concurrent request could read and remember the old flag again.
    if (dto.active !== undefined || endsTokens) this.userStatus.forget(id);
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

interface ExistingUser {
  email: string;
  displayName: string;
  role: string;
  municipalityId: string | null;
  active: boolean;
  learnerId: string | null;
}

/** Role, municipality and learner after the change: leaving a role drops what tied the user to it. */
function nextLinks(existing: ExistingUser, dto: UpdateUserDto): { role: string; municipalityId: string | null; learnerId: string | null } {
  const role = dto.role ?? existing.role;
  const municipalityId = dto.municipalityId !== undefined ? dto.municipalityId : role === 'municipality' ? existing.municipalityId : null;
  const learnerId = role === 'learner' ? dto.learnerId ?? existing.learnerId : null;
  return { role, municipalityId, learnerId };
}

/** An admin cannot lock themselves out: not by changing their own role or deactivating themselves, nor by removing the last active admin. */
function checkAdminsKept(id: string, existing: ExistingUser, role: string, active: boolean | undefined, scope: Scope, activeAdmins: string[]): void {
  const roleChanges = role !== existing.role;
  const deactivates = existing.active && active === false;
  if (!roleChanges && !deactivates) return;
  const field = roleChanges ? 'role' : 'active';
  if (id === scope.userId) {
    throw new UsersRuleException('own_account', 'You cannot change the role of, or deactivate, your own account; ask another admin', [
      { field, message: 'cannot be changed for your own account' },
    ], 'Uw eigen rol wijzigen of uzelf deactiveren kan niet: zo zou u zichzelf buitensluiten.');
  }
  if (existing.role === 'admin' && existing.active && !activeAdmins.some((a) => a !== id)) {
    throw new UsersRuleException('last_admin', 'This is the last active admin; make another user admin first', [
      { field, message: 'would leave no active admin' },
    ], 'Dit is de laatste actieve applicatiebeheerder: maak eerst een andere gebruiker applicatiebeheerder.');
  }
}
