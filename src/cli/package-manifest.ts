import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PackageManifest {
  version: string;
  engines: { node: string };
}

/** package.json (src/cli and dist/cli both sit two folders below it). */
export function packageManifest(): PackageManifest {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as PackageManifest;
}
