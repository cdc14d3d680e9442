import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, win32 } from 'node:path';
import { pickLang, type Lang } from './messages';

/**
 * The one place that reads the environment. Everything else receives an AgentConfig.
 *
 * | variable          | meaning                                          | default                 |
 * |-------------------|--------------------------------------------------|-------------------------|
 * | EIMZA_PKCS11_LIB  | path of the AKIS PKCS#11 library                 | the OS default paths    |
 * | EIMZA_AGENT_LANG  | `tr` or `en` for messages                        | `tr`                    |
 * | XDG_CONFIG_HOME   | parent of the agent's config folder (all OSes)   | OS convention, below    |
 */
export interface AgentConfig {
  /** Folder holding the install salt and the pairing (device key), created 0700. */
  configDir: string;
  /** Library from --lib or EIMZA_PKCS11_LIB; null means "try the OS defaults". */
  pkcs11LibOverride: string | null;
  platform: NodeJS.Platform;
  lang: Lang;
  /** Windows folder, used for the System32 default. */
  systemRoot: string;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): AgentConfig {
  return {
    configDir: configDirFor(env, platform),
    pkcs11LibOverride: env.EIMZA_PKCS11_LIB?.trim() || null,
    platform,
    lang: pickLang(env.EIMZA_AGENT_LANG),
    systemRoot: env.SystemRoot ?? env.SYSTEMROOT ?? 'C:\\Windows',
  };
}

function configDirFor(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'eimza-agent');
  if (platform === 'win32') return win32.join(env.APPDATA ?? win32.join(homedir(), 'AppData', 'Roaming'), 'eimza-agent');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'eimza-agent');
  return join(homedir(), '.config', 'eimza-agent');
}

/** Where the AKIS middleware installs its PKCS#11 library on each OS (domain.md). */
export function defaultPkcs11Paths(config: Pick<AgentConfig, 'platform' | 'systemRoot'>): string[] {
  switch (config.platform) {
    case 'win32':
      return [win32.join(config.systemRoot, 'System32', 'akisp11.dll')];
    case 'darwin':
      return ['/usr/local/lib/libakisp11.dylib'];
    default:
      return ['/usr/lib/libakisp11.so', '/usr/local/lib/libakisp11.so'];
  }
}

/** Creates the config folder owner-only (0700). */
export function ensureConfigDir(configDir: string): string {
  mkdirSync(configDir, { recursive: true, mode: 0o700 });
  chmodSync(configDir, 0o700);
  return configDir;
}

/** Writes a file that only the owner may read (0600), replacing any older one. */
export function writePrivateFile(path: string, content: string | Buffer): void {
  writeFileSync(path, content, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * The per-install salt for the T.C. Kimlik No hash: 32 random bytes kept in
 * `<configDir>/install-salt` (0600), made on first use.
 */
export function loadOrCreateInstallSalt(configDir: string): Buffer {
  const path = join(ensureConfigDir(configDir), 'install-salt');
  if (existsSync(path)) {
    const hex = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(hex)) return Buffer.from(hex, 'hex');
  }
  const salt = randomBytes(32);
  writePrivateFile(path, salt.toString('hex') + '\n');
  return salt;
}
