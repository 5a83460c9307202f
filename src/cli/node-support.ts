import semver from 'semver';
import { packageManifest } from './package-manifest';

/**
 * Why this Node.js cannot run nianbao, in one line, or undefined when package.json's engines admit it.
 * Loaded before anything else by bin/nianbao.js, so it must itself run on old Node: semver and fs only.
 */
export function unsupportedNodeMessage(version: string, range = packageManifest().engines.node): string | undefined {
  if (semver.satisfies(version, range)) return undefined;
  return `nianbao: this is Node.js ${version}; nianbao runs on Node.js ${supportedLinesText(range)}`;
}

/** "^20.19.0 || ^22.13.0 || >=24.11.0" → "20.19 or a later 20, 22.13 or a later 22, or 24.11 or later". */
export function supportedLinesText(range: string): string {
  const lines = new semver.Range(range).set.map((comparators) => {
    const oldest = semver.minVersion(new semver.Range(comparators.map(String).join(' ')))!;
    const shown = `${oldest.major}.${oldest.minor}`;
    return comparators.some((comparator) => comparator.operator.startsWith('<')) ? `${shown} or a later ${oldest.major}` : `${shown} or later`;
  });
  const last = lines.pop()!;
  return lines.length === 0 ? last : `${lines.join(', ')}, or ${last}`;
}
