import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { MunicipalityRef } from './partner.dto';
import { ApiNameLatin } from '../../../common/domain/latin-name';

/** Sort fields: termEndDate (default), startDate. */
export class TermWorklistQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ default: 6, minimum: 1, maximum: 36, description: 'Terms ending within this many months from today (overdue ones included)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(36)
  withinMonths: number = 6;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() municipalityId?: string;
}

export class WorklistLearnerRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() learnerNumber: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiNameLatin() nameLatin: string | null;
}

export class WorklistLevelDto {
  @ApiProperty() skill: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'CEFR level today (language skills)' }) current: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) target: string | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean, description: 'Pass/fail skills: passed by today' }) passed: boolean | null;
  @ApiPropertyOptional({ nullable: true, type: Boolean }) reached: boolean | null;
}

export class TermWorklistItemDto {
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ type: WorklistLearnerRef }) learner: WorklistLearnerRef;
  @ApiProperty({ type: MunicipalityRef }) municipality: MunicipalityRef;
  @ApiProperty() productName: string;
  @ApiProperty() status: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date', description: "The learner's first wi2021 PIP date" }) firstPipDate: string;
  @ApiProperty({ format: 'date' }) termEndDate: string;
  @ApiProperty({ description: 'Days from today to the term end; negative when already past' }) daysLeft: number;
  @ApiProperty({ description: 'Hours attended by the learner over all its trajectories (route switches included), up to today' }) attendedHours: number;
  @ApiProperty() contractedHours: number;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Z-route: participation hours at network partners' }) participationHours: number | null;
  @ApiProperty({ type: [WorklistLevelDto] }) levels: WorklistLevelDto[];
}

export class TermWorklistPageDto {
  @ApiProperty({ format: 'date' }) today: string;
  @ApiProperty({ format: 'date', description: 'Terms ending on or before this day are listed' }) until: string;
  @ApiProperty({ type: [TermWorklistItemDto] }) items: TermWorklistItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
