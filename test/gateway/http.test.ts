import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS } from '../helpers/fixtures';
import { SAMPLE_SOURCES, startTestGateway, type TestGateway } from '../helpers/gateway';
import { tempSqlitePath } from '../helpers/temp-database';

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

async function errorCode(response: Response): Promise<unknown> {
  return ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;
}

describe('HTTP behaviour', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 1));
  });
  afterAll(() => gateway.stop());

  const post = (body: string, accept = GRAPHQL_RESPONSE) =>
    fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });

  it('GraphQL-over-HTTP status codes: 200 for results, 400 for documents that cannot run', async () => {
    expect((await post(JSON.stringify({ query: '{ reports { totalCount } }' }))).status).toBe(200);
    const syntax = await post(JSON.stringify({ query: '{ reports { ' }));
    expect(syntax.status).toBe(400);
    expect(await errorCode(syntax)).toBe('GRAPHQL_PARSE_FAILED');
    const invalid = await post(JSON.stringify({ query: '{ reports { nonsense } }' }));
    expect(invalid.status).toBe(400);
    expect(await errorCode(invalid)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await post('{not json')).status).toBe(400);
  });

  it('keeps the CSRF guard: a GET needs the apollo-require-preflight header (or a JSON content type)', async () => {
    const url = `${gateway.url}/graphql?query=${encodeURIComponent('{ reports { totalCount } }')}`;
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toContain('Cross-Site Request Forgery');
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { reports: { totalCount: 1 } } });
  });

  it('health, the IDE page and its assets, all served locally', async () => {
    expect(await (await fetch(`${gateway.url}/healthz`)).json()).toEqual({ status: 'ok' });
    for (const path of ['/', '/graphql']) {
      const page = await fetch(`${gateway.url}${path}`, { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).toContain('<script src="/ide/graphiql.js"></script>');
      expect(html).toContain('query ReportTables');
      expect(html).not.toMatch(/https?:\/\//);
    }
    for (const [asset, type] of [['graphiql.js', 'text/javascript'], ['graphiql.css', 'text/css'], ['react.js', 'text/javascript'], ['react-dom.js', 'text/javascript']]) {
      const response = await fetch(`${gateway.url}/ide/${asset}`);
      expect(response.status, asset).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
    }
  });
});

describe('errors in production', () => {
  it('an unexpected failure is masked: a code, no message from inside, no stack trace', async () => {
    const production = await startTestGateway(SAMPLE_SOURCES.slice(0, 1), { production: true });
    try {
      await production.dataSource.query('DROP TABLE "table_cell"');
      const { status, body } = await production.graphql('{ reports(first: 1) { edges { node { cells { value } } } } }');
      expect(status).toBe(200);
      expect(body.errors).toEqual([{ message: 'Internal server error', locations: [{ line: 1, column: 38 }], path: ['reports', 'edges', 0, 'node', 'cells'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      const invalid = await production.graphql('{ report(id: "1") { nonsense } }');
      expect(invalid.body.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    } finally {
      await production.stop();
    }
  });
});

describe('nianbao serve', () => {
  it('loads the samples into a new database, prints its URL, and shuts down cleanly on SIGTERM', async () => {
    const db = tempSqlitePath();
    const child = spawn(process.execPath, [join(__dirname, '..', '..', 'bin', 'nianbao.js'), 'serve', '--db', db.path, '--port', '0', '--load', SEEDS], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'info' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 30_000);
        child.stdout.on('data', () => {
          const match = /Nianbao gateway at (http:\/\/[^/ ]+)\//.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
      });
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ reports { totalCount } }' }) });
      expect(await response.json()).toEqual({ data: { reports: { totalCount: 5 } } });
      const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(output).toContain('"msg":"shutting down"');
      expect(output.match(/"msg":"sample report loaded"/g)).toHaveLength(5);
    } finally {
      child.kill('SIGKILL');
      db.cleanup();
    }
  });
});
