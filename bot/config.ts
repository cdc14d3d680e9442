import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TIME_ZONE } from '../domain/dates';

/**
 * The bot's whole configuration, read from the environment (and an optional `.env`) once, at
 * start. Everything else receives this typed object; nothing else reads `process.env`.
 */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must look like redis://host:6379 or rediss://host:6380')
    .optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default('eimza:'),
  CONVERSATION_IDLE_TTL_SECONDS: z.coerce.number().int().min(60).default(7 * 24 * 3600),
  MicrosoftAppId: z.string().uuid('must be the bot\'s Microsoft App ID (a GUID)').optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
  MicrosoftAppTenantId: z.string().min(1).optional(),
  // Every outbound call to the Bot Connector (replies, proactive sends) gives up after this long.
  CONNECTOR_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  BOT_LOCALE: z.enum(['tr-TR', 'en-US']).default('tr-TR'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Help desk handoff (bot/handoff): who counts as help desk staff, when they work, and the timers.
  HELPDESK_MEMBER_IDS: z.string().optional().transform((value) => (value ?? '').split(',').map((id) => id.trim().toLowerCase()).filter(Boolean)),
  HELPDESK_HOURS: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-4]):[0-5]\d$/, 'must look like 08:30-17:30').default('08:30-17:30'),
  HELPDESK_DAYS: z.string().regex(/^[1-7](-[1-7])?(,[1-7](-[1-7])?)*$/, 'must be ISO weekdays like 1-5 or 1,2,3,4,5 (1 = Monday)').default('1-5'),
  // Accepted for older deployments; the one time zone is TIME_ZONE (domain/dates.ts), so only its value passes.
  HELPDESK_TIMEZONE: z.string().refine(isTimeZone, 'must be an IANA time zone like Europe/Istanbul').refine((zone) => zone === TIME_ZONE, `must be ${TIME_ZONE} (the institution's time zone, domain/dates.ts), or left unset`).default(TIME_ZONE),
  HANDOFF_REANNOUNCE_SECONDS: z.coerce.number().int().min(1).default(10 * 60),
  HANDOFF_IDLE_CLOSE_SECONDS: z.coerce.number().int().min(1).default(30 * 60),
  HANDOFF_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
  HANDOFF_SWEEP_INTERVAL_MS: z.coerce.number().int().min(10).default(15_000),
  // Renewal requests (bot/requests): number prefix and how long a form / CSV link works.
  REQUEST_NUMBER_PREFIX: z.string().regex(/^[A-Z]{1,6}$/, 'must be 1-6 capital letters, like EI').default('EI'),
  REQUEST_LINK_TTL_SECONDS: z.coerce.number().int().min(60).default(7 * 86_400),
  // Expiry pings (bot/reminders): documented in docs/deploy.md and bench/README.md.
  REMINDERS_ENABLED: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
  REMINDER_RATE_PER_SECOND: z.coerce.number().int().min(1).max(50).default(30),
  REMINDER_CONVERSATION_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  REMINDER_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  REMINDER_BACKOFF_MS: z.coerce.number().int().min(10).default(2000),
  REMINDER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  // Paired card agent (bot/agentLink, paired-agent/PROTOCOL.md): the address agents reach, pairing codes, probes.
  PUBLIC_URL: z.string().url('must be the address agents reach, like https://eimza.kurum.gov.tr').optional(),
  PAIRING_CODE_TTL_SECONDS: z.coerce.number().int().min(10).default(600),
  PAIRING_MAX_WRONG_CODES: z.coerce.number().int().min(1).default(5),
  PAIRING_PAUSE_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  AGENT_PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).default(8000),
  AGENT_PING_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  // Where `npm run agent:build` put the agent's files; served at /agent/download.
  AGENT_DOWNLOAD_DIR: z.string().min(1).default(join(__dirname, '..', 'dist', 'agent')),
  AGENT_TCKN_SALT: z.string().regex(/^[0-9a-fA-F]{32,128}$/, 'must be 32-128 hex digits').optional(),
  // Certificate status (bot/certStatus): the CA certificates trusted for OCSP/CRL answers; unset = no check.
  CERT_STATUS_CA_CERTS: z.string().refine(isReadable, 'must be a readable PEM file or a folder of CA certificates').optional(),
  CERT_STATUS_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  CERT_STATUS_MAX_AGE_SECONDS: z.coerce.number().int().min(60).default(24 * 3600),
});

export type BotConfig = z.infer<typeof schema>;

function isReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses `env`; throws a ConfigError that names every bad variable. Empty strings count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration. ${problems.join('; ')}`);
  }
  return withAuthRules(parsed.data);
}

function withAuthRules(config: BotConfig): BotConfig {
  const needsTenant = config.MicrosoftAppType === 'SingleTenant' || config.MicrosoftAppType === 'UserAssignedMSI';
  if (config.MicrosoftAppId && needsTenant && !config.MicrosoftAppTenantId) {
    throw new ConfigError(`Invalid configuration. MicrosoftAppTenantId: required when MicrosoftAppType is ${config.MicrosoftAppType}`);
  }
  if (config.MicrosoftAppId && config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) {
    throw new ConfigError('Invalid configuration. MicrosoftAppPassword: required when MicrosoftAppId is set (except for UserAssignedMSI)');
  }
  return config;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/**
 * Settings that start but are probably wrong, said once at start: with an app id the bot runs
 * for real users, whose agents cannot reach a PUBLIC_URL that is unset or points at this machine.
 */
export function configWarnings(config: BotConfig): string[] {
  if (!config.MicrosoftAppId) return [];
  const host = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname : undefined;
  if (host === undefined) return ['PUBLIC_URL is unset while MicrosoftAppId is configured: pairing cards will tell staff PCs to reach http://localhost; set it to the address agents reach (https://eimza.kurum.gov.tr)'];
  if (LOCAL_HOSTS.has(host) || host.endsWith('.localhost')) return [`PUBLIC_URL points at this machine (${config.PUBLIC_URL}) while MicrosoftAppId is configured: staff PCs cannot reach it; set it to the address agents reach`];
  return [];
}

/** True when the bot checks incoming tokens (an app id is configured). */
export function isAuthEnabled(config: BotConfig): boolean {
  return Boolean(config.MicrosoftAppId);
}
