import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { ReportCompleteness1763900000000 } from '../portable/1763900000000-report-completeness';

export const SQLITE_MIGRATIONS = [InitialSchema1763800000000, ReportCompleteness1763900000000];
