import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { NotBlank, SingleLine } from '../../../common/http/text-fields';
import { PageQueryDto } from '../../../common/http/page-query.dto';

export class CreateMunicipalityDto {
  @ApiProperty({ example: 'GM0153', description: 'CBS code: GM followed by 4 digits' })
  @Matches(/^GM\d{4}$/, { message: 'cbsCode must be GM followed by 4 digits, e.g. GM0153' })
  cbsCode: string;

  @ApiProperty({ example: 'Enschede' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NotBlank()
  @SingleLine()
  name: string;

  @ApiPropertyOptional({ example: 'DEB-0153' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @SingleLine()
  debtorNumber?: string | null;
}

/** Every field optional, but the required columns refuse null (PartialType would let null through: a 500). */
export class UpdateMunicipalityDto {
  @ApiPropertyOptional({ example: 'GM0153' })
  @ValidateIf((_o, v) => v !== undefined)
  @Matches(/^GM\d{4}$/, { message: 'cbsCode must be GM followed by 4 digits, e.g. GM0153' })
  cbsCode?: string;

  @ApiPropertyOptional({ example: 'Enschede' })
  @ValidateIf((_o, v) => v !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @NotBlank()
  @SingleLine()
  name?: string;

  @ApiPropertyOptional({ example: 'DEB-0153', nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @SingleLine()
  debtorNumber?: string | null;
}

export class MunicipalityQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or CBS code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @SingleLine()
  search?: string;
}
