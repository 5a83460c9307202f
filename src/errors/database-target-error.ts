/** The database named by `--db`, `NIANBAO_DB` or `DATABASE_URL` cannot be used as asked; the message names which and why. */
export class DatabaseTargetError extends Error {
  override name = 'DatabaseTargetError';
}
