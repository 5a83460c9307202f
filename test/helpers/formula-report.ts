import { sampleText } from './fixtures';

/** An agency name that a spreadsheet would run as a formula. */
export const FORMULA_NAME = '=HYPERLINK("http://evil","x")驻马店经济开发区招商局';

/** Sample 000 (驻马店经济开发区招商局 2023) with FORMULA_NAME as the agency in its title. */
export function formulaTitledReport(): string {
  const text = sampleText('000_cee05e4b3f1c7bfd.txt');
  const title = '\n驻马店经济开发区招商局 2023 年';
  if (!text.includes(title)) throw new Error('sample 000 no longer has the title this test rewrites');
  return text.replace(title, `\n${FORMULA_NAME} 2023 年`);
}
