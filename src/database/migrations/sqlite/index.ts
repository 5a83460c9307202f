import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { CursorSecret1764100000000 } from './1764100000000-cursor-secret';
import { AgencyLocalName1764000000000 } from '../portable/1764000000000-agency-local-name';
import { ReportCompleteness1763900000000 } from '../portable/1763900000000-report-completeness';
import { CellAddressIndex1764200000000 } from '../portable/1764200000000-cell-address-index';
import { ReportHistory1764300000000 } from './1764300000000-report-history';
import { SourceEncoding1764500000000 } from '../portable/1764500000000-source-encoding';
import { CellPage1764600000000 } from '../portable/1764600000000-cell-page';
import { WarningChecks1764750000000 } from '../portable/1764750000000-warning-checks';

export const SQLITE_MIGRATIONS = [InitialSchema1763800000000, ReportCompleteness1763900000000, AgencyLocalName1764000000000, CursorSecret1764100000000, CellAddressIndex1764200000000, ReportHistory1764300000000, SourceEncoding1764500000000, CellPage1764600000000, WarningChecks1764750000000];
