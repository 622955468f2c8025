import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SubstantialEffortDto {
  @ApiProperty({ example: 600, description: 'Norm for dropping a skill from B1 to A2: at least 600 attended hours ...' }) normHours: number;
  @ApiProperty({ example: 0.5, description: '... at least half of them physical' }) requiredPhysicalShare: number;
  @ApiProperty({ description: 'Hours attended by the learner, over all its trajectories, all time' }) attendedHours: number;
  @ApiProperty({ description: 'Of which in physical lessons' }) physicalHours: number;
  @ApiPropertyOptional({ nullable: true, description: 'physicalHours ÷ attendedHours; null when nothing attended' }) physicalShare: number | null;
  @ApiProperty({ description: 'attendedHours ≥ 600 and physicalHours ≥ half of attendedHours' }) met: boolean;
}

export class ParticipationNormDto {
  @ApiProperty({ example: 800 }) languageNormHours: number;
  @ApiProperty({ description: 'Hours attended in this trajectory\'s lessons, all time' }) languageHours: number;
  @ApiProperty() languageMet: boolean;
  @ApiProperty({ example: 800 }) participationNormHours: number;
  @ApiProperty({
    description: 'Hours of participation at network partners: Σ of the trajectory\'s referrals\' participation entries, all time',
  })
  participationHours: number;
  @ApiProperty() participationMet: boolean;
  @ApiProperty() note: string;
}

export class TrajectoryAttendanceDto {
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiPropertyOptional({ nullable: true }) from: string | null;
  @ApiPropertyOptional({ nullable: true }) to: string | null;
  @ApiProperty({ description: 'Σ lesson minutes of the registered lessons in the period' }) registeredMinutes: number;
  @ApiProperty({ description: 'Σ attended minutes (present = lesson, late = lesson − late, absent = 0)' }) attendedMinutes: number;
  @ApiProperty() absentAuthorisedMinutes: number;
  @ApiProperty() absentUnauthorisedMinutes: number;
  @ApiPropertyOptional({ nullable: true, description: 'attended ÷ registered; null when nothing registered' }) attendanceRate: number | null;
  @ApiPropertyOptional({ nullable: true, description: 'attended ÷ (registered − authorised absent minutes)' })
  attendanceRateExclAuthorised: number | null;
  @ApiProperty() absentAuthorisedHours: number;
  @ApiProperty() absentUnauthorisedHours: number;
  @ApiProperty() attendedHoursPhysical: number;
  @ApiProperty() attendedHoursOnline: number;
  @ApiProperty({ type: SubstantialEffortDto }) substantialEffort: SubstantialEffortDto;
  @ApiPropertyOptional({ type: ParticipationNormDto, nullable: true, description: 'Only for products with the participation norm (Z-route)' })
  participationNorm: ParticipationNormDto | null;
}
