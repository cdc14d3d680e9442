import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The agent's version: the repository package version. */
export const AGENT_VERSION: string = readAgentVersion();

function readAgentVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
