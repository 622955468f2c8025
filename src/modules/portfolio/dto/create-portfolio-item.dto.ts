import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { COMPETENCE_DOMAINS, CompetenceDomain } from '../../../common/domain/vocabulary';

export class CreatePortfolioItemDto {
  @ApiProperty({ enum: COMPETENCE_DOMAINS, example: 'housing' })
  @IsIn(COMPETENCE_DOMAINS)
  domain: CompetenceDomain;

  @ApiProperty({ example: 'Huurcontract doorgenomen met de woningcorporatie', maxLength: 200 })
  @IsString()
  @Matches(/\S/, { message: 'title must not be empty or blank' })
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ example: 'Ik heb samen met mijn buurman het huurcontract gelezen.', maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  description?: string;
}
