import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';

/** Just under PostgreSQL's bigint maximum: (page − 1) × pageSize must fit OFFSET, or the database refuses it (a 400 without a field). */
const MAX_OFFSET = 9_000_000_000_000_000_000;

const OffsetFits = () =>
  ValidateBy({
    name: 'offsetFits',
    validator: {
      validate: (page: unknown, args) => {
        const size = Number((args?.object as { pageSize?: unknown }).pageSize);
        return typeof page !== 'number' || (page - 1) * (Number.isFinite(size) ? size : 1) <= MAX_OFFSET;
      },
      defaultMessage: () => 'page is too large for this pageSize',
    },
  });

/** `page`, `pageSize` (≤ 100) and `sort` (`field` or `-field` for descending, comma-separated). */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @OffsetFits()
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize: number = 20;

  @ApiPropertyOptional({ description: 'Sort fields, e.g. `lastName,-createdAt` (minus = descending)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/^-?[A-Za-z]+(,-?[A-Za-z]+)*$/, { message: 'sort must be field names separated by commas, each optionally prefixed by -' })
  sort?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(items: T[], total: number, q: { page: number; pageSize: number }): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export function offsetOf(q: { page: number; pageSize: number }): number {
  return (q.page - 1) * q.pageSize;
}
