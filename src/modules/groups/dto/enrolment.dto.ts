import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { ApiNameLatin } from '../../../common/domain/latin-name';

export class CreateEnrolmentDto {
  @ApiProperty()
  @IsUUID()
  trajectoryId: string;

  @ApiProperty({ example: '2025-01-06' })
  @IsCalendarDate()
  fromDate: string;

  @ApiPropertyOptional({ example: '2025-06-27', description: 'Inclusive; empty = open-ended' })
  @IsOptional()
  @IsCalendarDate()
  toDate?: string;
}

export class EndEnrolmentDto {
  @ApiProperty({ example: '2025-06-27', description: 'Last day in the group (inclusive), on or after fromDate' })
  @IsCalendarDate()
  toDate: string;
}

export class EnrolmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only enrolments that include this date' })
  @IsOptional()
  @IsCalendarDate()
  activeOn?: string;
}

export class EnrolmentView {
  @ApiProperty() id: string;
  @ApiProperty() groupId: string;
  @ApiProperty() trajectoryId: string;
  @ApiProperty() learnerId: string;
  @ApiProperty() learnerNumber: string;
  @ApiProperty() learnerName: string;
  @ApiNameLatin() learnerNameLatin: string | null;
  @ApiProperty() municipalityId: string;
  @ApiProperty() fromDate: string;
  @ApiPropertyOptional({ nullable: true }) toDate: string | null;
  @ApiProperty() createdAt: Date;
}
