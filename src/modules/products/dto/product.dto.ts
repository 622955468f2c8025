import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { COMPETENCE_DOMAINS, LEGAL_REGIMES, LegalRegime } from '../../../common/domain/vocabulary';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { NotBlank, SingleLine } from '../../../common/http/text-fields';

export class CreateProductDto {
  @ApiProperty({ example: 'B1-ROUTE', description: 'Unique code (stored in capitals): letters, digits, - and _' })
  @IsString()
  @MaxLength(40)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { message: 'code may contain only letters, digits, - and _' })
  code: string;

  @ApiProperty({ example: 'B1-route' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NotBlank()
  @SingleLine()
  name: string;

  @ApiPropertyOptional({ enum: LEGAL_REGIMES, default: 'wi2021' })
  @IsOptional()
  @IsIn(LEGAL_REGIMES)
  legalRegime?: LegalRegime;

  @ApiProperty({ example: 1200, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(10000)
  contractedHours: number;

  @ApiProperty({ example: 78, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(520)
  plannedDurationWeeks: number;

  @ApiPropertyOptional({
    example: { reading: 'B1', listening: 'B1', writing: 'B1', speaking: 'B1', knm: 'pass' },
    description: 'Skill → CEFR level (reading, listening, writing, speaking) or "pass" (knm, map, ona)',
  })
  @IsOptional()
  @IsObject()
  defaultTargets?: Record<string, string>;

  @ApiPropertyOptional({ enum: COMPETENCE_DOMAINS, isArray: true, description: 'Portfolio domains the product requires' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(COMPETENCE_DOMAINS, { each: true })
  requiredDomains?: string[];

  @ApiPropertyOptional({ description: 'Z-route: the 800 + 800 hour norm applies', default: false })
  @IsOptional()
  @IsBoolean()
  participationNorm?: boolean;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateProductDto extends PartialType(CreateProductDto) {}

export class ProductQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  search?: string;

  @ApiPropertyOptional({ description: 'Only active (true) or inactive (false) products' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
