import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class EventBillingView {
  @ApiProperty({ format: 'uuid' }) runId: string;
  @ApiPropertyOptional({ nullable: true }) invoiceNumber: string | null;
  @ApiProperty() lineNo: number;
  @ApiProperty({ enum: ['start', 'halfway', 'completion', 'exam_bonus', 'dropout', 'hours', 'correction'] }) kind: string;
  @ApiProperty() amountCents: number;
}

export class TrajectoryEventView {
  @ApiProperty() kind: string;
  @ApiProperty() eventKey: string;
  @ApiPropertyOptional({ nullable: true, description: 'null: billed before but no longer occurs' }) eventDate: string | null;
  @ApiPropertyOptional({ nullable: true }) percent: number | null;
  @ApiPropertyOptional({ nullable: true }) minutes: number | null;
  @ApiProperty({ description: 'What the event bills now, euro cents' }) amountCents: number;
  @ApiProperty({ description: 'What final runs billed for it (corrections included)' }) billedCents: number;
  @ApiProperty({ description: 'amountCents − billedCents: the next run bills or corrects this' }) openCents: number;
  @ApiProperty({ type: [EventBillingView] }) billings: EventBillingView[];
}

export class TrajectorySettlementView {
  @ApiProperty({ format: 'uuid' }) trajectoryId: string;
  @ApiProperty() status: string;
  @ApiProperty({ enum: ['per_trajectory', 'per_attended_hour'], nullable: true }) billingBasis: string | null;
  @ApiProperty() priceCents: number;
  @ApiProperty() hourlyRateCents: number;
  @ApiProperty() contractedHours: number;
  @ApiProperty({ type: [TrajectoryEventView] }) events: TrajectoryEventView[];
  @ApiProperty() amountCents: number;
  @ApiProperty() billedCents: number;
}
