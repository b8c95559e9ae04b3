/** Who a command-line write is recorded as in the history: `cli:<login name>`. */
import { userInfo } from 'node:os';

export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    // A container user with no passwd entry has a uid but no name.
    return `cli:uid-${process.getuid?.() ?? 'unknown'}`;
  }
}
