import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'nianbao.js');

/** One command of a fenced shell block of README.md, and what the rules below make of it. */
export interface ReadmeCommand {
  /** Where it is: `README.md:<line>`. */
  at: string;
  /** As written (continuation lines joined, the comment removed). */
  written: string;
  /** What runs: `skip` with the reason, a synopsis to check against `--help`, or a shell command. */
  kind: 'run' | 'synopsis' | 'skip';
  /** The shell command after the substitutions; for a synopsis, the subcommand (`agencies import`). */
  command: string;
  skipReason?: string;
  exit: number;
  /** Text its stdout must contain (its trailing comment). */
  prints?: string;
}

/** Commands that cannot run in a test, by rule: each rule with its reason. */
export const NOT_RUN: { pattern: RegExp; reason: string }[] = [
  { pattern: /\bnpm ci\b/, reason: 'installs the packages (the suite runs on them already)' },
  { pattern: /\bnpm test\b/, reason: 'runs the suite this test is part of' },
  { pattern: /\bapt-get\b/, reason: 'installs system packages' },
];

const CLI = /(^|&&\s*|\|\s*|;\s*)(?:npx nianbao|node bin\/nianbao\.js|nianbao)(?=\s|$)/g;
const README_ADDRESS = /http:\/\/(?:127\.0\.0\.1|localhost):4000/g;
const SYNOPSIS = /<[^<>\s]+>|\[--/;

/** Every command of README.md's ```sh / ```bash / ```shell blocks, in order, read by the rules of readme-commands.test.ts. */
export function readmeCommands(gatewayUrl: string): ReadmeCommand[] {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const commands: ReadmeCommand[] = [];
  let inShell = false;
  for (let i = 0; i < lines.length; i += 1) {
    const fence = /^```(\w*)/.exec(lines[i]!);
    if (fence) {
      inShell = !inShell && ['sh', 'bash', 'shell'].includes(fence[1]!);
      continue;
    }
    if (!inShell || lines[i]!.trim() === '') continue;
    const start = i;
    let text = lines[i]!;
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    commands.push(readCommand(`README.md:${start + 1}`, text, gatewayUrl));
  }
  return commands;
}

function readCommand(at: string, text: string, gatewayUrl: string): ReadmeCommand {
  const [written, comment] = text.split(/\s+# /) as [string, string | undefined];
  const exit = /^exit (\d+): /.exec(comment ?? '');
  const base = { at, written: written.trim(), exit: exit ? Number(exit[1]) : 0, prints: comment?.slice(exit ? exit[0].length : 0) };
  const rule = NOT_RUN.find((r) => r.pattern.test(written));
  if (rule) return { ...base, kind: 'skip', command: written, skipReason: rule.reason };
  if (SYNOPSIS.test(written)) {
    const words = written.trim().replace(/^(npx nianbao|node bin\/nianbao\.js|nianbao)\s+/, '').split(/\s+/);
    return { ...base, kind: 'synopsis', command: words.slice(0, words.findIndex((w) => /^[<[(-]/.test(w))).join(' ') };
  }
  const command = written.replace(CLI, `$1"${process.execPath}" "${BIN}"`).replace(README_ADDRESS, gatewayUrl);
  return { ...base, kind: 'run', command };
}

/** The long options a synopsis line names. */
export function synopsisOptions(written: string): string[] {
  return [...new Set(written.match(/--[a-z][a-z-]*/g) ?? [])].sort();
}

/** The long options `--help` lists (without --help and --version). */
export function helpOptions(help: string): string[] {
  const options = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!);
  return [...new Set(options.filter((o) => o !== '--help' && o !== '--version'))].sort();
}
