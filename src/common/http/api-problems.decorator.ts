import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'dateOfBirth' }) field: string;
  @ApiProperty({ example: 'must be a valid ISO 8601 date string' }) message: string;
}

/** The body of every error: RFC 9457 problem details. */
export class ProblemDto {
  @ApiProperty({ example: 'https://koers.example/problems/validation_failed' }) type: string;
  @ApiProperty({ example: 'Invalid request' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'validation_failed' }) code: string;
  @ApiPropertyOptional({ example: 'dateOfBirth: must be a valid ISO 8601 date string' }) detail?: string;
  @ApiPropertyOptional({ example: '/api/v1/learners' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] }) errors?: FieldErrorDto[];
  @ApiPropertyOptional({ example: 'req-1' }) requestId?: string;
}

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` names each bad field',
  401: 'Not logged in or token expired',
  403: 'Your role may not do this',
  404: 'Does not exist or is outside your scope',
  409: 'Conflict: duplicate, or stale `version`',
  413: 'File too large',
  415: 'File type not allowed',
  422: 'Not allowed in the record\'s current state',
  429: 'Too many attempts',
};

/** Documents the problem+json error responses of a route. */
export function ApiProblems(...statuses: number[]) {
  const list = statuses.length ? statuses : [400, 401, 403, 404];
  return applyDecorators(
    ...list.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } } } }),
    ),
  );
}

/** Documents a paged list answer `{ items: Item[], total, page, pageSize }` for any item class. */
export function ApiPageResponse(item: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(item),
    ApiOkResponse({
      description: 'One page of results',
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'pageSize'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(item) } },
          total: { type: 'integer', example: 137 },
          page: { type: 'integer', example: 1 },
          pageSize: { type: 'integer', example: 20 },
        },
      },
    }),
  );
}
