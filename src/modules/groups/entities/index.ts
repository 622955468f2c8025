import { CourseGroup } from './course-group.entity';
import { Enrolment } from './enrolment.entity';
import { GroupTeacher } from './group-teacher.entity';
import { Lesson } from './lesson.entity';
import { ScheduleSlot } from './schedule-slot.entity';
export const GroupEntities = [CourseGroup, GroupTeacher, ScheduleSlot, Lesson, Enrolment];
