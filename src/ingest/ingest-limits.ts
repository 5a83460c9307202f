import { IngestError } from './ingest-error';
import type { SourceLine } from './parsed-report.types';

/** What one report file may hold; real reports are well under every figure. */
export const INGEST_LIMITS = {
  /** A report's text is tens of kilobytes; a scanned-and-converted one a few megabytes. */
  maxBytes: 20 * 1024 * 1024,
  maxLines: 50_000,
  /** A Word paragraph converted to one line runs to a few thousand characters. */
  maxLineLength: 20_000,
  /** Lines between a table's part heading and the next part (cells one per line included). */
  maxTableLines: 3_000,
  /** Pages of a PDF: real reports have 5 to 40. */
  maxPdfPages: 200,
  /**
   * Bytes a PDF's streams decode to, all together: a real report's fonts and
   * pages come to 1 or 2 MB; a deflated stream can inflate a thousandfold.
   */
  maxPdfInflatedBytes: 64 * 1024 * 1024,
  /** The heap of the thread that reads a PDF's text, in MB: real reports need under 50. */
  pdfMemoryMb: 256,
  /** Elements open at once in an HTML page: a government page nests a few dozen deep. */
  maxHtmlDepth: 500,
  /** Parsing is linear within the limits above; this stops it if that ever stops being true. */
  parseTimeoutMs: 5_000,
} as const;

export function tooLarge(size: number): IngestError {
  return new IngestError('TOO_LARGE', `file is ${size} bytes, over the ${INGEST_LIMITS.maxBytes}-byte limit`);
}

/** Refuses text with too many lines or a line too long, naming the line. */
export function checkTextLimits(lines: readonly SourceLine[]): void {
  if (lines.length > INGEST_LIMITS.maxLines) {
    throw new IngestError('LIMIT', `the text has ${lines.length} lines, over the limit of ${INGEST_LIMITS.maxLines}`);
  }
  const long = lines.find((line) => line.text.length > INGEST_LIMITS.maxLineLength);
  if (long) throw new IngestError('LIMIT', `line ${long.number} is ${long.text.length} characters long, over the limit of ${INGEST_LIMITS.maxLineLength}`);
}

/** Refuses a table part that runs on for longer than any real table. */
export function checkTableLimits(partLines: ReadonlyMap<string, readonly SourceLine[]>, tableParts: readonly string[]): void {
  for (const part of tableParts) {
    const lines = partLines.get(part);
    if (!lines || lines.length <= INGEST_LIMITS.maxTableLines) continue;
    throw new IngestError('LIMIT', `part ${part} (a table) runs for ${lines.length} lines from line ${lines[0]!.number}, over the limit of ${INGEST_LIMITS.maxTableLines}`);
  }
}

/** A clock for one parse: `check` refuses the file once the time is up, naming the stage it stopped in. */
export function parseDeadline(timeoutMs: number = INGEST_LIMITS.parseTimeoutMs): (stage: string) => void {
  const endsAt = Date.now() + timeoutMs;
  return (stage) => {
    if (Date.now() >= endsAt) throw timeoutRefusal(timeoutMs, stage);
  };
}

export function timeoutRefusal(timeoutMs: number, stage: string): IngestError {
  return new IngestError('TIMEOUT', `reading took over ${timeoutMs} ms and was stopped (while reading ${stage})`);
}
