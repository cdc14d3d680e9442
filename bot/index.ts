import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from './config';
import { createApp } from './app';

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
      app.close().then(() => process.exit(0), () => process.exit(1));
    });
  }
}

void main();
