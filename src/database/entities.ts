import { Agency } from '../entities/agency.entity';
import { CursorSecret } from '../entities/cursor-secret.entity';
import { DataVersion } from '../entities/data-version.entity';
import { Report } from '../entities/report.entity';
import { Section } from '../entities/section.entity';
import { TableCell } from '../entities/table-cell.entity';

export const ENTITIES = [Agency, Report, Section, TableCell, DataVersion, CursorSecret];
