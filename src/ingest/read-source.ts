import type { SourceKind } from '../entities/source-format.types';
import { joinCellLines } from './cell-lines';
import { decodeInput } from './decode-input';
import { delimitedText } from './delimited-text';
import { htmlText } from './html-text';
import { INGEST_LIMITS, tooLarge } from './ingest-limits';
import { isMarkdown, markdownText } from './markdown-text';
import { withoutPageClutter } from './page-clutter';
import type { PdfLinePlace } from './pdf-page-lines';
import { pdfText, type PdfReadLimits } from './pdf-text';

export interface SourceText extends SourceKind {
  text: string;
  /** A PDF's lines: where each was printed, line by line (other formats have no pages). */
  places?: PdfLinePlace[];
}

const PDF_MAGIC = '%PDF-';
const HTML_START = /^\s*(<!doctype html|<html|<head|<body|<meta|<table|<div|<p[\s>])/i;

/** A report file's bytes as text in the shape the parser reads, whatever the format: detected, never taken from the file name. */
export async function readSource(bytes: Buffer, pdfLimits: PdfReadLimits = {}): Promise<SourceText> {
  if (bytes.length > INGEST_LIMITS.maxBytes) throw tooLarge(bytes.length);
  if (bytes.subarray(0, 1024).toString('latin1').includes(PDF_MAGIC)) return { ...(await pdfText(bytes, pdfLimits)), sourceFormat: 'PDF', sourceEncoding: null };
  const { text, encoding } = decodeInput(bytes);
  if (HTML_START.test(text.slice(0, 4096)) || /<table[\s>]/i.test(text.slice(0, 200_000))) return { text: joinCellLines(htmlText(text)), sourceFormat: 'HTML', sourceEncoding: encoding };
  if (isMarkdown(text)) return { text: joinCellLines(withoutPageClutter(markdownText(text))), sourceFormat: 'MARKDOWN', sourceEncoding: encoding };
  return { text: joinCellLines(delimitedText(withoutPageClutter(text))), sourceFormat: 'TEXT', sourceEncoding: encoding };
}
