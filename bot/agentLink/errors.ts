/** Named errors of the paired-agent link (bot side). */

/** The device is paired but no bot instance holds its WebSocket. */
export class AgentOfflineError extends Error {
  override name = 'AgentOfflineError';
  constructor(readonly deviceId: string) {
    super(`Agent ${deviceId} is not connected`);
  }
}

/** The agent did not answer a probe in time. */
export class ProbeTimeoutError extends Error {
  override name = 'ProbeTimeoutError';
  constructor(readonly deviceId: string, readonly timeoutMs: number) {
    super(`Agent ${deviceId} did not answer a probe within ${timeoutMs} ms`);
  }
}

/** The link is closing: no new probes. */
export class AgentLinkClosedError extends Error {
  override name = 'AgentLinkClosedError';
  constructor() {
    super('The agent link is closed');
  }
}
