/**
 * A reminders instance in a process of its own, for the "killed instance" test: it scans, sends
 * `passOn` pings, then every further send hangs (it prints "hung") until the test SIGKILLs it.
 * Run as: node --import tsx/loader doomedInstance.ts <redisUrl> <prefix> <isoNow> <passOn>
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ProactiveMessenger, type ProactiveSender } from '../../bot/proactive';
import { ReminderInstance } from './engineKit';

async function main(): Promise<void> {
  const [redisUrl, prefix, isoNow, passOn] = process.argv.slice(2);
  const real = new ProactiveMessenger(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), '');
  let started = 0;
  const sender: ProactiveSender = {
    send: async (reference, activity) => {
      if (started++ < Number(passOn)) return real.send(reference, activity);
      process.stdout.write('hung\n');
      return new Promise(() => undefined);
    },
  };
  const instance = new ReminderInstance(redisUrl, prefix, () => new Date(isoNow), { sender, ratePerSecond: 20, lockDurationMs: 1500 });
  await instance.engine.start();
  await instance.engine.scanNow();
  process.stdout.write('scanned\n');
}

void main();
