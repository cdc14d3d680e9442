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
import { keepAlive, measureRounds, pairedRatio, printTable, readOptions, startChild, type Target } from './turns';

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
  const serveWith = (metadataUrl?: string) => async () => {
    const port = await freePort();
    return startChild([resolve(__filename), '--serve', String(port), ...(metadataUrl ? [metadataUrl] : [])], {}, port);
  };
  const targets: Target[] = [
    { name: 'eimza-bot, memory state, no auth', start: serveWith() },
    { name: 'eimza-bot, memory state, auth on', start: serveWith(openId.metadataUrl), authorization: `Bearer ${openId.token(APP_ID, connector.serviceUrl)}` },
  ];
  try {
    const results = await measureRounds(targets, connector, options);
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
