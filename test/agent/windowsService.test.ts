import assert from 'node:assert/strict';
import { SmartCardServiceStoppedError } from '../../paired-agent/errors';
import { assertSmartCardServiceRunning, smartCardServiceState } from '../../paired-agent/windows-service';

/** What `sc.exe query SCardSvr` prints, and whether akisp11.dll may be loaded then. */
const queryRows: [string, string, 'running' | 'stopped'][] = [
  ['running', 'SERVICE_NAME: SCardSvr\r\n        TYPE               : 20  WIN32_SHARE_PROCESS\r\n        STATE              : 4  RUNNING\r\n', 'running'],
  ['stopped', 'SERVICE_NAME: SCardSvr\r\n        STATE              : 1  STOPPED\r\n', 'stopped'],
  ['starting', 'SERVICE_NAME: SCardSvr\r\n        STATE              : 2  START_PENDING\r\n', 'stopped'],
  ['stopping', 'SERVICE_NAME: SCardSvr\r\n        STATE              : 3  STOP_PENDING\r\n', 'stopped'],
  ['not installed', '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\r\n', 'stopped'],
];

describe('Windows: the Smart Card service (SCardSvr) before akisp11.dll', () => {
  for (const [name, output, state] of queryRows) {
    it(`reads "${name}" as ${state}`, () => assert.equal(smartCardServiceState(output), state));
  }

  it('refuses to load the AKIS library while the service is stopped, and says why in Turkish and English', () => {
    assert.doesNotThrow(() => assertSmartCardServiceRunning(() => queryRows[0][1]));
    for (const query of [() => queryRows[1][1], () => { throw new Error('sc.exe not found'); }]) {
      assert.throws(() => assertSmartCardServiceRunning(query), (error: unknown) => {
        assert.ok(error instanceof SmartCardServiceStoppedError);
        assert.equal(error.exitCode, 3);
        assert.equal(error.code, 'pcsc_unavailable');
        assert.match(error.userMessage('tr'), /Akıllı Kart hizmeti \(SCardSvr\) çalışmıyor\. AKİS kart sürücüsü bu hizmet olmadan çökebildiği için yüklenmedi/);
        assert.match(error.userMessage('en'), /SCardSvr\) is not running\. The AKIS card driver was not loaded, because it can crash/);
        return true;
      });
    }
  });
});
