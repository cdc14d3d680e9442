import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { BotConfig } from './config';
import type { Logger } from './logger';
import { backOffSigningKeyFetches, type SigningKeyTuning } from './signingKeys';
import { throttledWarn } from './throttledLog';

type ClaimsIdentity = Parameters<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;
type AuthenticationSettings = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0]>;
type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;

/**
 * botbuilder's CloudAdapter with `ConfigurationBotFrameworkAuthentication` read from the
 * configuration (no app id: no auth, for local clients), reusing its outbound clients.
 */
export interface AdapterOptions {
  /** Where a failed fetch of the signing keys is reported (warn, once a minute). */
  log?: Logger;
  /** Tests and benchmarks: other OpenID metadata endpoints, outbound credentials, key fetch back-off. */
  authentication?: { endpoints?: Partial<AuthenticationSettings>; credentialsFactory?: CredentialsFactory; signingKeys?: SigningKeyTuning };
}

export class BotAdapter extends CloudAdapter {
  constructor(config: BotConfig, { log, authentication = {} }: AdapterOptions = {}) {
    super(new ReusedClientsAuthentication({
      MicrosoftAppId: config.MicrosoftAppId,
      MicrosoftAppPassword: config.MicrosoftAppPassword,
      MicrosoftAppType: config.MicrosoftAppType,
      MicrosoftAppTenantId: config.MicrosoftAppTenantId,
      ...authentication.endpoints,
    }, authentication.credentialsFactory, config.CONNECTOR_TIMEOUT_MS));
    backOffSigningKeyFetches(log ? throttledWarn(log) : () => {}, authentication.signingKeys);
  }

  /**
   * What `process(req, res)` does after reading the request, for a body the server has already
   * read and checked: `process` re-validates it with schemas it builds on every request.
   */
  processChecked(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

/** Distinct (app id, service URL, audience) triples are few: one per Teams region and cloud. */
const MAX_CLIENTS = 64;

/**
 * The CloudAdapter asks for a new connector client and a new user-token client on every turn, and
 * building each one (an HTTP pipeline of a dozen policies, new credentials) costs more CPU than the
 * rest of a bare turn. The clients hold no per-request state, so one per (app id, service URL,
 * audience) serves every turn and keeps its credentials' token cache warm, as botbuilder's older
 * BotFrameworkAdapter did with its own connector client cache.
 */
class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(settings: AuthenticationSettings, credentialsFactory: CredentialsFactory | undefined, private readonly connectorTimeoutMs: number) {
    super(settings, credentialsFactory);
  }

  override async authenticateRequest(...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(...args);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity) };
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remember(this.tokenClients, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }

  private reusing(factory: ConnectorFactory, claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const appId = appIdOf(claimsIdentity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        remember(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, async () => withTimeout(await factory.create(serviceUrl, audience), this.connectorTimeoutMs)),
    };
  }
}

/** The part of @azure/core-rest-pipeline's request and pipeline the timeout policy touches. */
interface PipelineRequest { timeout: number }
interface Pipeline { addPolicy(policy: { name: string; sendRequest(request: PipelineRequest, next: (request: PipelineRequest) => Promise<unknown>): Promise<unknown> }): void }

/**
 * Every call to the Bot Connector (a reply, an update, a proactive send) gives up after `ms`:
 * without it a connector that accepts the request and never answers holds the turn, or a sweep,
 * for as long as the socket lives. Each attempt gets the limit; a timed-out call is not retried.
 * The connector factory replaces `requestPolicyFactories`, so the policy goes on the client's
 * pipeline itself (`ServiceClientContext.client`, the core-client ServiceClient).
 */
function withTimeout(connector: ConnectorClient, ms: number): ConnectorClient {
  const { pipeline } = (connector as unknown as { client: { pipeline: Pipeline } }).client;
  pipeline.addPolicy({
    name: 'eimzaConnectorTimeout',
    sendRequest: (request, next) => {
      if (!(request.timeout > 0)) request.timeout = ms;
      return next(request);
    },
  });
  return connector;
}

/** The app id the connector factory is built for: the audience claim from a channel, the appid claim from the emulator. */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
}

/** A bounded memo of promises; a failed creation is forgotten so the next turn tries again. */
function remember<T>(memo: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const known = memo.get(key);
  if (known) return known;
  if (memo.size >= MAX_CLIENTS) memo.delete(memo.keys().next().value as string);
  const created = create();
  memo.set(key, created);
  created.catch(() => memo.delete(key));
  return created;
}
