import { InvoiceCounter } from './invoice-counter.entity';
import { SettlementBilling } from './settlement-billing.entity';
import { SettlementLine } from './settlement-line.entity';
import { SettlementRun } from './settlement-run.entity';
export const SettlementEntities = [SettlementRun, SettlementLine, SettlementBilling, InvoiceCounter];
