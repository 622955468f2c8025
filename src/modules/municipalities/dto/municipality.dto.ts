import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';

export class CreateMunicipalityDto {
  @ApiProperty({ example: 'GM0153', description: 'CBS code: GM followed by 4 digits' })
  @Matches(/^GM\d{4}$/, { message: 'cbsCode must be GM followed by 4 digits, e.g. GM0153' })
  cbsCode: string;

  @ApiProperty({ example: 'Enschede' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiPropertyOptional({ example: 'DEB-0153' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  debtorNumber?: string;
}

export class UpdateMunicipalityDto extends PartialType(CreateMunicipalityDto) {}

export class MunicipalityQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name or CBS code' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}
