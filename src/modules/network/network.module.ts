import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { DocumentsModule } from '../documents/documents.module';
import { LearnersModule } from '../learners/learners.module';
import { StorageModule } from '../../common/storage/storage.module';
import { DuoHoursGenerator } from './exports/duo-hours.generator';
import { DuoHoursRepository } from './exports/duo-hours.repository';
import { ExportsController } from './exports/exports.controller';
import { ExamImportService } from './imports/exam-import.service';
import { ImportDryRunGenerator } from './imports/import-dry-run.generator';
import { ImportRepository } from './imports/import.repository';
import { ImportsController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { LearnerImportService } from './imports/learner-import.service';
import { NetworkOverviewController } from './network-overview.controller';
import { NetworkOverviewRepository } from './network-overview.repository';
import { PartnerRepository } from './partner.repository';
import { PartnersController } from './partners.controller';
import { PartnersService } from './partners.service';
import { ReferralRepository } from './referral.repository';
import { ReferralsController } from './referrals.controller';
import { ReferralsService } from './referrals.service';
import { TermWorklistController } from './term-worklist.controller';
import { TermWorklistRepository } from './term-worklist.repository';
import { VolunteerRepository } from './volunteer.repository';
import { VolunteersController } from './volunteers.controller';
import { VolunteersService } from './volunteers.service';

/** Partners, volunteers and referrals (DOMAIN.md "Network"). */
@Module({
  imports: [AssessmentsModule, DocumentsModule, LearnersModule, StorageModule],
  controllers: [ImportsController, ExportsController, TermWorklistController, PartnersController, VolunteersController, ReferralsController, NetworkOverviewController],
  providers: [PartnerRepository, PartnersService, VolunteerRepository, VolunteersService, ReferralRepository, ReferralsService, NetworkOverviewRepository,
    TermWorklistRepository,
    ImportRepository,
    ImportsService,
    LearnerImportService,
    ExamImportService,
    ImportDryRunGenerator,
    DuoHoursRepository,
    DuoHoursGenerator,
  ],
})
export class NetworkModule {}
