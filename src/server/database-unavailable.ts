/** The database went away or refuses connections: PostgreSQL's connection and shutdown classes, socket errors, SQLite's lock wait running out or its file gone. */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'SQLITE_BUSY', 'SQLITE_CANTOPEN']);
const UNAVAILABLE_MESSAGE = /Connection terminated|not currently accepting connections|database system is (starting up|shutting down)|timeout exceeded when trying to connect/i;

/** What /graphql and /extract answer while the database is away: 503 with Retry-After, so clients and balancers back off. */
export const DATABASE_UNAVAILABLE = {
  code: 'DATABASE_UNAVAILABLE',
  message: 'the database is unavailable for the moment: try again shortly',
  retryAfterSeconds: 5,
} as const;

/** Whether an error (a driver's, or TypeORM's wrapping one) says the database cannot be reached, rather than that a statement failed. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const cause = error as { message?: string; code?: string; driverError?: { code?: string } } | undefined;
  const code = cause?.driverError?.code ?? cause?.code;
  return UNAVAILABLE_CODES.has(code ?? '') || UNAVAILABLE_MESSAGE.test(cause?.message ?? '');
}
