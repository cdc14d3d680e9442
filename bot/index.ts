import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from './config';
import { createApp } from './app';

/** Well inside the usual 30 s a supervisor (Kubernetes, systemd) waits before SIGKILL. */
const SHUTDOWN_DEADLINE_MS = 20_000;

/** `npm start`: read the configuration, start the bot, stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  let app;
  try {
    // createApp can refuse configuration too (e.g. a CERT_STATUS_CA_CERTS folder without certificates).
    app = createApp(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  await app.listen();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      app.log.info({ signal }, 'shutting down');
      // Each close step is bounded; this is the last word if one still hangs.
      setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
}

void main();
