import { POSTGRES_SKIP_MESSAGE, POSTGRES_URL } from './helpers/test-databases';

export default function setup(): void {
  process.stdout.write(POSTGRES_URL ? `PostgreSQL suite: running on ${new URL(POSTGRES_URL).host}\n` : `${POSTGRES_SKIP_MESSAGE}\n`);
}
