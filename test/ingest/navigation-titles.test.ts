import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/ingest/parse-report';
import { readSource } from '../../src/ingest/read-source';
import { renderHtml } from '../helpers/render-formats';
import { SAMPLE_FILES, sampleText } from '../helpers/fixtures';

/** What a saved page prints above a report: breadcrumbs and links that name other reports, with other agencies and years. */
const MENUS: [string, string[]][] = [
  ['a breadcrumb ending in the title', ['首页 > 政务公开 > 驻马店市某某局2023年政府信息公开工作年度报告']],
  ['a breadcrumb naming another report', ['您当前的位置：首页 > 政府信息公开 > 政府信息公开年报 > 驻马店市人民政府2022年政府信息公开工作年度报告']],
  ['links to the previous and next reports', ['首页 | 政务公开 | 信息公开年报', '相关链接：', '上一篇：某某县人民政府2022年政府信息公开工作年度报告', '下一篇：某某县发展和改革委员会2023年政府信息公开工作年度报告']],
  ['a list of other reports', ['热点文章', '驻马店市人民政府2022年政府信息公开工作年度报告', '驻马店市发展和改革委员会2023年政府信息公开工作年度报告']],
  ['a path with slashes', ['首页 / 政务公开 / 2022年政府信息公开工作年度报告']],
];

describe('a saved page with other reports named above it keeps its own agency and year', () => {
  describe.each(MENUS)('%s', (_name, menu) => {
    it.each(SAMPLE_FILES)('%s, as text and as HTML', async (sample) => {
      const original = parseReport(sampleText(sample));
      const saved = `${menu.join('\n')}\n\n${sampleText(sample)}`;
      for (const bytes of [Buffer.from(saved), Buffer.from(renderHtml(saved))]) {
        const report = parseReport((await readSource(bytes)).text);
        expect({ agency: report.agencyName, year: report.year, title: report.title }).toEqual({ agency: original.agencyName, year: original.year, title: original.title });
      }
    });
  });

  it('without its own title, a page whose only title-like line is a breadcrumb gives no agency rather than the path', async () => {
    const text = sampleText(SAMPLE_FILES[0]!).replace(/^[\s\S]*?(?=一、总体情况)/, '首页 > 政务公开 > 驻马店市某某局2023年政府信息公开工作年度报告\n');
    expect(() => parseReport(text)).toThrow(/no agency name in the title/);
  });
});
