import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AddonRefusedError } from '../errors';
import { AGENT_VERSION } from '../version';

/**
 * Native addons inside the single executable. A SEA cannot dlopen from its own
 * blob, so on first start each addon is written to a per-version folder under the user's cache
 * directory and, every start, checked against the SHA-256 embedded at build time before
 * `process.dlopen`: a file changed or planted there is refused, never loaded.
 */

/** Filled in by scripts/agent-build.ts (esbuild `define`): asset name → SHA-256 hex. */
declare const EIMZA_AGENT_ADDON_SHA256: Record<string, string>;

/** The per-user cache root: XDG_CACHE_HOME or ~/.cache; %LOCALAPPDATA%; ~/Library/Caches. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches');
  return env.XDG_CACHE_HOME || join(homedir(), '.cache');
}

export function addonFolder(env: NodeJS.ProcessEnv = process.env): string {
  return join(userCacheDir(env), 'eimza-agent', AGENT_VERSION);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Writes the addon on first start, checks its SHA-256, then loads it; throws AddonRefusedError. */
export function loadEmbeddedAddon(name: string): unknown {
  const expected = EIMZA_AGENT_ADDON_SHA256[name];
  if (!expected) throw new AddonRefusedError(`no addon named "${name}" in this build`);
  const folder = addonFolder();
  const file = join(folder, `${name}.node`);
  if (!existsSync(file)) extract(name, folder, file);
  const actual = sha256(readFileSync(file));
  if (actual !== expected) {
    throw new AddonRefusedError(`${file}: SHA-256 ${actual}, expected ${expected}; delete ${folder}`);
  }
  const module = { exports: {} as unknown };
  process.dlopen(module, file);
  return module.exports;
}

function extract(name: string, folder: string, file: string): void {
  // Loaded only inside the single executable; a plain `require` of node:sea fails elsewhere.
  const sea = require('node:sea') as { getRawAsset(key: string): ArrayBuffer };
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, new Uint8Array(sea.getRawAsset(name)), { mode: 0o500 });
  chmodSync(temporary, 0o500);
  renameSync(temporary, file);
}
