import agentPackage from './package.json';

/** The agent's version: its workspace package's (bundled into the single executable at build). */
export const AGENT_VERSION: string = agentPackage.version;
