import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium } from '../../src/documents/chromium';
import { documentShell } from '../../src/documents/document-shell';
import { closePdfBrowser, MAX_CONCURRENT_PRINTS, printPdf, printQueue } from '../../src/documents/print-pdf';
import { ChromiumUnavailableError } from '../../src/errors/chromium-unavailable-error';
import { hasPoppler, pdfInfo, pdfPages, squeezed } from '../helpers/pdf-text';

const READY = hasChromium() && hasPoppler();
if (!READY) process.stdout.write('PDF printing tests skipped: no Chromium or pdftotext (apt-get install chromium poppler-utils fonts-noto-cjk)\n');

/** 80 rows, each a cell of three lines that begins 行NN首 and ends 行NN尾: a row broken across pages puts the two on different pages. */
const ROWS = 80;
function longTable(): string {
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const n = String(i).padStart(2, '0');
    return `<tr><td>行${n}首<br>中间一行<br>行${n}尾</td><td class="num">${i * 7}</td></tr>`;
  });
  return documentShell({ title: '分页测试', body: `<h1>分页测试</h1><table><thead><tr><th>内容</th><th class="num">数值</th></tr></thead><tbody>${rows.join('')}</tbody></table>` });
}

describe.skipIf(!READY)('printPdf through headless Chromium', () => {
  afterAll(closePdfBrowser);

  it('prints A4 pages numbered 第 N 页 / 共 M 页, never breaking a row, the head repeated on each page', async () => {
    const pdf = await printPdf(longTable());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const info = pdfInfo(pdf);
    // A4 is 595.28 × 841.89 pt; Chromium rounds to whole pixels (595.92 × 842.88), which pdfinfo still calls A4.
    const [width, height] = info['Page size']!.split(' x ').map(parseFloat) as [number, number];
    expect(Math.abs(width - 595.28)).toBeLessThan(1);
    expect(Math.abs(height - 841.89)).toBeLessThan(1.5);
    expect(info['Page size']).toMatch(/\(A4\)$/);
    const pages = pdfPages(pdf);
    const total = Number(info.Pages);
    expect(pages).toHaveLength(total);
    expect(total).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(squeezed(page)).toContain(`第${i + 1}页/共${total}页`);
      expect(squeezed(page)).toContain('内容数值');
    });
    for (let i = 0; i < ROWS; i += 1) {
      const n = String(i).padStart(2, '0');
      const first = pages.findIndex((page) => page.includes(`行${n}首`));
      const last = pages.findIndex((page) => page.includes(`行${n}尾`));
      expect(first, `row ${n}`).toBeGreaterThanOrEqual(0);
      expect(last, `row ${n} ends on the page it begins on`).toBe(first);
    }
  });

  it('prints several documents asked at once, each its own, at most MAX_CONCURRENT_PRINTS at a time', async () => {
    const names = ['甲单位', '乙单位', '丙单位', '丁单位', '戊单位'];
    const seen: { printing: number; waiting: number }[] = [];
    const watch = setInterval(() => seen.push(printQueue()), 5);
    const pdfs = await Promise.all(names.map((name) => printPdf(documentShell({ title: name, body: `<p>${name} 2024</p>` })))).finally(() => clearInterval(watch));
    expect(Math.max(...seen.map((q) => q.printing))).toBe(MAX_CONCURRENT_PRINTS);
    expect(Math.max(...seen.map((q) => q.waiting))).toBe(names.length - MAX_CONCURRENT_PRINTS);
    expect(MAX_CONCURRENT_PRINTS).toBe(2);
    expect(printQueue()).toEqual({ printing: 0, waiting: 0 });
    pdfs.forEach((pdf, i) => {
      const text = squeezed(pdfPages(pdf).join(''));
      expect(text).toContain(`${names[i]}2024`);
      for (const other of names.filter((_, j) => j !== i)) expect(text).not.toContain(other);
    });
  });

  it('prints the same document again on the Chromium it started', async () => {
    const pages = pdfPages(await printPdf(documentShell({ title: '再印', body: '<p>洪泽区人民政府 2024</p>' })));
    expect(pages).toHaveLength(1);
    expect(squeezed(pages[0]!)).toContain('洪泽区人民政府2024');
    expect(squeezed(pages[0]!)).toContain('第1页/共1页');
  });
});

describe('printPdf without Chromium', () => {
  it('throws ChromiumUnavailableError saying what to install', async () => {
    await closePdfBrowser();
    const saved = process.env.NIANBAO_CHROMIUM;
    process.env.NIANBAO_CHROMIUM = '/nonexistent/chromium';
    try {
      const error = await printPdf('<p>x</p>').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChromiumUnavailableError);
      expect((error as Error).message).toBe(
        'PDF needs Chromium and there is none at /nonexistent/chromium: install it with `apt-get install chromium fonts-noto-cjk` (Debian), or set NIANBAO_CHROMIUM to a Chromium executable',
      );
    } finally {
      if (saved === undefined) delete process.env.NIANBAO_CHROMIUM;
      else process.env.NIANBAO_CHROMIUM = saved;
    }
  });
});
