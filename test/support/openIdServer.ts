import { createServer, type Server } from 'node:http';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { closeServer, listenOnLoopback } from './loopback';

/** The Bot Framework's issuer for tokens from a channel (Teams). */
export const CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * A loopback stand-in for the Bot Framework's OpenID metadata and signing keys (JWKS): it signs
 * tokens the bot must accept, counts every fetch, and can fail on demand (keys out of reach).
 */
export class OpenIdServer {
  /** Fetches of the metadata and of the keys, counted separately. */
  readonly fetches = { metadata: 0, keys: 0 };
  /** While true every fetch is answered 503. */
  failing = false;
  readonly kid = 'local-signing-key';
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: Server;
  private port = 0;

  get metadataUrl(): string {
    return `http://127.0.0.1:${this.port}/v1/.well-known/openidconfiguration`;
  }

  /** botbuilder's settings with this server in place of the Bot Framework's keys. */
  get endpoints(): Record<string, string | boolean> {
    return localAuthEndpoints(this.metadataUrl);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const isKeys = req.url === '/keys';
      this.fetches[isKeys ? 'keys' : 'metadata'] += 1;
      // Not chained: restify, loaded in the same process, patches writeHead to return nothing.
      if (this.failing) {
        res.writeHead(503);
        return void res.end();
      }
      const body = isKeys
        ? { keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', alg: 'RS256' }] }
        : { issuer: CHANNEL_ISSUER, jwks_uri: `http://127.0.0.1:${this.port}/keys`, id_token_signing_alg_values_supported: ['RS256'] };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    this.port = await listenOnLoopback(this.server);
    return this;
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** A channel token for `appId` and `serviceUrl`, as the Bot Connector sends it, signed by this server's key. */
  token(appId: string, serviceUrl: string): string {
    return signJwt(this.keys.privateKey, this.kid, channelClaims(appId, serviceUrl));
  }
}

/**
 * The public cloud's settings with `metadataUrl` in place of the Bot Framework's keys (setting one
 * endpoint makes botbuilder expect all of them). Emulator tokens go there too: nothing leaves.
 */
export function localAuthEndpoints(metadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    ToBotFromChannelTokenIssuer: CHANNEL_ISSUER,
    OAuthUrl: 'https://api.botframework.com',
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
    CallerId: 'urn:botframework:azure',
  };
}

/** The claims the Bot Connector puts in a token it sends to a bot. */
export function channelClaims(appId: string, serviceUrl: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600 };
}

let forgersKey: KeyObject | undefined;

/** A token that claims to come from the Bot Framework, signed with a key of the forger's own. */
export function forgedToken(appId: string, serviceUrl: string): string {
  forgersKey ??= generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  return signJwt(forgersKey, 'forged-key', channelClaims(appId, serviceUrl));
}

function signJwt(privateKey: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256', typ: 'JWT', kid })}.${encode(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(privateKey).toString('base64url')}`;
}

/**
 * Outbound credentials for a bot whose app id is `appId`, without Azure AD (not reachable here):
 * the bot's replies to the local fake connector go unsigned.
 */
export function localCredentials(appId: string) {
  return {
    isValidAppId: async (candidate: string) => candidate === appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({ signRequest: async <T>(request: T) => request }),
  };
}
