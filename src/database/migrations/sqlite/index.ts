import { InitialSchema1763800000000 } from './1763800000000-initial-schema';

export const SQLITE_MIGRATIONS = [InitialSchema1763800000000];
