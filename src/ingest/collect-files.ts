import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';

/** Extensions taken from a folder; a file named on the command line is always tried. */
export const REPORT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.text', '.pdf', '.html', '.htm', '.md', '.markdown']);

export interface CollectedPath {
  path: string;
  /** Set when the path cannot be read at all. */
  problem?: string;
}

/** The files named, and the report files inside the folders named (recursively, sorted). */
export async function collectFiles(paths: readonly string[]): Promise<CollectedPath[]> {
  const collected: CollectedPath[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) collected.push({ path, problem: 'no such file or folder' });
    else if (info.isDirectory()) collected.push(...(await walk(path)).map((file) => ({ path: file })));
    else collected.push({ path });
  }
  return collected;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && REPORT_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
  }
  return files;
}
