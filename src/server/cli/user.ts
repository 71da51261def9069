/**
 * `rightscity user add`: creating an account from the shell (a second admin, a locked-out admin's
 * replacement). The password comes from standard input, one line, so that it appears neither in the
 * process list nor in the shell history: `echo "$PASSWORD" | rightscity user add …`, or typed unseen at
 * the prompt.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { type Command, Option } from 'commander';
import { createUser } from '../../kernel/server/accounts/commands/create-user.ts';
import { accountsMessages, fieldMessages } from '../../kernel/server/accounts/messages.ts';
import { newPasswordSchema } from '../../kernel/server/accounts/passwords.ts';
import { readConfig } from '../../kernel/server/config.ts';
import { AppError } from '../../kernel/server/errors.ts';
import { addMessages, translate } from '../../kernel/server/i18n.ts';
import { openConfiguredDatabase } from '../../kernel/server/runtime.ts';
import { roles } from '../../kernel/shared/roles.ts';
import { modules } from '../modules.ts';

async function readPasswordLine(): Promise<string> {
  const interactive = process.stdin.isTTY === true;
  if (interactive) process.stderr.write('Password (at least 12 characters; not shown): ');
  // At a terminal, echo goes to a sink so the password is not shown as it is typed.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: sink, terminal: interactive });
  try {
    for await (const line of lines) return line.replace(/\r$/, '');
    return '';
  } finally {
    lines.close();
    if (interactive) process.stderr.write('\n');
  }
}

/** Prints a refusal in both languages. */
function describe(error: AppError): string {
  const text = (language: 'ko' | 'en') =>
    [
      translate(error.code, language, error.details.params),
      ...(error.details.errors ?? []).map(
        ({ field, message }) =>
          `  ${field.replace(/^body\./, '')}: ${typeof message === 'string' ? message : message[language]}`,
      ),
    ].join('\n');
  return `${text('ko')}\n${text('en')}`;
}

export function register(program: Command): void {
  const user = program.command('user').description('manage accounts');
  user
    .command('add')
    .description('create an account; the password is read from standard input (one line)')
    .requiredOption('--email <email>', 'login email')
    .addOption(new Option('--role <role>', 'role').choices(roles).makeOptionMandatory())
    .option('--department <code>', 'department code (required for the department role)')
    .option('--name <name>', 'display name (default: the part of the email before @)')
    .action(
      async (options: {
        email: string;
        role: (typeof roles)[number];
        department?: string;
        name?: string;
      }) => {
        const config = readConfig();
        const password = await readPasswordLine();
        addMessages(accountsMessages);
        // Checked before the database opens: a short password should not wait for PGlite to start.
        if (!newPasswordSchema.safeParse(password).success) {
          const { ko, en } = fieldMessages.password_too_short;
          console.error(`${ko}\n${en}`);
          process.exitCode = 1;
          return;
        }
        const opened = await openConfiguredDatabase(config, modules, 'user add');
        try {
          const created = await createUser(
            opened.database.db,
            { userId: null },
            {
              email: options.email,
              displayName: options.name ?? options.email.split('@')[0] ?? options.email,
              role: options.role,
              departmentCode: options.department ?? null,
              password,
            },
          );
          console.log(`Created ${created.role} ${created.email} (id ${created.id}).`);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          console.error(describe(error));
          process.exitCode = 1;
        } finally {
          await opened.close();
        }
      },
    );
}
