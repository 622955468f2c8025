import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDateString,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { NotBlank, SingleLine } from '../../../common/http/text-fields';
import { ContractProductDto } from './contract-product.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MSG = { message: '$property must be a date YYYY-MM-DD' };

export class CreateContractDto {
  @ApiProperty()
  @IsUUID()
  municipalityId: string;

  @ApiProperty({ example: 'ENS-2025-01', description: 'Unique contract reference' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  @NotBlank()
  @SingleLine()
  reference: string;

  @ApiProperty({ example: 'Inburgering Enschede 2025' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  @NotBlank()
  @SingleLine()
  name: string;

  @ApiProperty({ example: '2025-01-01', format: 'date' })
  @Matches(DATE, DATE_MSG)
  @IsDateString({ strict: true }, DATE_MSG)
  validFrom: string;

  @ApiPropertyOptional({ example: '2025-12-31', format: 'date', nullable: true, description: 'Open-ended when absent or null' })
  @IsOptional()
  @Matches(DATE, DATE_MSG)
  @IsDateString({ strict: true }, DATE_MSG)
  validTo?: string | null;

  @ApiPropertyOptional({ example: 0, default: 0, description: 'VAT in basis points (2100 = 21%)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  vatRateBasisPoints?: number;

  @ApiPropertyOptional({ default: 3, description: 'R1: consecutive unauthorised-absent lessons that raise a signal' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  r1ConsecutiveLessons?: number;

  @ApiPropertyOptional({ default: 28, description: 'R2: window in days' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(366)
  r2WindowDays?: number;

  @ApiPropertyOptional({ default: 960, description: 'R2: unauthorised minutes within the window that raise a signal' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  r2UnauthorisedMinutes?: number;

  @ApiPropertyOptional({ example: { dropout_rate: 0.15, attendance_rate: 0.85 }, description: 'SPIL indicator → target rate (0..1)' })
  @IsOptional()
  @IsObject()
  spilTargets?: Record<string, number>;

  @ApiPropertyOptional({ type: [ContractProductDto], description: 'Products with billing basis and prices' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ContractProductDto)
  products?: ContractProductDto[];
}

export class UpdateContractDto extends PartialType(OmitType(CreateContractDto, ['municipalityId'] as const)) {
  @ApiProperty({ example: 1, description: 'The version you read; a stale version answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ContractQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Only contracts valid on this date' })
  @IsOptional()
  @Matches(DATE, DATE_MSG)
  @IsDateString({ strict: true }, DATE_MSG)
  activeOn?: string;

  @ApiPropertyOptional({ description: 'Part of the reference or name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  search?: string;
}
