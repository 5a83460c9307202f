import { isCellValueText } from './cell-value';

/**
 * Text where each table cell sits on its own line ("一、本年新收…", "8", "0",
 * …), as Word documents turned into text print tables: a run of two or more
 * lines that each hold one value becomes one line of values, tab-separated,
 * which the parser reads with the label lines before it, as a row split after
 * its label. A single value on its own line stays as it is. Lines keep their
 * numbers; a joined row is on its first value's line.
 */
export function joinCellLines(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let index = 0;
  while (index < lines.length) {
    // A run starts at a value, so the joined row keeps the line its first value is printed on.
    const run = lines[index]!.trim() === '' ? { values: [], end: index } : valueRun(lines, index);
    if (run.values.length < 2) {
      out.push(lines[index]!);
      index += 1;
      continue;
    }
    out.push(run.values.join('\t'));
    // Joined lines stay as blank lines, so every later line keeps its number.
    for (index += 1; index < run.end; index += 1) out.push('');
  }
  return out.join('\n');
}

/** The values on consecutive lines from `start` (blank lines between them allowed), and where the run ends. */
function valueRun(lines: readonly string[], start: number): { values: string[]; end: number } {
  const values: string[] = [];
  let end = start;
  for (let index = start; index < lines.length; index += 1) {
    const text = lines[index]!.trim();
    if (text === '') continue;
    if (text.includes('\t') || !isCellValueText(text)) break;
    values.push(text);
    end = index + 1;
  }
  return { values, end };
}
