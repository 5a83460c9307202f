/** What a report file's bytes were, as ingest detects them from the bytes (never from the file name). */
export const SOURCE_FORMATS = ['TEXT', 'MARKDOWN', 'HTML', 'PDF'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** A report's source: its format and, for the text formats, the encoding its bytes were decoded from (null for PDF). */
export interface SourceKind {
  sourceFormat: SourceFormat;
  sourceEncoding: string | null;
}
