import semver from 'semver';
import { packageManifest } from './package-manifest';

/**
 * Why this Node.js cannot run nianbao, in one line, or undefined when package.json's engines admit it.
 * Loaded before anything else (bin/check-node.js), so it must itself run on old Node: semver and fs only.
 */
export function unsupportedNodeMessage(version: string, range = packageManifest().engines.node): string | undefined {
  if (semver.satisfies(version, range)) return undefined;
  return `nianbao: this is Node.js ${version}; nianbao runs on Node.js ${supportedLinesText(range)}`;
}

/** "^20.19.0 || ^24.11.0 || ^26.0.0 || >=28.1.0" → "20.19 or a later 20, 24.11 or a later 24, any 26, or 28.1 or later". */
function supportedLinesText(range: string): string {
  const lines = new semver.Range(range).set.map((comparators) => {
    const oldest = semver.minVersion(new semver.Range(comparators.map(String).join(' ')))!;
    const shown = `${oldest.major}.${oldest.minor}`;
    if (!comparators.some((comparator) => comparator.operator.startsWith('<'))) return `${shown} or later`;
    return oldest.minor === 0 && oldest.patch === 0 ? `any ${oldest.major}` : `${shown} or a later ${oldest.major}`;
  });
  const last = lines.pop()!;
  return lines.length === 0 ? last : `${lines.join(', ')}, or ${last}`;
}
