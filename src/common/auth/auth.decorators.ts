import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '../domain/vocabulary';
import { Scope } from './scope';

export const IS_PUBLIC = 'koers:public';
export const ROLES_KEY = 'koers:roles';

/** No login needed (login itself, health, public verification). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Roles allowed on a route; others get 403 (or 404 where the record is scoped). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The caller's scope, set by the auth guard. */
export const CurrentScope = createParamDecorator((_: unknown, ctx: ExecutionContext): Scope => {
  const req = ctx.switchToHttp().getRequest<{ scope?: Scope }>();
  return req.scope as Scope;
});
