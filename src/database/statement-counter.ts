import type { Logger } from 'typeorm';

/** A TypeORM logger that only counts the SQL statements sent: the tests' and benchmark's N+1 guard. */
export class StatementCounter implements Logger {
  count = 0;

  logQuery(): void {
    this.count += 1;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
