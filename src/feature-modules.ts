import { CertificatesModule } from './modules/certificates/certificates.module';
import { AuthModule } from './modules/auth/auth.module';
import { AttendanceModule } from './modules/attendance/attendance.module';
import { SignalsModule } from './modules/signals/signals.module';
import { StorageModule } from './common/storage/storage.module';
import { PortfolioModule } from './modules/portfolio/portfolio.module';
import { GroupsModule } from './modules/groups/groups.module';
import { AssessmentsModule } from './modules/assessments/assessments.module';
import { ProgressModule } from './modules/progress/progress.module';
import { TrajectoriesModule } from './modules/trajectories/trajectories.module';
import { ContractsModule } from './modules/contracts/contracts.module';
import { ProductsModule } from './modules/products/products.module';
import { MunicipalitiesModule } from './modules/municipalities/municipalities.module';
import { UsersModule } from './modules/users/users.module';
import { LearnersModule } from './modules/learners/learners.module';
import { ReportsModule } from './modules/reports/reports.module';
import { SettlementModule } from './modules/settlement/settlement.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { NetworkModule } from './modules/network/network.module';

/** Feature modules, loaded by both the API and the worker. */
export const FEATURE_MODULES = [StorageModule, PortfolioModule, AuthModule, UsersModule, MunicipalitiesModule, ProductsModule, ContractsModule, LearnersModule, TrajectoriesModule, AssessmentsModule, ProgressModule, GroupsModule, SignalsModule, AttendanceModule, ReportsModule, CertificatesModule, SettlementModule, DocumentsModule, NetworkModule];
