/**
 * `rightscity mail test ADDRESS`: sends one message straight over the configured SMTP server (not
 * through the outbox, and without opening the database, so it runs beside a running server on the
 * embedded engine) and says what the SMTP server answered.
 */
import type { Command } from 'commander';
import { readConfig } from '../../config.ts';
import type { CliContext } from '../../module.ts';
import { describe, transportFor } from './outbox.ts';
import { renderTest } from './render.ts';

export function registerMailCli(program: Command, _context: CliContext): void {
  const mail = program.command('mail').description('mail delivery');
  mail
    .command('test')
    .argument('<address>', 'where to send the test message')
    .description('send a test message over SMTP_URL to check the mail settings')
    .action(async (address: string) => {
      const config = readConfig();
      if (!config.SMTP_URL) {
        console.error('SMTP_URL is not set: mail is off. See .env.example.');
        process.exitCode = 1;
        return;
      }
      const message = renderTest(config.city, config.publicUrl);
      const transport = transportFor(config);
      try {
        const info = await transport.sendMail({
          from: config.MAIL_FROM,
          to: address,
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
        console.log(`Sent a test message to ${address}: ${info.response}`);
      } catch (error) {
        console.error(`The test message to ${address} was not sent: ${describe(error)}`);
        process.exitCode = 1;
      } finally {
        transport.close();
      }
    });
}
