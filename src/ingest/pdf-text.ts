import { Worker } from 'node:worker_threads';
import { workerScript } from '../database/worker-script';
import { IngestError } from './ingest-error';
import { INGEST_LIMITS, timeoutRefusal } from './ingest-limits';
import type { PdfPages } from './pdf-page-lines';
import type { PdfAnswer } from './pdf-text-worker';

export interface PdfReadLimits {
  /** Overrides INGEST_LIMITS.parseTimeoutMs. */
  timeoutMs?: number;
  /** Overrides INGEST_LIMITS.pdfMemoryMb. */
  memoryMb?: number;
}

/**
 * A PDF report as text, with where each line was printed (pdf-page-lines.ts), read in a worker thread of its
 * own: pdf.js works synchronously for as long as a page takes, so only a
 * thread the ingest can end keeps a hostile PDF from holding the process (and
 * a gateway's answers) for minutes. The worker's heap is capped, and it is
 * ended when the parse deadline passes; either way the PDF is refused.
 */
export function pdfText(bytes: Buffer, limits: PdfReadLimits = {}): Promise<PdfPages> {
  const timeoutMs = limits.timeoutMs ?? INGEST_LIMITS.parseTimeoutMs;
  const memoryMb = limits.memoryMb ?? INGEST_LIMITS.pdfMemoryMb;
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(__dirname, 'pdf-text-worker.js'), { workerData: bytes, resourceLimits: { maxOldGenerationSizeMb: memoryMb } });
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    worker.on('message', (answer: PdfAnswer) => {
      // The clock starts once pdf.js is loaded, as parsing's starts once the text is there.
      if ('reading' in answer) timer = setTimeout(() => settle(() => reject(timeoutRefusal(timeoutMs, "the PDF's text"))), timeoutMs);
      else settle(() => ('pages' in answer ? resolve(answer.pages) : reject(new IngestError(answer.refused.code, answer.refused.message))));
    });
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new IngestError('LIMIT', `reading the PDF needed over ${memoryMb} MB of memory (limit ${memoryMb} MB) and was stopped`) : error)),
    );
    worker.once('exit', (code) => settle(() => reject(new Error(`the PDF reader ended (exit code ${code}) without an answer`))));
  });
}
