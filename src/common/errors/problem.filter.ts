import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import {
  PG_CHECK_VIOLATION,
  PG_EXCLUSION_VIOLATION,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  isDatabaseUnavailable,
  pgCode,
  pgConstraint,
} from '../../database/pg-errors';
import { LoginLimitedException } from '../../modules/auth/login-throttler.guard';
import { LimiterUnavailableError } from '../../modules/auth/redis-throttler.storage';
import { DomainException, FieldError, ProblemKind } from './domain.exception';
import { prefersDutch, toDutch } from './problem-nl';
import { safeErrorLog } from './safe-error-log';

/** Retry-After of a 503: outages here are a restart or a failover, seconds rather than minutes. */
export const SERVICE_UNAVAILABLE_RETRY_SECONDS = 5;

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  instance?: string;
  errors?: FieldError[];
  requestId?: string;
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Not allowed',
  429: 'Too many requests',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** The one place a domain exception's kind becomes an HTTP status. */
export const KIND_STATUS: Readonly<Record<ProblemKind, number>> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_type: 415,
  rule: 422,
};

const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
};

/** Maps every error to application/problem+json; never leaks a stack trace or SQL. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    const problem = this.toProblem(exception);
    problem.instance = request?.url?.split('?')[0];
    problem.requestId = request?.id;
    const dutch = prefersDutch(request?.headers?.['accept-language']);
    if (dutch) {
      toDutch(problem, exception instanceof DomainException ? exception.detailNl : undefined);
      reply.header('content-language', 'nl');
    }
    if (problem.status >= 500) {
      this.logger.error({ err: safeErrorLog(exception), requestId: request?.id }, 'Unhandled error');
    }
    const retryAfter = ProblemFilter.retryAfterSeconds(exception, problem.status);
    if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  }

  /** Seconds a client should wait: a 429 from the login limits knows its block; a 503 is a short outage. */
  static retryAfterSeconds(exception: unknown, status: number): number | undefined {
    if (status === 429) return exception instanceof LoginLimitedException ? exception.retryAfterSeconds : 60;
    if (status === 503) return SERVICE_UNAVAILABLE_RETRY_SECONDS;
    return undefined;
  }

  toProblem(exception: unknown): ProblemBody {
    if (exception instanceof DomainException) {
      return this.make(KIND_STATUS[exception.kind], exception.code, exception.detail, exception.errors, exception.title);
    }
    if (exception instanceof LoginLimitedException) {
      // One body for every locked account or address: it must not tell whether the e-mail exists.
      return this.make(429, 'too_many_requests', 'Too many login attempts; wait and try again (see Retry-After)');
    }
    if (exception instanceof ThrottlerException) {
      return this.make(429, 'too_many_requests', 'Too many attempts; wait a minute and try again');
    }
    if (exception instanceof LimiterUnavailableError) {
      return this.make(503, 'unavailable', 'Logging in is briefly unavailable; try again shortly');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message = typeof res === 'string' ? res : (res as { message?: string | string[] }).message;
      const detail = Array.isArray(message) ? message.join('; ') : message;
      if (status === 400 && /not valid JSON/i.test(detail ?? '')) return this.make(400, 'invalid_json', 'The request body is not valid JSON');
      if (status >= 500) return this.make(status, status === 503 ? 'unavailable' : 'internal_error', status === 503 ? detail : undefined, undefined);
      return this.make(status, HTTP_CODES[status] ?? `http_${status}`, detail);
    }
    if (isDatabaseUnavailable(exception)) {
      return this.make(503, 'unavailable', 'The database is briefly unavailable; try again shortly (see Retry-After)');
    }
    if (exception instanceof QueryFailedError) return this.fromDatabase(exception);
    const fastifyError = exception as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode < 500) {
      return this.fromFastify(fastifyError.statusCode, fastifyError.code, fastifyError.message);
    }
    return this.make(500, 'internal_error', 'Something went wrong on our side; the error has been logged');
  }

  private fromDatabase(err: QueryFailedError): ProblemBody {
    const code = pgCode(err);
    const constraint = pgConstraint(err) ?? 'constraint';
    if (code === PG_UNIQUE_VIOLATION || code === PG_EXCLUSION_VIOLATION) {
      return this.make(409, 'duplicate', `This would duplicate an existing record (${constraint})`);
    }
    if (code === PG_FOREIGN_KEY_VIOLATION) {
      return this.make(409, 'referenced_record', `A referenced record does not exist or is still in use (${constraint})`);
    }
    if (code === PG_CHECK_VIOLATION) {
      return this.make(400, 'validation_failed', `A value breaks a rule (${constraint})`);
    }
    if (code === '22P02' || code === '22007' || code === '22008' || code === '22003') {
      return this.make(400, 'validation_failed', 'A value has the wrong format');
    }
    // A NUL or otherwise unstorable character in a text value.
    if (code === '22021' || code === '22P05') return this.make(400, 'validation_failed', 'A text value contains a character that cannot be stored');
    if (code === '23502') {
      // not_null_violation: name the column as the API spells it (snake_case → camelCase).
      const column = (err as { driverError?: { column?: string } }).driverError?.column;
      const field = column ? column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()) : undefined;
      return this.make(400, 'validation_failed', field ? `${field}: may not be null` : 'A required value is missing', field ? [{ field, message: 'may not be null' }] : undefined);
    }
    return this.make(500, 'internal_error', 'Something went wrong on our side; the error has been logged');
  }

  private fromFastify(status: number, code?: string, message?: string): ProblemBody {
    // Raised by Fastify's router before Nest sees the request; their messages echo the whole path.
    if (code === 'FST_ERR_MAX_PARAM_LENGTH') return this.make(414, 'uri_too_long', 'A path parameter is too long');
    if (code === 'FST_ERR_BAD_URL') return this.make(400, 'bad_request', 'The address is not validly encoded');
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return this.make(400, 'invalid_json', 'The request body is not valid JSON');
    }
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || status === 413) {
      return this.make(413, 'payload_too_large', message ?? 'The request body is too large');
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
      return this.make(415, 'unsupported_media_type', message ?? 'Unsupported content type');
    }
    return this.make(status, `http_${status}`, message);
  }

  /**
   * For Fastify's `frameworkErrors`: errors its router raises before any Nest handler or filter runs (a path
   * parameter over maxParamLength, a malformed %-escape), which Fastify would otherwise answer as plain JSON.
   */
  static readonly frameworkErrors = (error: Error, request: FastifyRequest, reply: FastifyReply): void => {
    const problem = new ProblemFilter().toProblem(error);
    problem.requestId = request.id;
    if (prefersDutch(request.headers?.['accept-language'])) {
      toDutch(problem);
      reply.header('content-language', 'nl');
    }
    void reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(problem);
  };

  private make(status: number, code: string, detail?: string, errors?: FieldError[], title?: string): ProblemBody {
    const body: ProblemBody = {
      type: `https://koers.example/problems/${code}`,
      title: title ?? STATUS_TITLES[status] ?? HttpStatus[status] ?? 'Error',
      status,
      code,
    };
    if (detail) body.detail = detail;
    if (errors && errors.length) body.errors = errors;
    return body;
  }
}
