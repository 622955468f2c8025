import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { fieldNote } from '../../../common/auth/field-visibility';
import { DROPOUT_REASONS, LEGAL_REGIMES, TRAJECTORY_STATUSES } from '../../../common/domain/vocabulary';
import { IntegrationAgreementDto, TargetLevelsDto, TrajectoryPlanDto } from './trajectory-parts.dto';
import { MunicipalityRefDto } from '../../municipalities/dto/municipality-ref.dto';
import { ApiNameLatin } from '../../../common/domain/latin-name';

export class TrajectoryLearnerRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'L2025-0001' }) learnerNumber: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiNameLatin() nameLatin: string | null;
}

export class TrajectoryProductRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'B1-ROUTE' }) code: string;
  @ApiProperty({ example: 'B1-route' }) name: string;
}

export class TrajectoryContractRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() reference: string;
}

export class TrajectoryViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: TRAJECTORY_STATUSES }) status: string;
  @ApiProperty({ format: 'uuid' }) learnerId: string;
  @ApiProperty({ type: TrajectoryLearnerRefDto }) learner: TrajectoryLearnerRefDto;
  @ApiProperty({ format: 'uuid' }) municipalityId: string;
  @ApiProperty({ type: MunicipalityRefDto }) municipality: MunicipalityRefDto;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ type: TrajectoryContractRefDto }) contract: TrajectoryContractRefDto;
  @ApiProperty({ format: 'uuid' }) productId: string;
  @ApiProperty({ type: TrajectoryProductRefDto }) product: TrajectoryProductRefDto;
  @ApiProperty({ enum: LEGAL_REGIMES }) legalRegime: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) plannedEndDate: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) endDate: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) pipDate: string | null;
  @ApiProperty({
    format: 'date',
    nullable: true,
    type: String,
    description: "wi2021: end of the 3-year term that starts the day after the learner's first PIP date (over its wi2021 trajectories, so a route switch keeps the term; koers_wi2021_term_end); null for wi2013 or without a PIP date",
  })
  termEndDate: string | null;
  @ApiProperty() contractedHours: number;
  @ApiPropertyOptional({ type: TargetLevelsDto, description: fieldNote('trajectory.targets') }) targetLevels?: Record<string, string>;
  @ApiPropertyOptional({ type: TrajectoryPlanDto, description: `${fieldNote('trajectory.plan')}. Its agreements: ${fieldNote('plan.agreements')}` })
  plan?: TrajectoryPlanDto;
  @ApiPropertyOptional({ type: IntegrationAgreementDto, description: fieldNote('trajectory.integration') }) integrationAgreement?: IntegrationAgreementDto;
  @ApiProperty({ enum: DROPOUT_REASONS, nullable: true, type: String }) dropoutReason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: fieldNote('trajectory.dropoutNote') }) dropoutNote?: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class TrajectoryPageDto {
  @ApiProperty({ type: [TrajectoryViewDto] }) items: TrajectoryViewDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
