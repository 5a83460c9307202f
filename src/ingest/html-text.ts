import { DomHandler, isTag, isText, type ChildNode, type Document, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';
import { IngestError } from './ingest-error';
import { INGEST_LIMITS } from './ingest-limits';
import { titleStart } from './parse-title';

/** Page furniture around a report on a government site. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'nav', 'header', 'footer', 'aside', 'select', 'button', 'iframe', 'head']);
/** Elements that start a new line. */
const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'blockquote', 'pre', 'center', 'dd', 'dt', 'tr', 'table', 'caption']);

/**
 * A report page as text in the shape the parser reads: paragraphs as lines,
 * each table row as one line of its cells separated by tabs. A cell merged
 * down (rowspan) is printed in its first row only and one merged across
 * (colspan) once, as a PDF prints them; the parser reads a row's label and its
 * values whatever the label cells before them.
 */
export function htmlText(html: string): string {
  const lines: string[] = [];
  let current = '';
  const breakLine = () => {
    if (current.trim() !== '') lines.push(current.trim());
    current = '';
  };
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (isText(node)) current += node.data.replace(/\s+/g, ' ');
      else if (isTag(node)) {
        const name = node.name.toLowerCase();
        if (SKIPPED.has(name)) continue;
        if (name === 'br') breakLine();
        else if (name === 'tr' && !holdsTable(node)) {
          breakLine();
          lines.push(rowText(node));
        } else if (BLOCKS.has(name)) {
          breakLine();
          walk(node.children);
          breakLine();
        } else walk(node.children);
      }
    }
  };
  walk(parseBounded(html).children);
  breakLine();
  return fromTitle(lines).join('\n');
}

/**
 * The page's tree, refused as soon as elements nest deeper than the limit: the
 * parser's cost grows with the square of the depth, and the walks above recurse
 * once per level.
 */
function parseBounded(html: string): Document {
  const handler = new DepthLimitedHandler(html);
  new Parser(handler, { decodeEntities: true }).end(html);
  return handler.root;
}

class DepthLimitedHandler extends DomHandler {
  private startIndex = () => 0;

  constructor(private readonly html: string) {
    super();
  }

  override onparserinit(parser: Parser): void {
    super.onparserinit(parser);
    this.startIndex = () => parser.startIndex;
  }

  override onopentag(name: string, attribs: Record<string, string>): void {
    super.onopentag(name, attribs);
    // The first entry of the stack is the document itself.
    const depth = this.tagStack.length - 1;
    if (depth <= INGEST_LIMITS.maxHtmlDepth) return;
    const line = this.html.slice(0, this.startIndex()).split('\n').length;
    throw new IngestError('LIMIT', `<${name}> at line ${line} is nested ${depth} elements deep, over the HTML nesting limit of ${INGEST_LIMITS.maxHtmlDepth}`);
  }
}

/** A row of a layout table, which sites wrap around the whole page: read as blocks, not as one row. */
function holdsTable(node: Element): boolean {
  return node.children.some((child) => isTag(child) && (child.name === 'table' || holdsTable(child)));
}

/** A table row's cells, tab-separated; a cell's own paragraphs run together, as one printed cell. */
function rowText(row: Element): string {
  const cells = row.children.filter((child): child is Element => isTag(child) && (child.name === 'td' || child.name === 'th'));
  return cells.map((cell) => cellText(cell.children).replace(/\s+/g, ' ').trim()).join('\t');
}

function cellText(nodes: ChildNode[]): string {
  return nodes.map((node) => (isText(node) ? node.data : isTag(node) && !SKIPPED.has(node.name) ? cellText(node.children) : '')).join('');
}

/** Navigation, breadcrumbs and site titles before the report's own title are left out. */
function fromTitle(lines: string[]): string[] {
  const start = titleStart(lines);
  return start > 0 ? lines.slice(start) : lines;
}
