// @ts-check
/* Short names for the API's answers, from api-types.d.ts (generated: `npm run web:types`). Pages cast what api()
   returns to one of these, so tsc --checkJs refuses a field the API does not have. */
/** @typedef {import('./api-types').components['schemas']} Schemas */
/** @template T @typedef {{ items: T[], total: number, page: number, pageSize: number }} Page */
/** @typedef {Schemas['LearnerViewDto']} Learner */
/** @typedef {Schemas['LearnerPageDto']} LearnerPage */
/** @typedef {Schemas['LearnerLevelsDto']} LearnerLevels */
/** @typedef {Schemas['SkillLevelDto']} SkillLevel */
/** @typedef {Schemas['TrajectoryViewDto']} Trajectory */
/** @typedef {Schemas['TrajectoryPageDto']} TrajectoryPage */
/** @typedef {Schemas['TrajectoryAttendanceDto']} TrajectoryAttendance */
/** @typedef {Schemas['LessonView']} Lesson */
/** @typedef {Schemas['RegisterViewDto']} RegisterView */
/** @typedef {Schemas['RegisterLineDto']} RegisterLine */
/** @typedef {Schemas['SavedRegisterDto']} SavedRegister */
/** @typedef {Schemas['SignalViewDto']} Signal */
/** @typedef {Schemas['SignalPageDto']} SignalPage */
/** @typedef {Schemas['MissingRegisterGroupDto']} MissingRegisterGroup */
/** @typedef {Schemas['LoginResultDto']} LoginResult */
/** @typedef {Schemas['Municipality']} Municipality */
/** @typedef {Schemas['RevealedBsnDto']} RevealedBsn */
/** @typedef {Schemas['ProblemDto']} Problem */
/** @typedef {Schemas['DocumentView']} DocumentView */
/** @typedef {Schemas['DocumentPageView']} DocumentPage */
export {};
