import { Learner } from './learner.entity';
export const LearnerEntities = [Learner];
