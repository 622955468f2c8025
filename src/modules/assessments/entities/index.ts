import { Assessment } from './assessment.entity';
export const AssessmentEntities = [Assessment];
