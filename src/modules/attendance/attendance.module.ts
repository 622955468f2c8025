import { Module } from '@nestjs/common';
import { SignalsModule } from '../signals/signals.module';
import { AdvanceAbsenceController } from './advance-absence.controller';
import { AdvanceAbsenceRepository } from './advance-absence.repository';
import { AdvanceAbsenceService } from './advance-absence.service';
import { AttendanceReportRepository } from './attendance-report.repository';
import { AttendanceViewsController } from './attendance-views.controller';
import { AttendanceViewsService } from './attendance-views.service';
import { MissingRegistersRepository } from './missing-registers.repository';
import { RegisterController } from './register.controller';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';

@Module({
  imports: [SignalsModule],
  controllers: [RegisterController, AdvanceAbsenceController, AttendanceViewsController],
  providers: [RegisterService, AdvanceAbsenceService, AdvanceAbsenceRepository, RegisterRepository, AttendanceViewsService, AttendanceReportRepository, MissingRegistersRepository],
})
export class AttendanceModule {}
