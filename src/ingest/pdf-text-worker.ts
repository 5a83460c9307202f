import { parentPort, workerData } from 'node:worker_threads';
import { IngestError, type IngestErrorCode } from './ingest-error';
import { checkInflatedSize } from './pdf-inflated-size';
import { pdfPageLines, type PdfPages } from './pdf-page-lines';

/** What the worker says: that pdf.js is loaded and reading starts, then the PDF's text and places or why it was refused. */
export type PdfAnswer = { reading: true } | { pages: PdfPages } | { refused: { code: IngestErrorCode; message: string } };

/** Reads one PDF's text in a thread the ingest can stop (pdf-text.ts): its bytes come in as the worker's data. */
async function answer(bytes: Uint8Array): Promise<PdfAnswer> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    await checkInflatedSize(buffer);
    return { pages: await pdfPageLines(buffer) };
  } catch (error) {
    if (error instanceof IngestError) return { refused: { code: error.code, message: error.message } };
    throw error;
  }
}

async function run(): Promise<void> {
  await import('pdfjs-dist/legacy/build/pdf.mjs');
  parentPort!.postMessage({ reading: true } satisfies PdfAnswer);
  parentPort!.postMessage(await answer(workerData as Uint8Array));
}

void run();
