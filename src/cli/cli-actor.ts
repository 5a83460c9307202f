import { userInfo } from 'node:os';

/** Who a command's changes are recorded as: --by, else the user running it. */
export function cliActor(by?: string): string {
  if (by !== undefined) return by;
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}
