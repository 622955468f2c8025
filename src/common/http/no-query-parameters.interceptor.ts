import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Observable } from 'rxjs';
import { ValidationFailedException } from '../errors/domain.exception';

const withQuery = new WeakMap<object, boolean>();

/** Whether the handler reads @Query() (then its DTO and the global pipe decide which parameters exist). */
function readsQuery(context: ExecutionContext): boolean {
  const handler = context.getHandler();
  let known = withQuery.get(handler);
  if (known === undefined) {
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), handler.name) ?? {}) as Record<string, unknown>;
    known = Object.keys(args).some((key) => Number(key.split(':')[0]) === RouteParamtypes.QUERY);
    withQuery.set(handler, known);
  }
  return known;
}

/**
 * A route without query fields refuses any query parameter with a 400 naming it, as unknown body fields are refused:
 * a BSN put in a URL (`POST /learners/lookup-by-bsn?bsn=…`) is turned away instead of travelling on in logs.
 */
@Injectable()
export class NoQueryParametersInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && !readsQuery(context)) {
      const query = context.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query ?? {};
      const keys = Object.keys(query);
      if (keys.length) {
        throw new ValidationFailedException(
          keys.map((field) => ({ field, message: 'should not exist' })),
          `This operation takes no query parameters (${keys.join(', ')})`,
        );
      }
    }
    return next.handle();
  }
}
