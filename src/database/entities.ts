import { AssessmentEntities } from '../modules/assessments/entities';
import { AttendanceEntities } from '../modules/attendance/entities';
import { CertificateEntities } from '../modules/certificates/entities';
import { AuditEntities } from '../modules/audit/entities';
import { ContractEntities } from '../modules/contracts/entities';
import { DocumentEntities } from '../modules/documents/entities';
import { GroupEntities } from '../modules/groups/entities';
import { LearnerEntities } from '../modules/learners/entities';
import { NetworkEntities } from '../modules/network/entities';
import { MunicipalityEntities } from '../modules/municipalities/entities';
import { PortfolioEntities } from '../modules/portfolio/entities';
import { ProductEntities } from '../modules/products/entities';
import { ProgressEntities } from '../modules/progress/entities';
import { SettlementEntities } from '../modules/settlement/entities';
import { SignalEntities } from '../modules/signals/entities';
import { TrajectoryEntities } from '../modules/trajectories/entities';
import { UserEntities } from '../modules/users/entities';

/** Every entity, listed explicitly so jest, the CLI and dist/ load the same set. */
export const ENTITIES = [
  ...MunicipalityEntities,
  ...ProductEntities,
  ...ContractEntities,
  ...UserEntities,
  ...AuditEntities,
  ...LearnerEntities,
  ...TrajectoryEntities,
  ...GroupEntities,
  ...AttendanceEntities,
  ...SignalEntities,
  ...AssessmentEntities,
  ...ProgressEntities,
  ...PortfolioEntities,
  ...CertificateEntities,
  ...SettlementEntities,
  ...DocumentEntities,
  ...NetworkEntities,
];
