import { Agency } from '../entities/agency.entity';
import { CheckReview } from '../entities/check-review.entity';
import { CursorSecret } from '../entities/cursor-secret.entity';
import { DataVersion } from '../entities/data-version.entity';
import { IngestBatchItem } from '../entities/ingest-batch-item.entity';
import { IngestBatch } from '../entities/ingest-batch.entity';
import { ReportVersion } from '../entities/report-version.entity';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';

export const ENTITIES = [Agency, Report, Section, TableCell, DataVersion, CursorSecret, ReportVersion, CheckReview, IngestBatch, IngestBatchItem];
