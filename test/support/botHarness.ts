import { createApp, type App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { FakeConnector } from './fakeConnector';
import { logSink } from './logs';

/** A running bot (in this process, on a free port) with a fake connector and captured logs. */
export interface BotUnderTest {
  app: App;
  url: string;
  connector: FakeConnector;
  logs: string[];
  close(): Promise<void>;
}

export async function startBot(env: Record<string, string> = {}, connector?: FakeConnector): Promise<BotUnderTest> {
  const { stream, lines: logs } = logSink();
  const app = createApp(loadConfig({ PORT: '0', LOG_LEVEL: 'debug', ...env }), { logDestination: stream });
  const port = await app.listen();
  const ownConnector = !connector;
  const fake = connector ?? (await new FakeConnector().start());
  return {
    app, logs, connector: fake, url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      if (ownConnector) await fake.stop();
    },
  };
}
