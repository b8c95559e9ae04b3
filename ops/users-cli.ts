/**
 * `npm run users -- add NAME --role admin|editor|viewer | list | role NAME --role … | passwd NAME |
 * disable NAME | enable NAME | logout NAME | delete NAME --yes`: the curators' accounts. This is the only
 * way to make the first administrator (the web has no sign-up); passwords are typed at a prompt
 * or piped on standard input, never given as an argument. Exit status: core/cli/exit-codes.ts.
 */
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { Catalog } from '../core/catalog/catalog.ts';
import { ROLES } from '../core/catalog/accounts/user-store.ts';
import { addAccount, changePassword, changeRole, checkDeletable, deleteAccount, findAccount, logOutEverywhere, setDisabled, type AccountOutcome } from '../core/auth/manage-accounts.ts';
import { CliFailure } from '../core/cli/cli-failure.ts';
import { EXIT } from '../core/cli/exit-codes.ts';
import { runCommand, type CommandContext } from '../core/cli/run-command.ts';
import { checkCatalogFile } from '../core/faults/check-catalog-file.ts';
import { readNewPassword } from './users/read-password.ts';

// `--password` is known only to be refused with its reason (an unknown option would just be "unknown").
const OPTIONS = { role: { type: 'string', choices: ROLES }, password: { type: 'string' }, yes: { type: 'boolean' } } as const;

type Cli = CommandContext<typeof OPTIONS>;

await runCommand({ name: 'users', usage: 'users.usage', options: OPTIONS, positionals: true }, async (cli) => {
  const [command, ...args] = cli.positionals;
  if (cli.values.password !== undefined) throw new CliFailure(EXIT.usage, 'users.password_argument');
  if (command === undefined) throw new CliFailure(EXIT.usage, 'users.missing_command');
  if (command === 'list') return withCatalog(cli, (catalog) => list(catalog, cli));
  if (!['add', 'role', 'passwd', 'disable', 'enable', 'logout', 'delete'].includes(command)) throw new CliFailure(EXIT.usage, 'users.unknown_command', { command });
  if (args.length !== 1) throw new CliFailure(EXIT.usage, 'users.wrong_arguments', { command, received: args.join(' ') || '—' });
  const name = args[0]!;
  const role = cli.values.role;
  if ((command === 'add' || command === 'role') && role === undefined) throw new CliFailure(EXIT.usage, 'users.missing_role');
  return withCatalog(cli, async (catalog) => {
    switch (command) {
      case 'add': {
        const password = await newPassword(cli);
        const added = expect(await addAccount(catalog, { name, role: role!, password, by: `cli:${userInfo().username}` }));
        cli.print('users.added', { name: added.name, role: added.role });
        return EXIT.ok;
      }
      case 'passwd': {
        const user = expect(findAccount(catalog, name));
        expect(await changePassword(catalog, user, await newPassword(cli)));
        cli.print('users.password_changed', { name: user.name });
        return EXIT.ok;
      }
      case 'role': {
        const user = expect(findAccount(catalog, name));
        expect(changeRole(catalog, user, role!));
        cli.print('users.role_changed', { name: user.name, role: role! });
        return EXIT.ok;
      }
      case 'disable':
      case 'enable': {
        const user = expect(findAccount(catalog, name));
        expect(setDisabled(catalog, user, command === 'disable'));
        cli.print(command === 'disable' ? 'users.disabled' : 'users.enabled', { name: user.name });
        return EXIT.ok;
      }
      case 'logout': {
        const user = expect(findAccount(catalog, name));
        cli.print('users.logged_out', { name: user.name, count: logOutEverywhere(catalog, user) });
        return EXIT.ok;
      }
      default: {
        const user = expect(findAccount(catalog, name));
        expect(checkDeletable(catalog, user));
        // Deleting cannot be undone (the web asks on a page of its own): say what it would do and ask for --yes.
        if (!cli.values.yes) throw new CliFailure(EXIT.usage, 'users.delete_needs_yes', { name: user.name, role: user.role, sessions: catalog.accounts.sessions.countOf(user.id) });
        expect(deleteAccount(catalog, user));
        cli.print('users.deleted', { name: user.name });
        return EXIT.ok;
      }
    }
  });
});

async function withCatalog(cli: Cli, act: (catalog: Catalog) => number | Promise<number>): Promise<number> {
  const config = cli.config();
  mkdirSync(config.dataDir, { recursive: true });
  checkCatalogFile(config.catalogFile);
  const catalog = Catalog.open(config.catalogFile);
  try {
    return await act(catalog);
  } finally {
    catalog.close();
  }
}

function expect<T>(outcome: AccountOutcome<T>): T {
  if (!outcome.ok) throw new CliFailure(EXIT.refused, outcome.key, outcome.params);
  return outcome.value;
}

async function newPassword(cli: Cli): Promise<string> {
  const input = await readNewPassword({ first: cli.text('users.prompt_password'), again: cli.text('users.prompt_again') });
  if (!input.ok) throw new CliFailure(EXIT.refused, input.reason === 'mismatch' ? 'users.password_mismatch' : 'users.password_empty');
  return input.password;
}

function list(catalog: Catalog, cli: Cli): number {
  const users = catalog.accounts.users.list();
  if (users.length === 0) {
    cli.print('users.none');
    return EXIT.ok;
  }
  cli.print('users.list_heading');
  for (const user of users) {
    const state = cli.text(user.disabledAt ? 'users.state_disabled' : 'users.state_active');
    cli.print('users.list_line', { name: user.name, role: user.role, state, lastLogin: user.lastLoginAt?.slice(0, 19) ?? '—', sessions: catalog.accounts.sessions.countOf(user.id) });
  }
  return EXIT.ok;
}
