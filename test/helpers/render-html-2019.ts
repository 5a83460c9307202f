import { renderHtml } from './render-formats';

/** How a page prints t4 in the 2019 layout's HTML: the ways real sites differ. */
export interface T4HtmlShape {
  /** Header text set vertically, one character a line: 结<br>果<br>维<br>持. */
  vertical?: boolean;
  /** Every cell's text in <p><span>, padded with &nbsp;, as Word writes it. */
  wordCells?: boolean;
  /** The values row starts with an empty cell under a label column. */
  leadingEmptyCell?: boolean;
  /** The values row starts with a label cell of its own (数量). */
  valuesLabel?: string;
  /** Header cells are <th>. */
  headerTh?: boolean;
  /** The part heading is the table's own first row, across all 15 columns. */
  headingInTable?: boolean;
  /** t4's rows (under its heading in the table) continue t3's table, as one table in the page. */
  inT3Table?: boolean;
}

const OUTCOMES = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/**
 * The report as a government page (render-formats.ts) with t4 printed as the
 * 2019 template prints it: 行政复议 over five columns and 行政诉讼 over ten;
 * then 结果维持 … 总计 merged down two rows, beside 未经复议直接起诉 and 复议后起诉
 * over five each; then their ten sub-headers; then the 15 values.
 */
export function renderHtml2019(text: string, shape: T4HtmlShape): string {
  const lines = text.split('\n');
  const valuesAt = lines.findIndex((line) => /^\d+(\t\d+){14}\s*$/.test(line.trim()));
  if (valuesAt < 0) throw new Error('no line of 15 t4 values in the report');
  const values = lines[valuesAt]!.trim().split('\t');
  const headingAt = lines.findIndex((line) => /^四、.*行政复议.*行政诉讼/.test(line.trim()));
  const start = lines.findIndex((line, index) => index > headingAt && line.startsWith('行政复议\t'));
  const marker = 'T4-TABLE-GOES-HERE';
  const headingInTable = shape.headingInTable || shape.inT3Table;
  const rest = [...lines.slice(0, headingInTable ? headingAt : start), marker, ...lines.slice(valuesAt + 1)].join('\n');
  const page = renderHtml(rest).replace(`<p>${marker}</p>`, t4Table(values, lines[headingAt]!.trim(), { ...shape, headingInTable }));
  if (!shape.inT3Table) return page;
  const joined = page.replace(/<\/table>\s*<table border="1" cellspacing="0">\s*<tbody>/, '');
  if (joined === page) throw new Error('t3 and t4 tables are not next to each other');
  return joined;
}

function t4Table(values: string[], heading: string, shape: T4HtmlShape): string {
  const text = (label: string) => (shape.vertical ? [...label].join('<br>') : label);
  const inCell = (content: string) => (shape.wordCells ? `<p class="MsoNormal" align="center"><span style="font-size:10.5pt">&nbsp;${content}&nbsp;</span></p>` : content);
  const header = (label: string, attributes = '') => {
    const tag = shape.headerTh ? 'th' : 'td';
    return `<${tag}${attributes}>${inCell(text(label))}</${tag}>`;
  };
  const leading = shape.leadingEmptyCell || shape.valuesLabel !== undefined;
  const lead = leading ? `<td>${shape.wordCells || shape.valuesLabel ? inCell(shape.valuesLabel ?? '') : ''}</td>` : '';
  const leadHeader = leading ? '<td rowspan="3"></td>' : '';
  const rows = [
    ...(shape.headingInTable ? [`<tr><td colspan="${15 + (leading ? 1 : 0)}">${inCell(heading)}</td></tr>`] : []),
    `<tr>${leadHeader}${header('行政复议', ' colspan="5"')}${header('行政诉讼', ' colspan="10"')}</tr>`,
    `<tr>${OUTCOMES.map((o) => header(o, ' rowspan="2"')).join('')}${header('未经复议直接起诉', ' colspan="5"')}${header('复议后起诉', ' colspan="5"')}</tr>`,
    `<tr>${[...OUTCOMES, ...OUTCOMES].map((o) => header(o)).join('')}</tr>`,
    `<tr>${lead}${values.map((v) => `<td>${inCell(v)}</td>`).join('')}</tr>`,
  ];
  return `<table border="1" cellspacing="0">\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}
