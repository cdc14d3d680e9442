import type { AgentConfig } from './config';
import { ExitCode } from './errors';

export interface RunOptions {
  config: AgentConfig;
  lib?: string;
  log: (line: string) => void;
}

/** `eimza-agent run`: placeholder until the WebSocket link lands. */
export async function runAgent(options: RunOptions): Promise<number> {
  options.log('run: not yet implemented');
  return ExitCode.Internal;
}
