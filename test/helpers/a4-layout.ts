import type { Browser } from 'playwright-core';

/** A4 is 210 mm wide; less the document's 14 mm side margins, at 96 CSS px per inch. */
export const A4_CONTENT_WIDTH_PX = Math.floor(((210 - 2 * 14) / 25.4) * 96);
const A4_HEIGHT_PX = Math.round((297 / 25.4) * 96);

export interface A4Layout {
  scrollWidth: number;
  clientWidth: number;
  /** Elements whose right edge passes the content width: tag, class and the start of their text. */
  overflowing: string[];
  /** How many tables, svgs and figures the page holds (a check that there was something to measure). */
  measured: { tables: number; svgs: number; figures: number };
}

// Runs in the page (the tests compile without the DOM's types).
const MEASURE = `(() => {
  const root = document.documentElement;
  const limit = root.clientWidth + 0.5;
  const overflowing = [...document.querySelectorAll('body *')]
    .filter((element) => element.getBoundingClientRect().right > limit)
    .map((element) => element.tagName.toLowerCase() + '.' + (element.getAttribute('class') || '') + ' right=' + element.getBoundingClientRect().right.toFixed(1) + ' "' + (element.textContent || '').trim().slice(0, 40) + '"');
  const count = (selector) => document.querySelectorAll(selector).length;
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, overflowing, measured: { tables: count('table'), svgs: count('svg'), figures: count('figure') } };
})()`;

/**
 * Lays the page out as print media at A4's content width, lists every element
 * that reaches past it, and saves a full-page screenshot to `screenshot`.
 */
export async function a4Layout(browser: Browser, html: string, screenshot: string): Promise<A4Layout> {
  const context = await browser.newContext({ viewport: { width: A4_CONTENT_WIDTH_PX, height: A4_HEIGHT_PX }, offline: true });
  try {
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: screenshot, fullPage: true });
    return (await page.evaluate(MEASURE)) as A4Layout;
  } finally {
    await context.close();
  }
}
