import type { Command } from 'commander';
import { auditBreakDescriptions, verifyAuditTrail } from '../../kernel/server/audit/verify.ts';
import { readConfig } from '../../kernel/server/config.ts';
import { openConfiguredDatabase } from '../../kernel/server/runtime.ts';
import { modules } from '../modules.ts';

export function register(program: Command): void {
  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description("recompute the audit trail's hash chain; exits 1 if a row was altered, deleted or inserted")
    .action(async () => {
      const opened = await openConfiguredDatabase(readConfig(), modules, 'audit verify');
      try {
        const result = await verifyAuditTrail(opened.database.db);
        if (result.ok) {
          console.log(`Audit trail OK (${result.rows} rows)`);
          // Kept somewhere outside the database, this shows later whether the newest rows were cut off.
          console.log(`Latest hash: ${result.lastHash}`);
        } else {
          console.log(
            `Audit trail BROKEN at row ${result.firstBrokenId}: ${auditBreakDescriptions[result.reason]}`,
          );
          process.exitCode = 1;
        }
      } finally {
        await opened.close();
      }
    });
}
