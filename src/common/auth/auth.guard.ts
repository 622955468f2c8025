import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '../domain/vocabulary';
import { ForbiddenException, NotFoundException, UnauthorizedException } from '../errors/domain.exception';
import { accessOf, operationKey } from './access-matrix';
import { IS_PUBLIC, ROLES_KEY } from './auth.decorators';
import { Scope } from './scope';
import { TokenService } from './token.service';
import { UserStatusService } from './user-status.service';

/** Global guard: bearer token → scope on the request (its user still active, its password unchanged), then the route's @Roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UserStatusService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; scope?: Scope; id?: string; method: string; routeOptions?: { url?: string } }>();
    const header = req.headers['authorization'] ?? '';
    const [kind, token] = header.split(' ');
    if (kind?.toLowerCase() !== 'bearer' || !token) throw new UnauthorizedException();
    const verified = this.tokens.verify(token);
    if (!verified) throw new UnauthorizedException('The token is invalid or has expired; log in again');
    const { tokenVersion, ...scope } = verified;
    const status = await this.users.status(scope.userId);
    if (!status) throw new UnauthorizedException('The token is invalid or has expired; log in again');
    if (!status.active) throw new UnauthorizedException('This account is deactivated; ask an application manager');
    // The password changed after this token was made: it has ended.
    if (tokenVersion !== status.tokenVersion) throw new UnauthorizedException('The token is invalid or has expired; log in again');
    req.scope = { ...scope, requestId: req.id };
    // The access table (DOMAIN.md "Who sees what") decides; a route not (yet) in it falls back to its @Roles.
    const access = accessOf(operationKey(req.method, req.routeOptions?.url ?? ''), scope.role);
    if (access === 'F') throw new ForbiddenException();
    if (access === 'N') throw new NotFoundException('Record');
    if (access === undefined) {
      const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
      if (roles && !roles.includes(scope.role)) throw new ForbiddenException();
    }
    return true;
  }
}
