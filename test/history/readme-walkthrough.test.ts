import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.js');

/** The README's history walk-through: each line, and what its comment says it prints (and its exit code, when not 0). */
function walkthrough(): { command: string; exit: number; prints?: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /<!-- history-walkthrough -->\n```sh\n([\s\S]*?)```/.exec(readme)![1]!;
  return block
    .trim()
    .split('\n')
    .map((line) => {
      const [command, comment] = line.split(/\s+# /);
      const exit = /^exit (\d+): /.exec(comment ?? '');
      return { command: command!, exit: exit ? Number(exit[1]) : 0, prints: comment?.slice(exit ? exit[0].length : 0) };
    });
}

describe("the README's history walk-through", () => {
  it('runs as written, each line printing what its comment says', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-walkthrough-'));
    try {
      symlinkSync(join(ROOT, 'test'), join(dir, 'test'));
      const steps = walkthrough();
      expect(steps).toHaveLength(10);
      for (const step of steps) {
        const run = spawnSync('bash', ['-c', step.command.replace(/^npx nianbao /, `"${process.execPath}" "${BIN}" `)], { cwd: dir, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', NIANBAO_DB: '' } });
        expect({ command: step.command, status: run.status, stderr: run.stderr }).toEqual({ command: step.command, status: step.exit, stderr: '' });
        if (step.prints) expect(run.stdout, step.command).toContain(step.prints);
      }
      const rows = parse(readFileSync(join(dir, 't3-all-versions.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
      expect(rows.filter((row) => row.address === 't3/new/total').map((row) => [row.versionId, row.value, row.status, row.corrected])).toEqual([
        ['1', '2', 'NUMBER', 'false'],
        ['2', '', 'MISSING', 'false'],
        ['3', '3', 'NUMBER', 'true'],
        ['4', '', 'MISSING', 'false'],
      ]);
      const current = spawnSync(process.execPath, [BIN, 'export', '--tables', 't3', '--db', 'history.sqlite'], { cwd: dir, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
      const total = (parse(current.stdout, { columns: true }) as Record<string, string>[]).find((row) => row.address === 't3/new/total')!;
      expect([total.versionId, total.value, total.corrected, total.correctionReason]).toEqual(['3', '3', 'true', 'the filed form says 3']);
      // Run again in the same place, it gives the same.
      for (const step of steps) expect(spawnSync('bash', ['-c', step.command.replace(/^npx nianbao /, `"${process.execPath}" "${BIN}" `)], { cwd: dir, env: { ...process.env, DATABASE_URL: '' } }).status).toBe(step.exit);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
