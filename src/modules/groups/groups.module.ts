import { Module } from '@nestjs/common';
import { EnrolmentRepository } from './enrolment.repository';
import { EnrolmentsController } from './enrolments.controller';
import { EnrolmentsService } from './enrolments.service';
import { GroupRepository } from './group.repository';
import { GroupsController } from './groups.controller';
import { GroupsService } from './groups.service';
import { LessonRepository } from './lesson.repository';
import { LessonsController } from './lessons.controller';
import { LessonsService } from './lessons.service';

/** Groups ("groepen"), their weekly schedule, generated lessons and enrolments. */
@Module({
  controllers: [GroupsController, LessonsController, EnrolmentsController],
  providers: [GroupRepository, GroupsService, LessonRepository, LessonsService, EnrolmentRepository, EnrolmentsService],
})
export class GroupsModule {}
