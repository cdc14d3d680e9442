import { execFileSync } from 'node:child_process';
import { SmartCardServiceStoppedError } from './errors';

/**
 * Windows only: akisp11.dll can crash the process when the Smart Card service (SCardSvr) is
 * stopped, so the agent checks the service before loading the library and refuses plainly.
 */
export function smartCardServiceState(queryOutput: string): 'running' | 'stopped' {
  return /STATE\s*:\s*4\s+RUNNING/i.test(queryOutput) ? 'running' : 'stopped';
}

export function assertSmartCardServiceRunning(
  query: () => string = () => execFileSync('sc.exe', ['query', 'SCardSvr'], { encoding: 'utf8', windowsHide: true, timeout: 5000 }),
): void {
  let output: string;
  try {
    output = query();
  } catch (err) {
    throw new SmartCardServiceStoppedError(`sc.exe query SCardSvr failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (smartCardServiceState(output) !== 'running') {
    throw new SmartCardServiceStoppedError('SCardSvr is not running; akisp11.dll was not loaded (it can crash without the service)');
  }
}
