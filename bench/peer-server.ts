import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * PostGraphile 4 and pg-aggregates live in bench/peer with their own lockfile:
 * they need graphql 15, the gateway runs graphql 16, and one tree cannot hold
 * both without two copies of graphql meeting in one schema.
 */
const PEER_DIR = join(__dirname, '..', '..', 'peer');

interface PostGraphileModule {
  postgraphile(database: string, schema: string, options: Record<string, unknown>): (request: IncomingMessage, response: ServerResponse) => void;
}

/** `npm ci` in bench/peer unless its node_modules is newer than its lockfile. */
export function ensurePeerInstalled(): void {
  const installed = join(PEER_DIR, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(join(PEER_DIR, 'package-lock.json')).mtimeMs) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The installed versions, as the results name them. */
export function peerVersions(): string {
  const version = (name: string) => (JSON.parse(readFileSync(join(PEER_DIR, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return `PostGraphile ${version('postgraphile')} with @graphile/pg-aggregates ${version('@graphile/pg-aggregates')}`;
}

/** PostGraphile on a free loopback port in a child process of its own, as the gateway runs in its. */
export async function startPeerServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [__filename, databaseUrl], { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /PostGraphile at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`PostGraphile exited ${code}: ${output}`)));
  });
  return { url, child };
}

function serve(databaseUrl: string): void {
  const peerRequire = createRequire(join(PEER_DIR, 'package.json'));
  const { postgraphile } = peerRequire('postgraphile') as PostGraphileModule;
  const aggregates = (peerRequire('@graphile/pg-aggregates') as { default: unknown }).default;
  const handler = postgraphile(databaseUrl, 'public', {
    appendPlugins: [aggregates],
    disableDefaultMutations: true,
    disableQueryLog: true,
    retryOnInitFail: false,
    legacyRelations: 'omit',
  });
  const server = createServer(handler).listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address && typeof address === 'object') process.stdout.write(`PostGraphile at http://127.0.0.1:${address.port}\n`);
  });
}

if (require.main === module) serve(process.argv[2]!);
