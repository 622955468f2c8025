import { Module } from '@nestjs/common';
import { SignalsModule } from '../signals/signals.module';
import { AttendanceReportRepository } from './attendance-report.repository';
import { AttendanceViewsController } from './attendance-views.controller';
import { AttendanceViewsService } from './attendance-views.service';
import { MissingRegistersRepository } from './missing-registers.repository';
import { RegisterController } from './register.controller';
import { RegisterRepository } from './register.repository';
import { RegisterService } from './register.service';

@Module({
  imports: [SignalsModule],
  controllers: [RegisterController, AttendanceViewsController],
  providers: [RegisterService, RegisterRepository, AttendanceViewsService, AttendanceReportRepository, MissingRegistersRepository],
})
export class AttendanceModule {}
