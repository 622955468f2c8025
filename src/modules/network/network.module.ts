import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
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
  imports: [AssessmentsModule],
  controllers: [TermWorklistController, PartnersController, VolunteersController, ReferralsController, NetworkOverviewController],
  providers: [PartnerRepository, PartnersService, VolunteerRepository, VolunteersService, ReferralRepository, ReferralsService, NetworkOverviewRepository, TermWorklistRepository],
})
export class NetworkModule {}
