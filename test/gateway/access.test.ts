import { describe, expect, it } from 'vitest';
import { settingsFromEnvironment } from '../../src/server/gateway-settings';
import { SEEDS } from '../helpers/fixtures';
import { SAMPLE_SOURCES, startTestGateway } from '../helpers/gateway';
import { startServeProcess } from '../helpers/serve-process';
import { tempSqlitePath } from '../helpers/temp-database';

const INGEST = 'mutation($text: String!) { ingestReport(input: { text: $text, agencyName: "测试用机关", year: 2023 }) { outcome } }';
const REPORT_TEXT = '测试用机关2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n';

describe('API keys, read-only mode', () => {
  it('keys are never logged: not the right one, not a wrong one; bare keys are admins, with a deprecation line', async () => {
    const db = tempSqlitePath();
    const serve = await startServeProcess(['--db', db.path, '--load', SEEDS], { NIANBAO_API_KEYS: 'k-right-7c1f9,k-other-22,ed:editor:k-editor-5150', LOG_LEVEL: 'info' });
    try {
      const ok = await serve.graphql(INGEST, { text: REPORT_TEXT }, { authorization: 'Bearer k-right-7c1f9' });
      expect(ok).toEqual({ data: { ingestReport: { outcome: 'STORED' } } });
      const wrong = await serve.graphql(INGEST, { text: REPORT_TEXT }, { authorization: 'Bearer k-wrong-31337' });
      expect(wrong.errors![0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
      const editor = await serve.graphql(INGEST, { text: REPORT_TEXT }, { authorization: 'Bearer k-editor-5150' });
      expect(editor.errors![0]).toMatchObject({ message: 'ingestReport needs an admin key; the key "ed" is an editor key', extensions: { code: 'FORBIDDEN' } });
      expect(serve.output()).toContain('"authorization":"[Redacted]"');
      expect(serve.output()).toContain('NIANBAO_API_KEYS: key1, key2 given as a bare key, which counts as admin; this form is deprecated, write name:role:key');
      for (const key of ['k-right-7c1f9', 'k-other-22', 'k-wrong-31337', 'k-editor-5150']) expect(serve.output()).not.toContain(key);
    } finally {
      await serve.stop();
      db.cleanup();
    }
  });

  it('a read-only gateway refuses mutations even with a valid key, and still answers queries', async () => {
    const gateway = await startTestGateway(SAMPLE_SOURCES.slice(0, 1), { apiKeys: 'k1', settings: { readOnly: true } });
    try {
      const refused = await gateway.graphql(INGEST, { text: REPORT_TEXT }, { authorization: 'Bearer k1' });
      expect(refused.status).toBe(403);
      expect(refused.body.errors).toMatchObject([{ message: 'this gateway is read-only: mutations are switched off (NIANBAO_READ_ONLY)', extensions: { code: 'READ_ONLY' } }]);
      expect((await gateway.graphql('{ reports { totalCount } }')).body).toEqual({ data: { reports: { totalCount: 1 } } });
    } finally {
      await gateway.stop();
    }
  });
});

describe('CORS, introspection and the IDE', () => {
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/graphql`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' } });

  it('cross-origin requests only from the configured origins', async () => {
    const open = await startTestGateway([], { settings: { corsOrigins: ['https://app.nianbao.example'] } });
    const closed = await startTestGateway([]);
    try {
      const allowed = await preflight(open.url, 'https://app.nianbao.example');
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.nianbao.example');
      expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
      expect((await preflight(open.url, 'https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
      expect((await preflight(closed.url, 'https://app.nianbao.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.stop();
      await closed.stop();
    }
  });

  it('production turns introspection, schema hints and the IDE off unless switched on', async () => {
    const production = await startTestGateway([], { production: true });
    const switchedOn = await startTestGateway([], { production: true, settings: { introspection: true, ide: true } });
    try {
      const introspection = await production.graphql('{ __schema { queryType { name } } }');
      expect(introspection.body.errors![0]!.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
      const typo = await production.graphql('{ report { yeer } }');
      expect(typo.body.errors![0]!.message).not.toContain('Did you mean');
      expect((await fetch(`${production.url}/`)).status).toBe(404);
      expect((await fetch(`${production.url}/ide/graphiql.js`)).status).toBe(404);

      expect((await switchedOn.graphql('{ __schema { queryType { name } } }')).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      expect((await fetch(`${switchedOn.url}/`)).status).toBe(200);
    } finally {
      await production.stop();
      await switchedOn.stop();
    }
  });
});

describe('settings from the environment', () => {
  it('defaults, production defaults, and a malformed value named', () => {
    const development = settingsFromEnvironment({});
    expect(development).toMatchObject({ readOnly: false, corsOrigins: [], introspection: true, ide: true, production: false, limits: { maxDepth: 10, maxCost: 300_000, bodyLimit: '1mb' } });
    expect(settingsFromEnvironment({ NODE_ENV: 'production' })).toMatchObject({ introspection: false, ide: false, production: true });
    const configured = settingsFromEnvironment({ NODE_ENV: 'production', NIANBAO_IDE: 'on', NIANBAO_READ_ONLY: 'yes', NIANBAO_CORS_ORIGINS: 'https://a.example, https://b.example', NIANBAO_MAX_DEPTH: '7', NIANBAO_API_KEYS: 'a,b' });
    expect(configured).toMatchObject({ ide: true, introspection: false, readOnly: true, corsOrigins: ['https://a.example', 'https://b.example'], limits: { maxDepth: 7 } });
    expect(configured.apiKeys).toHaveLength(2);
    const keys = settingsFromEnvironment({ NIANBAO_API_KEYS: ' old-key , ann:editor:s3cret:with:colons, bo:admin:x' }).apiKeys;
    expect(keys.map(({ name, role, legacy }) => ({ name, role, legacy }))).toEqual([
      { name: 'key1', role: 'admin', legacy: true },
      { name: 'ann', role: 'editor', legacy: false },
      { name: 'bo', role: 'admin', legacy: false },
    ]);
    const refusal = (keys: string) => {
      try {
        settingsFromEnvironment({ NIANBAO_API_KEYS: keys });
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(refusal('a:editor:k1,b:owner:k-secret-2')).toBe('NIANBAO_API_KEYS entry 2 (b): the role, between the first and second colon, must be editor or admin');
    // A name and a key without a role: the key is where the role goes, and is not repeated.
    expect(refusal('oldname:SuperSecretKey123')).toBe('NIANBAO_API_KEYS entry 1 (oldname): the role, between the first and second colon, must be editor or admin');
    expect(refusal('ann:editor:k-secret-4,bob:admin:k-secret-4')).toBe('NIANBAO_API_KEYS entries 1 (ann) and 2 (bob) have the same key');
    expect(refusal('ann:editor:k secret')).toBe('NIANBAO_API_KEYS entry 1 (ann): the key has a space in it, so no Authorization header can carry it');
    expect(() => settingsFromEnvironment({ NIANBAO_API_KEYS: 'a:editor:' })).toThrow('NIANBAO_API_KEYS entry 1 (a): the key is empty');
    expect(() => settingsFromEnvironment({ NIANBAO_API_KEYS: ':admin:k-secret-3' })).toThrow('NIANBAO_API_KEYS entry 1: the name must be 1 to 100 letters, digits, or . @ _ -, as name:role:key');
    expect(() => settingsFromEnvironment({ NIANBAO_MAX_DEPTH: 'deep' })).toThrow('NIANBAO_MAX_DEPTH must be a whole number of at least 0, got "deep"');
    expect(() => settingsFromEnvironment({ NIANBAO_READ_ONLY: 'perhaps' })).toThrow('NIANBAO_READ_ONLY must be on or off');
    expect(() => settingsFromEnvironment({ NIANBAO_BODY_LIMIT: 'huge' })).toThrow('NIANBAO_BODY_LIMIT must be a size like 1mb or 200kb, got "huge"');
    expect(() => settingsFromEnvironment({ NIANBAO_CURSOR_SECRET: 'short' })).toThrow('NIANBAO_CURSOR_SECRET must be at least 32 characters (e.g. openssl rand -hex 32), got 5');
    expect(settingsFromEnvironment({ NIANBAO_CURSOR_SECRET: 'x'.repeat(32) }).cursorSecret).toBe('x'.repeat(32));
  });
});
