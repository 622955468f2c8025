import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../../common/domain/calendar';
import { PageQueryDto } from '../../../common/http/page-query.dto';
import { LINE_KINDS } from '../entities/settlement-line.entity';
import { RUN_STATUSES } from '../entities/settlement-run.entity';

export class CreateSettlementRunDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  municipalityId: string;

  @ApiProperty({ example: '2025-01-01', description: 'First day of the period (inclusive)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2025-03-31', description: 'Last day of the period (inclusive)' })
  @IsCalendarDate()
  to: string;
}

export class SettlementDocumentRequestDto {
  @ApiProperty({ enum: ['xlsx', 'csv', 'ubl'], description: 'xlsx: the sheet (a draft\'s marked CONCEPT); csv: for the ledger; ubl: the e-invoice (final runs only for csv and ubl)' })
  @IsIn(['xlsx', 'csv', 'ubl'])
  format: 'xlsx' | 'csv' | 'ubl';
}

export class SettlementRunQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A municipality user always sees only its own final runs' })
  @IsOptional()
  @IsUUID()
  municipalityId?: string;

  @ApiPropertyOptional({ enum: RUN_STATUSES })
  @IsOptional()
  @IsIn(RUN_STATUSES)
  status?: string;

  @ApiPropertyOptional({ example: '2025-01-01', description: 'Runs whose period ends on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-12-31', description: 'Runs whose period starts on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

export class SettlementLineQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the lines of this product' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @ApiPropertyOptional({ enum: LINE_KINDS, description: 'Only lines of this milestone (correction: the correction lines)' })
  @IsOptional()
  @IsIn(LINE_KINDS)
  milestone?: string;
}

export class MunicipalityRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() cbsCode: string;
  @ApiPropertyOptional({ nullable: true }) debtorNumber: string | null;
}

export class SettlementRunView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: MunicipalityRefView }) municipality: MunicipalityRefView;
  @ApiProperty({ example: '2025-01-01' }) periodFrom: string;
  @ApiProperty({ example: '2025-03-31' }) periodTo: string;
  @ApiProperty({ enum: RUN_STATUSES }) status: string;
  @ApiPropertyOptional({ nullable: true, example: '2025-0001' }) invoiceNumber: string | null;
  @ApiPropertyOptional({ nullable: true, example: '2025-04-02' }) invoiceDate: string | null;
  @ApiProperty() lineCount: number;
  @ApiProperty({ description: 'Sum of the lines, euro cents' }) subtotalCents: number;
  @ApiProperty() vatCents: number;
  @ApiProperty() totalCents: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() computedAt: Date;
  @ApiPropertyOptional({ nullable: true }) finalisedAt: Date | null;
}

export class SettlementRunPageView {
  @ApiProperty({ type: [SettlementRunView] }) items: SettlementRunView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ProductRefView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class CorrectedLineView {
  @ApiProperty({ format: 'uuid' }) lineId: string;
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiPropertyOptional({ nullable: true }) invoiceNumber: string | null;
  @ApiProperty() lineNo: number;
}

export class SettlementLineView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() lineNo: number;
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty() learnerNumber: string;
  @ApiProperty() learnerName: string;
  @ApiProperty({ type: ProductRefView }) product: ProductRefView;
  @ApiProperty({ enum: ['per_trajectory', 'per_attended_hour'] }) billingBasis: string;
  @ApiProperty({ enum: LINE_KINDS, description: 'The milestone, hours, or correction' }) kind: string;
  @ApiProperty({ description: 'The event within its trajectory: the milestone kind or hours:YYYY-MM' }) eventKey: string;
  @ApiProperty({ example: '2025-03-31' }) eventDate: string;
  @ApiPropertyOptional({ nullable: true }) percent: number | null;
  @ApiPropertyOptional({ nullable: true }) minutes: number | null;
  @ApiProperty({ description: 'Euro cents; a credit is negative' }) amountCents: number;
  @ApiProperty() vatRateBasisPoints: number;
  @ApiProperty({ description: 'Dated before the period, billed by no final run yet (nagekomen)' }) late: boolean;
  @ApiProperty({ description: 'How the amount follows from the contract, in Dutch' }) basis: string;
  @ApiPropertyOptional({ type: CorrectedLineView, nullable: true }) corrects: CorrectedLineView | null;
}

export class ProductSubtotalView {
  @ApiProperty({ type: ProductRefView }) product: ProductRefView;
  @ApiProperty() lineCount: number;
  @ApiProperty() subtotalCents: number;
}

export class VatRateView {
  @ApiProperty({ description: '2100 = 21%' }) rateBasisPoints: number;
  @ApiProperty() netCents: number;
  @ApiProperty() vatCents: number;
}

export class SettlementRunDetailView extends SettlementRunView {
  @ApiProperty({ type: [ProductSubtotalView] }) products: ProductSubtotalView[];
  @ApiProperty({ type: [VatRateView] }) vat: VatRateView[];
  @ApiProperty({ type: [SettlementLineView], description: 'The lines, filtered by productId / milestone when given' }) lines: SettlementLineView[];
}
