import { availableParallelism } from 'node:os';
import { parseApiKeys, type ApiKey } from './api-keys';

/** What a request may ask of the gateway; every limit refuses with its own error code (see README, Limits). */
export interface QueryLimits {
  /** Nesting of selections, fragments included. */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Lexical tokens in a document, counted while parsing so a huge one is never parsed whole. */
  maxTokens: number;
  /** Estimated work: each field costs 1, a list field multiplies its selection by its page size or expected length. */
  maxCost: number;
  /** Operations in one batched (JSON array) request. */
  maxBatch: number;
  /** Wall time of one operation; past it the operation stops at its next database access. */
  timeoutMs: number;
  /** Request body size, as the `bytes` package reads it ("1mb", "200kb"). */
  bodyLimit: string;
}

export interface GatewaySettings {
  limits: QueryLimits;
  /** The keys mutations accept: name, role and digest. */
  apiKeys: ApiKey[];
  /** Refuse every mutation, whatever the key. */
  readOnly: boolean;
  /** Origins allowed cross-origin requests; `*` for any; empty for none. */
  corsOrigins: string[];
  introspection: boolean;
  ide: boolean;
  /** Hide internal error messages and stack traces. */
  production: boolean;
  /** Seconds a CDN or proxy may cache read queries and extracts. */
  cacheMaxAge: number;
  /** Processes that run SQLite reads (each with its own read-only connection); 0 reads on the gateway's own thread. */
  readWorkers: number;
  /** GraphQL requests run at once; the others wait their turn. */
  maxConcurrent: number;
  /** Signs connection cursors when set; else the secret stored in the database does. */
  cursorSecret?: string;
}

export const DEFAULT_LIMITS: QueryLimits = {
  maxDepth: 10,
  maxAliases: 30,
  maxDirectives: 20,
  maxTokens: 4000,
  maxCost: 300_000,
  maxBatch: 10,
  timeoutMs: 15_000,
  bodyLimit: '1mb',
};

export function defaultSettings(production = false): GatewaySettings {
  return { limits: DEFAULT_LIMITS, apiKeys: [], readOnly: false, corsOrigins: [], introspection: !production, ide: !production, production, cacheMaxAge: 60, readWorkers: availableParallelism(), maxConcurrent: 4 * availableParallelism() };
}

type Environment = Record<string, string | undefined>;

/** Settings from the environment; a malformed value stops start-up with the variable's name. */
export function settingsFromEnvironment(env: Environment): GatewaySettings {
  const production = env.NODE_ENV === 'production';
  const defaults = defaultSettings(production);
  const int = (name: string, fallback: number) => positiveInteger(env, name, fallback);
  return {
    limits: {
      maxDepth: int('NIANBAO_MAX_DEPTH', DEFAULT_LIMITS.maxDepth),
      maxAliases: int('NIANBAO_MAX_ALIASES', DEFAULT_LIMITS.maxAliases),
      maxDirectives: int('NIANBAO_MAX_DIRECTIVES', DEFAULT_LIMITS.maxDirectives),
      maxTokens: int('NIANBAO_MAX_TOKENS', DEFAULT_LIMITS.maxTokens),
      maxCost: int('NIANBAO_MAX_COST', DEFAULT_LIMITS.maxCost),
      maxBatch: int('NIANBAO_MAX_BATCH', DEFAULT_LIMITS.maxBatch),
      timeoutMs: int('NIANBAO_QUERY_TIMEOUT_MS', DEFAULT_LIMITS.timeoutMs),
      bodyLimit: bodySize(env.NIANBAO_BODY_LIMIT) ?? DEFAULT_LIMITS.bodyLimit,
    },
    apiKeys: parseApiKeys(env.NIANBAO_API_KEYS),
    readOnly: flag(env, 'NIANBAO_READ_ONLY', false),
    corsOrigins: (env.NIANBAO_CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter((origin) => origin !== ''),
    introspection: flag(env, 'NIANBAO_INTROSPECTION', defaults.introspection),
    ide: flag(env, 'NIANBAO_IDE', defaults.ide),
    production,
    cacheMaxAge: env.NIANBAO_CACHE_MAX_AGE === undefined ? defaults.cacheMaxAge : int('NIANBAO_CACHE_MAX_AGE', defaults.cacheMaxAge),
    readWorkers: int('NIANBAO_READ_WORKERS', defaults.readWorkers),
    maxConcurrent: atLeastOne('NIANBAO_MAX_CONCURRENT', int('NIANBAO_MAX_CONCURRENT', defaults.maxConcurrent)),
    cursorSecret: cursorSecretFromEnvironment(env),
  };
}

/** NIANBAO_CURSOR_SECRET; one short enough to guess would let anyone forge cursors. */
export function cursorSecretFromEnvironment(env: Environment): string | undefined {
  const text = env.NIANBAO_CURSOR_SECRET;
  if (text === undefined || text === '') return undefined;
  if (text.length < 32) throw new Error(`NIANBAO_CURSOR_SECRET must be at least 32 characters (e.g. openssl rand -hex 32), got ${text.length}`);
  return text;
}

function atLeastOne(name: string, value: number): number {
  if (value < 1) throw new Error(`${name} must be at least 1, got ${value}`);
  return value;
}

function positiveInteger(env: Environment, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of at least 0, got "${text}"`);
  return value;
}

const FLAG_VALUES: Record<string, boolean> = { '1': true, true: true, on: true, yes: true, '0': false, false: false, off: false, no: false };

function flag(env: Environment, name: string, fallback: boolean): boolean {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = FLAG_VALUES[text.trim().toLowerCase()];
  if (value === undefined) throw new Error(`${name} must be on or off (1/0, true/false, yes/no), got "${text}"`);
  return value;
}

function bodySize(text: string | undefined): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  if (!/^\d+(\.\d+)?\s*(b|kb|mb|gb)?$/i.test(text.trim())) throw new Error(`NIANBAO_BODY_LIMIT must be a size like 1mb or 200kb, got "${text}"`);
  return text.trim();
}
