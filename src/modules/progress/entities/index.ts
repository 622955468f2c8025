import { PlanRevision } from './plan-revision.entity';
import { ProgressNote } from './progress-note.entity';
export const ProgressEntities = [ProgressNote, PlanRevision];
