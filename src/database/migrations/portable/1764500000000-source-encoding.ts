import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SOURCE_FORMATS, type SourceKind } from '../../../entities/source-format.types';

const TABLES = ['report', 'report_version'] as const;

/**
 * `source_format` held the format and the encoding in one text (`pdf`,
 * `text/utf-8`, `html/gb18030`): now the format (TEXT, MARKDOWN, HTML, PDF)
 * and, in `source_encoding`, the encoding (null for PDF). Portable SQL: SQLite
 * and PostgreSQL run it alike; one UPDATE per distinct stored text.
 */
export class SourceEncoding1764500000000 implements MigrationInterface {
  name = 'SourceEncoding1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const p = placeholders(queryRunner);
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE "${table}" ADD COLUMN "source_encoding" varchar(16)`);
      const stored: { source_format: string }[] = await queryRunner.query(`SELECT DISTINCT "source_format" FROM "${table}"`);
      for (const { source_format: text } of stored) {
        const { sourceFormat, sourceEncoding } = splitSourceText(text, table);
        await queryRunner.query(`UPDATE "${table}" SET "source_format" = ${p(1)}, "source_encoding" = ${p(2)} WHERE "source_format" = ${p(3)}`, [sourceFormat, sourceEncoding, text]);
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`UPDATE "${table}" SET "source_format" = LOWER("source_format") || COALESCE('/' || "source_encoding", '')`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "source_encoding"`);
    }
  }
}

/** `pdf` → PDF; `text/utf-8` → TEXT, utf-8 (and html/…, markdown/… alike). */
function splitSourceText(text: string, table: string): SourceKind {
  const [format, encoding] = text.split('/') as [string, string | undefined];
  const sourceFormat = SOURCE_FORMATS.find((known) => known === format.toUpperCase());
  if (sourceFormat === undefined || (sourceFormat === 'PDF') !== (encoding === undefined)) throw new Error(`${table}.source_format "${text}": not a source this release wrote`);
  return { sourceFormat, sourceEncoding: encoding ?? null };
}

function placeholders(queryRunner: QueryRunner): (n: number) => string {
  return queryRunner.connection.options.type === 'postgres' ? (n) => `$${n}` : () => '?';
}
