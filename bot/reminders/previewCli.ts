import { formatDate, istanbulDate } from '../../domain/dates';
import { openCliParts } from './cliParts';
import { ReminderScan } from './reminderScan';
import { SendWindow } from './sendWindow';

/**
 * `npm run reminders:preview [-- --at 2026-11-23T09:00:00+03:00]`: who the next scan (the next
 * window opening, or the given time) would ping, for which certificate and milestone, and why;
 * and who it would skip. Reads only; sends nothing.
 */
async function main(): Promise<void> {
  const parts = openCliParts();
  try {
    const atIndex = process.argv.indexOf('--at');
    const window = new SendWindow(parts.policy.reminders.window);
    const at = atIndex > 0 ? new Date(process.argv[atIndex + 1]) : window.nextOpening(new Date());
    if (Number.isNaN(at.getTime())) throw new Error('--at must be a date and time, e.g. 2026-11-23T09:00:00+03:00');
    const result = await new ReminderScan(parts.roster.backend, parts.ledger, parts.policy.reminders).run(at);
    console.log(`Next run: ${at.toISOString()} (${formatDate(istanbulDate(at))}, Istanbul); ${result.candidates} people read from the date index.`);
    console.log(`Would ping ${result.plans.length}:`);
    for (const plan of result.plans) {
      const reachable = (await parts.references.has(plan.userId)) ? '' : '  [no conversation: will be skipped]';
      console.log(`  ${plan.userId}  expiry ${formatDate(plan.expiry)}  ${plan.pingKey}  ${plan.reason}, due ${formatDate(plan.dueDay)}${reachable}`);
    }
    if (result.skipped.optedOut.length) console.log(`Skipped, applied ("Başvurdum"): ${result.skipped.optedOut.join(', ')}`);
    if (result.skipped.snoozed.length) console.log(`Skipped, snoozed: ${result.skipped.snoozed.join(', ')}`);
  } finally {
    await parts.close();
  }
}

main().catch((error: Error) => {
  console.error(`${error.name}: ${error.message}`);
  process.exit(2);
});
