/**
 * Entry point of the single executable (scripts/agent-build.ts bundles it with esbuild): the same
 * CLI as bin/eimza-agent.js. The native addons load from the verified cache folder (addons.ts)
 * when a command needs them; a refused addon is an AgentError like any other (exit 13).
 */
import { runFromCommandLine } from '../cli';

runFromCommandLine();
