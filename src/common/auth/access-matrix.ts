import { Role } from '../domain/vocabulary';

/**
 * Who may call which operation: DOMAIN.md "Who sees what" as one table, every operation of the OpenAPI document
 * (method and path as the document spells them) × the six roles, in the order of ACCESS_ROLES:
 *   A  allowed, on every record
 *   S  allowed in scope: the caller's records only (municipality, teacher, learner scope); others answer 404
 *   F  forbidden for the role: 403
 *   N  the role never learns whether a record exists: 404
 * PUBLIC operations need no login. The auth guard enforces this table (a route missing from it falls back to its
 * @Roles); test/security-role-matrix.e2e-spec.ts walks it against the running API and fails for an operation of the
 * document missing here. A new operation: add its row, e.g. `'GET /api/v1/things/{id}': 'AASAFF',`.
 * Which fields of an answer each role gets is the field rule next to it, src/common/auth/field-visibility.ts.
 */
export const ACCESS_ROLES: readonly Role[] = ['admin', 'coordinator', 'teacher', 'finance', 'municipality', 'learner'];

export type Access = 'A' | 'S' | 'F' | 'N';
export const PUBLIC = 'PUBLIC' as const;
type Cells = `${Access}${Access}${Access}${Access}${Access}${Access}`;

//                                                                   admin, coordinator, teacher, finance, municipality, learner
export const ACCESS_MATRIX: Record<string, Cells | typeof PUBLIC> = {
  'DELETE /api/v1/assessments/{id}':                                'AAFFFF', // AssessmentsController.remove
  'DELETE /api/v1/evidence/{id}':                                   'AAFFFS', // PortfolioEvidenceController.remove
  'DELETE /api/v1/lessons/{id}/advance-absence/{learnerId}':        'AAFFFS', // AdvanceAbsenceController.withdraw
  'DELETE /api/v1/partners/{id}':                                   'AAFFFF', // PartnersController.remove
  'DELETE /api/v1/referrals/{id}/hours/{entryId}':                  'AAFFFF', // ReferralsController.removeHours
  'DELETE /api/v1/settlement-runs/{id}':                            'AFFAFF', // SettlementRunsController.discard
  'DELETE /api/v1/volunteers/{id}':                                 'AAFFFF', // VolunteersController.remove
  'GET /api/v1/assessments/{id}':                                   'AASASS', // AssessmentsController.get
  'GET /api/v1/attendance/missing-registers':                       'AAFFFF', // AttendanceViewsController.missingRegisters
  'GET /api/v1/audit-events':                                       'AFFFFF', // AuditController.list
  'GET /api/v1/auth/me':                                            'AASASS', // AuthController.me
  'GET /api/v1/certificates':                                       'AASFSS', // CertificatesController.list
  'GET /api/v1/certificates/{id}':                                  'AASFSS', // CertificatesController.get
  'GET /api/v1/contracts':                                          'AAFASF', // ContractsController.list
  'GET /api/v1/contracts/{id}':                                     'AAFASF', // ContractsController.get
  'GET /api/v1/documents':                                          'AASASS', // DocumentsController.list
  'GET /api/v1/documents/{id}':                                     'AASASS', // DocumentsController.get
  'GET /api/v1/documents/{id}/download':                            'AASASS', // DocumentsController.download
  'GET /api/v1/documents/{id}/events':                              'AASASS', // DocumentsController.stream
  'GET /api/v1/evidence/{id}/download':                             'AASFFS', // PortfolioEvidenceController.download
  'GET /api/v1/groups':                                             'AASASS', // GroupsController.list
  'GET /api/v1/groups/teachers':                                    'AAFFFF', // GroupsController.teachers
  'GET /api/v1/groups/{id}':                                        'AASASS', // GroupsController.get
  'GET /api/v1/groups/{id}/attendance-grid':                        'AASFFF', // AttendanceViewsController.grid
  'GET /api/v1/groups/{id}/enrolments':                             'AASASS', // EnrolmentsController.list
  'GET /health':                                                    PUBLIC, // HealthController.live
  'GET /health/ready':                                              PUBLIC, // HealthController.ready
  'GET /api/v1/learners':                                           'AASASS', // LearnersController.list
  'GET /api/v1/learners/{id}':                                      'AASASS', // LearnersController.get
  'GET /api/v1/learners/{id}/advance-absences':                     'AASFFS', // AdvanceAbsenceController.upcoming
  'GET /api/v1/learners/{learnerId}/assessments':                   'AASASS', // AssessmentsController.list
  'GET /api/v1/learners/{learnerId}/levels':                        'AASASS', // LevelsController.get
  'GET /api/v1/lessons':                                            'AASASS', // LessonsController.list
  'GET /api/v1/lessons/filter-options':                             'AAAFFF', // LessonsController.filterOptions
  'GET /api/v1/lessons/{id}':                                       'AASASS', // LessonsController.get
  'GET /api/v1/lessons/{id}/register':                              'AASFFF', // RegisterController.get
  'GET /api/v1/municipalities':                                     'AASASF', // MunicipalitiesController.list
  'GET /api/v1/municipalities/{id}':                                'AASASF', // MunicipalitiesController.get
  'GET /api/v1/municipalities/{id}/network':                        'AAFFSF', // NetworkOverviewController.get
  'GET /api/v1/partners':                                           'AASFSF', // PartnersController.list
  'GET /api/v1/partners/{id}':                                      'AASFSF', // PartnersController.get
  'GET /api/v1/portfolio-items/{id}':                               'AASFFS', // PortfolioItemsController.get
  'GET /api/v1/portfolio-items/{id}/evidence':                      'AASFFS', // PortfolioEvidenceController.list
  'GET /api/v1/products':                                           'AASASS', // ProductsController.list
  'GET /api/v1/products/{id}':                                      'AASASS', // ProductsController.get
  'GET /api/v1/referrals/{id}':                                     'AASFSS', // ReferralsController.get
  'GET /api/v1/referrals/{id}/hours':                               'AASFSS', // ReferralsController.hours
  'GET /api/v1/reports/spil':                                       'AAFFSF', // SpilReportController.report
  'GET /api/v1/settlement-runs':                                    'AAFASF', // SettlementRunsController.list
  'GET /api/v1/settlement-runs/{id}':                               'AAFASF', // SettlementRunsController.get
  'GET /api/v1/signals':                                            'AASFSF', // SignalsController.list
  'GET /api/v1/signals/{id}':                                       'AASFSF', // SignalsController.get
  'GET /api/v1/trajectories':                                       'AASASS', // TrajectoriesController.list
  'GET /api/v1/trajectories/term-worklist':                         'AAFFFF', // TermWorklistController.list
  'GET /api/v1/trajectories/{id}':                                  'AASASS', // TrajectoriesController.get
  'GET /api/v1/trajectories/{id}/attendance':                       'AASASS', // AttendanceViewsController.trajectory
  'GET /api/v1/trajectories/{id}/referrals':                        'AASFSS', // ReferralsController.list
  'GET /api/v1/trajectories/{id}/settlement':                       'AAFASF', // TrajectorySettlementController.get
  'GET /api/v1/trajectories/{trajectoryId}/plan':                   'AASFSS', // TrajectoryPlanController.get
  'GET /api/v1/trajectories/{trajectoryId}/plan/history':           'AASFSS', // TrajectoryPlanController.history
  'GET /api/v1/trajectories/{trajectoryId}/portfolio':              'AASFFS', // PortfolioItemsController.list
  'GET /api/v1/trajectories/{trajectoryId}/portfolio/completeness': 'AASFSS', // PortfolioItemsController.completeness
  'GET /api/v1/trajectories/{trajectoryId}/progress-notes':         'AASFFS', // ProgressNotesController.list
  'GET /api/v1/users':                                              'AFFFFF', // UsersController.list
  'GET /api/v1/users/{id}':                                         'AFFFFF', // UsersController.get
  'GET /api/v1/volunteers':                                         'AAFFSF', // VolunteersController.list
  'GET /api/v1/volunteers/{id}':                                    'AAFFSF', // VolunteersController.get
  'PATCH /api/v1/contracts/{id}':                                   'AFFAFF', // ContractsController.update
  'PATCH /api/v1/enrolments/{id}':                                  'AAFFFF', // EnrolmentsController.end
  'PATCH /api/v1/groups/{id}':                                      'AAFFFF', // GroupsController.update
  'PATCH /api/v1/learners/{id}':                                    'AAFFFF', // LearnersController.update
  'PATCH /api/v1/lessons/{id}':                                     'AAFFFF', // LessonsController.update
  'PATCH /api/v1/municipalities/{id}':                              'AFFFFF', // MunicipalitiesController.update
  'PATCH /api/v1/partners/{id}':                                    'AAFFFF', // PartnersController.update
  'PATCH /api/v1/portfolio-items/{id}':                             'AAFFFS', // PortfolioItemsController.update
  'PATCH /api/v1/products/{id}':                                    'AFFFFF', // ProductsController.update
  'PATCH /api/v1/progress-notes/{id}':                              'AASFFF', // ProgressNotesController.update
  'PATCH /api/v1/referrals/{id}/hours/{entryId}':                   'AAFFFF', // ReferralsController.updateHours
  'PATCH /api/v1/trajectories/{id}':                                'AAFFFF', // TrajectoriesController.update
  'PATCH /api/v1/users/{id}':                                       'AFFFFF', // UsersController.update
  'PATCH /api/v1/volunteers/{id}':                                  'AAFFFF', // VolunteersController.update
  'POST /api/v1/auth/login':                                        PUBLIC, // AuthController.login
  'POST /api/v1/certificates':                                      'AASFFF', // CertificatesController.issue
  'POST /api/v1/certificates/{id}/regenerate':                      'AASFFF', // CertificatesController.regenerate
  'POST /api/v1/certificates/{id}/revoke':                          'AAFFFF', // CertificatesController.revoke
  'POST /api/v1/contracts':                                         'AFFAFF', // ContractsController.create
  'POST /api/v1/documents':                                         'AASASS', // DocumentsController.request
  'POST /api/v1/groups':                                            'AAFFFF', // GroupsController.create
  'POST /api/v1/groups/{id}/certificates':                          'AASFFF', // CertificatesController.issueForGroup
  'POST /api/v1/groups/{id}/enrolments':                            'AAFFFF', // EnrolmentsController.create
  'POST /api/v1/groups/{id}/lessons/generate':                      'AAFFFF', // LessonsController.generate
  'POST /api/v1/learners':                                          'AAFFFF', // LearnersController.create
  'POST /api/v1/learners/lookup-by-bsn':                            'AAFFFF', // LearnerBsnController.lookup
  'POST /api/v1/learners/{id}/bsn/reveal':                          'AAFFFF', // LearnerBsnController.reveal
  'POST /api/v1/learners/{learnerId}/assessments':                  'AASFFF', // AssessmentsController.create
  'POST /api/v1/lessons/{id}/advance-absence':                      'AAFFFS', // AdvanceAbsenceController.advanceAbsence
  'POST /api/v1/lessons/{id}/cancel':                               'AASFFF', // LessonsController.cancel
  'POST /api/v1/lessons/{id}/reinstate':                            'AAFFFF', // LessonsController.reinstate
  'POST /api/v1/municipalities':                                    'AFFFFF', // MunicipalitiesController.create
  'POST /api/v1/partners':                                          'AAFFFF', // PartnersController.create
  'POST /api/v1/portfolio-items/{id}/evidence':                     'AAFFFS', // PortfolioEvidenceController.upload
  'POST /api/v1/portfolio-items/{id}/review':                       'AASFFF', // PortfolioItemsController.reviewItem
  'POST /api/v1/portfolio-items/{id}/submit':                       'AAFFFS', // PortfolioItemsController.submit
  'POST /api/v1/products':                                          'AFFFFF', // ProductsController.create
  'POST /api/v1/referrals/{id}/end':                                'AAFFFF', // ReferralsController.end
  'POST /api/v1/referrals/{id}/first-contact':                      'AAFFFF', // ReferralsController.firstContact
  'POST /api/v1/referrals/{id}/hours':                              'AAFFFF', // ReferralsController.addHours
  'POST /api/v1/referrals/{id}/not-started':                        'AAFFFF', // ReferralsController.notStarted
  'POST /api/v1/referrals/{id}/participating':                      'AAFFFF', // ReferralsController.participating
  'POST /api/v1/reports/spil/exports':                              'AAFFSF', // SpilReportController.exports
  'POST /api/v1/reports/spil/pdf':                                  'AAFFSF', // SpilReportController.pdf
  'POST /api/v1/settlement-runs':                                   'AFFAFF', // SettlementRunsController.create
  'POST /api/v1/settlement-runs/{id}/finalise':                     'AFFAFF', // SettlementRunsController.finalise
  'POST /api/v1/settlement-runs/{id}/recompute':                    'AFFAFF', // SettlementRunsController.recompute
  'POST /api/v1/signals/{id}/close':                                'AAFFFF', // SignalsController.close
  'POST /api/v1/signals/{id}/report':                               'AAFFFF', // SignalsController.report
  'POST /api/v1/signals/{id}/start':                                'AAFFFF', // SignalsController.start
  'POST /api/v1/signals/{id}/withdraw':                             'AAFFFF', // SignalsController.withdraw
  'POST /api/v1/trajectories':                                      'AAFFFF', // TrajectoriesController.create
  'POST /api/v1/trajectories/{id}/activate':                        'AAFFFF', // TrajectoryTransitionsController.activate
  'POST /api/v1/trajectories/{id}/complete':                        'AAFFFF', // TrajectoryTransitionsController.complete
  'POST /api/v1/trajectories/{id}/drop-out':                        'AAFFFF', // TrajectoryTransitionsController.dropOut
  'POST /api/v1/trajectories/{id}/referrals':                       'AAFFFF', // ReferralsController.create
  'POST /api/v1/trajectories/{id}/resume':                          'AAFFFF', // TrajectoryTransitionsController.resume
  'POST /api/v1/trajectories/{id}/suspend':                         'AAFFFF', // TrajectoryTransitionsController.suspend
  'POST /api/v1/trajectories/{trajectoryId}/portfolio':             'AAFFFS', // PortfolioItemsController.create
  'POST /api/v1/trajectories/{trajectoryId}/progress-notes':        'AASFFF', // ProgressNotesController.create
  'POST /api/v1/users':                                             'AFFFFF', // UsersController.create
  'POST /api/v1/volunteers':                                        'AAFFFF', // VolunteersController.create
  'PUT /api/v1/lessons/{id}/register':                              'AASFFF', // RegisterController.save
  'PUT /api/v1/trajectories/{trajectoryId}/plan':                   'AASFFF', // TrajectoryPlanController.update
  'DELETE /api/v1/admin/queue-board/session':                     'AFFFFF', // QueueBoardController
  'POST /api/v1/admin/queue-board/session':                       'AFFFFF', // QueueBoardController
  'GET /api/v1/imports':                                          'AAFFSF', // ImportsController.list
  'GET /api/v1/imports/{id}':                                     'AAFFSF', // ImportsController.get
  'POST /api/v1/imports/learners':                                'AAFFFF', // ImportsController
  'POST /api/v1/imports/exam-results':                            'AAFFFF', // ImportsController
  'POST /api/v1/imports/{id}/commit':                             'AAFFFF', // ImportsController.commit
  'POST /api/v1/exports/duo-hours':                               'AAFFSF', // ExportsController.duoHours
  'POST /api/v1/settlement-runs/{id}/documents':                  'AFFASF', // SettlementRunsController.documents
  'POST /api/v1/certificates/{id}/document':                      'AASFSS', // CertificatesController.document
};

/** The role's access to an operation; undefined when the operation is not in the table. */
export function accessOf(operation: string, role: Role): Access | typeof PUBLIC | undefined {
  const row = ACCESS_MATRIX[operation];
  if (row === undefined || row === PUBLIC) return row;
  const i = ACCESS_ROLES.indexOf(role);
  return i < 0 ? 'F' : (row[i] as Access);
}

/** Fastify's route pattern (`/api/v1/learners/:id`) as the OpenAPI document spells it (`/api/v1/learners/{id}`). */
export function operationKey(method: string, routeUrl: string): string {
  return `${method.toUpperCase()} ${routeUrl.replace(/:(\w+)/g, '{$1}')}`;
}
