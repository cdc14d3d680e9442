/**
 * Turns with authentication on: `npm run --silent bench:turns-auth [-- --rounds 5 ...]`
 * (the options of bench/turns.ts).
 *
 * The same eimza-bot (memory state) twice, as child processes, round-robin: once without an app id
 * (no auth), once with an app id, where every POST carries a Bot Connector token signed by a
 * loopback OpenID metadata / JWKS server in this process (botbuilder fetches the keys once, then
 * checks each token's signature, issuer, audience, service URL and lifetime). Replies go unsigned
 * to the local fake connector (no Azure AD here), so the figure is the cost of checking tokens.
 * The same token is sent on every POST, as the Bot Connector reuses one for up to an hour.
 */
import { resolve } from 'node:path';
import { createApp } from '../bot/app';
import { loadConfig } from '../bot/config';
import { FakeConnector } from '../test/support/fakeConnector';
import { localAuthEndpoints, localCredentials, OpenIdServer } from '../test/support/openIdServer';
import { freePort } from '../test/support/redisServer';
import { keepAlive, LoadDriver, pairedRatio, printTable, readOptions, startChild, summarise, throughput, type Measurement } from './turns';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

/** `tsx bench/turns-auth.ts --serve <port> [<metadataUrl>]`: eimza-bot as `npm start` runs it, with local auth endpoints. */
async function serve(port: number, metadataUrl?: string): Promise<void> {
  const auth = metadataUrl ? { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'bench-only', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'bench' } : {};
  const endpoints = metadataUrl ? localAuthEndpoints(metadataUrl) : undefined;
  const app = createApp(loadConfig({ PORT: String(port), LOG_LEVEL: 'info', PUBLIC_URL: 'https://eimza.example', ...auth }), {
    authentication: endpoints ? { endpoints, credentialsFactory: localCredentials(APP_ID) as never } : undefined,
  });
  await app.listen();
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

async function main(): Promise<void> {
  const serveAt = process.argv.indexOf('--serve');
  if (serveAt >= 0) return serve(Number(process.argv[serveAt + 1]), process.argv[serveAt + 2]);

  const options = readOptions(process.argv.slice(2));
  const connector = await new FakeConnector().start();
  const openId = await new OpenIdServer().start();
  const targets = [
    { name: 'eimza-bot, memory state, no auth', metadataUrl: undefined, authorization: undefined },
    { name: 'eimza-bot, memory state, auth on', metadataUrl: openId.metadataUrl, authorization: `Bearer ${openId.token(APP_ID, connector.serviceUrl)}` },
  ];
  const measurements = new Map<string, Measurement[]>(targets.map((target) => [target.name, []]));
  try {
    for (let round = 1; round <= options.rounds; round++) {
      for (const target of targets) {
        const port = await freePort();
        const server = await startChild([resolve(__filename), '--serve', String(port), ...(target.metadataUrl ? [target.metadataUrl] : [])], {}, port);
        try {
          const driver = new LoadDriver(connector, options.workload, target.authorization);
          const conversations = driver.newConversations(options.conversations);
          await driver.run(server.url, conversations, options.warmupTurns);
          const measurement = await driver.run(server.url, conversations, options.turns);
          measurements.get(target.name)!.push(measurement);
          process.stderr.write(`round ${round}: ${target.name}: ${throughput(measurement).toFixed(0)} turns/s, ${measurement.errors} errors\n`);
        } finally {
          await server.stop();
        }
      }
    }
    const results = targets.map((target) => summarise(target.name, measurements.get(target.name)!));
    printTable(results, options);
    console.log(`\nauth on / no auth throughput: ${pairedRatio(results[1], results[0]).toFixed(2)}; signing-key fetches: ${openId.fetches.metadata} metadata, ${openId.fetches.keys} keys (one per auth-on bot process)`);
  } finally {
    keepAlive.destroy();
    await connector.stop();
    await openId.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
