import { DataImport, DataImportRow } from './data-import.entity';
import { DuoExamResult } from './duo-exam-result.entity';
import { NetworkPartner } from './network-partner.entity';
import { ParticipationEntry } from './participation-entry.entity';
import { Referral } from './referral.entity';
import { Volunteer } from './volunteer.entity';
export const NetworkEntities = [NetworkPartner, Volunteer, Referral, ParticipationEntry, DataImport, DataImportRow, DuoExamResult];
