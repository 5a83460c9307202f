import { decodeInput, tooLarge } from './decode-input';
import { INGEST_LIMITS } from './ingest-limits';
import { pdfText } from './pdf-text';

export interface SourceText {
  text: string;
  /** What the bytes were: `pdf`, or `text/<encoding>`. */
  format: string;
}

const PDF_MAGIC = '%PDF-';

/** A report file's bytes as text: a PDF's rebuilt lines, or decoded text. */
export async function readSource(bytes: Buffer): Promise<SourceText> {
  if (bytes.length > INGEST_LIMITS.maxBytes) throw tooLarge(bytes.length);
  if (bytes.subarray(0, 1024).toString('latin1').includes(PDF_MAGIC)) return { text: await pdfText(bytes), format: 'pdf' };
  const { text, encoding } = decodeInput(bytes);
  return { text, format: `text/${encoding}` };
}
