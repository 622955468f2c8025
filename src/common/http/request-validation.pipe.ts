import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationFailedException } from '../errors/domain.exception';

/** Deeper than any request DTO nests (three levels at most); past it, class-transformer recursed out of stack. */
const MAX_BODY_DEPTH = 32;
/** Keys Nest strips silently before validating, so `forbidNonWhitelisted` never saw them: refuse them like any unknown key. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The first structural problem of a JSON body, found without recursion (the point is not to overflow the stack). */
function structuralProblem(body: object): FieldError | null {
  const stack: Array<[unknown, string, number]> = [[body, '', 0]];
  while (stack.length) {
    const [value, path, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH) return { field: path, message: `must not nest objects or arrays more than ${MAX_BODY_DEPTH} levels deep` };
    for (const key of Object.keys(value)) {
      const field = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      if (!Array.isArray(value) && PROTOTYPE_KEYS.has(key)) return { field, message: 'property should not exist' };
      stack.push([(value as Record<string, unknown>)[key], field, depth + 1]);
    }
  }
  return null;
}

/**
 * The global ValidationPipe, plus refusals for JSON bodies it let through: `null` or an array (Nest reads a null
 * body as `{}`, so a PATCH whose fields are all optional answered 200 to `null`), objects nested thousands deep (a
 * 500: class-transformer copies unknown properties recursively before the whitelist refuses them), and a
 * `constructor` key (stripped without a word instead of refused as unknown).
 */
@Injectable()
export class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.toValidate(metadata)) {
      // No body at all stays Nest's `{}`; a body that is there must be an object.
      if (value === undefined) return super.transform(value, metadata);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw ValidationFailedException.field('body', 'must be a JSON object');
      const problem = structuralProblem(value);
      if (problem) throw ValidationFailedException.field(problem.field, problem.message);
    }
    return super.transform(value, metadata);
  }
}
