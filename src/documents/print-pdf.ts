import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';

/** 第 N 页 / 共 M 页 at the foot of every page; Chromium fills the pageNumber and totalPages spans. */
const FOOTER_TEMPLATE =
  '<div style="width:100%;text-align:center;font-size:9px;color:#555;font-family:\'Noto Sans CJK SC\',\'Noto Sans SC\',sans-serif">' +
  '第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页</div>';

/** The document shell's @page margins; the bottom one holds the footer. */
const MARGIN = { top: '16mm', right: '14mm', bottom: '18mm', left: '14mm' };

let browser: Promise<Browser> | undefined;

/** One Chromium per process, started by the first PDF and reused; a crashed one is started again. */
function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    const launching = launchChromium();
    browser = launching;
    launching.then(
      (started) => started.on('disconnected', () => void (browser === launching && (browser = undefined))),
      () => void (browser === launching && (browser = undefined)),
    );
  }
  return browser;
}

/**
 * Starts Chromium now, while the caller builds the HTML, so that a command's PDF
 * does not wait for it afterwards. A failure is not reported here: printPdf meets it again.
 */
export function startPdfBrowser(): void {
  sharedBrowser().catch(() => undefined);
}

/** Prints at a time: each print keeps a Chromium renderer busy for a second or more, so more only queue inside Chromium and use its memory. */
export const MAX_CONCURRENT_PRINTS = 2;
let printing = 0;
const waiting: (() => void)[] = [];

/** Prints running and prints waiting for a slot. */
export function printQueue(): { printing: number; waiting: number } {
  return { printing, waiting: waiting.length };
}

async function takePrintSlot(): Promise<void> {
  if (printing < MAX_CONCURRENT_PRINTS) {
    printing += 1;
    return;
  }
  // The slot passes straight from the print that ends to this one (releasePrintSlot keeps the count).
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function releasePrintSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else printing -= 1;
}

/** Prints a self-contained HTML document to an A4 PDF with page numbers. Throws ChromiumUnavailableError without Chromium. */
export async function printPdf(html: string): Promise<Buffer> {
  await takePrintSlot();
  try {
    return await printOnSharedBrowser(html);
  } finally {
    releasePrintSlot();
  }
}

async function printOnSharedBrowser(html: string): Promise<Buffer> {
  // No scripts and no network: the document carries everything it shows.
  const context = await (await sharedBrowser()).newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER_TEMPLATE,
      margin: MARGIN,
    });
  } finally {
    await context.close();
  }
}

/** Closes the shared Chromium, if one was started (a CLI run's end, the gateway's shutdown). */
export async function closePdfBrowser(): Promise<void> {
  const started = browser;
  browser = undefined;
  if (started) await started.then((b) => b.close(), () => undefined);
}
