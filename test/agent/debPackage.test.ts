import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureAgentBuilt } from '../../scripts/agent-build';

const UNIT = 'usr/lib/systemd/user/eimza-agent.service';

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { code: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, env });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * `systemd-analyze verify` of a unit whose ExecStart binary is the package's: in a private mount
 * namespace, a read-only overlay puts the extracted /usr/bin/eimza-agent into /usr/bin. Any
 * complaint (unknown key, bad value, missing binary) is printed; a clean unit prints nothing.
 */
function verifyUnit(extracted: string, unitFile: string): { code: number; output: string } {
  const script = `mount -t overlay overlay -o lowerdir=${extracted}/usr/bin:/usr/bin /usr/bin && exec systemd-analyze verify ${unitFile}`;
  const result = run('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script]);
  return { code: result.code, output: (result.stdout + result.stderr).trim() };
}

describe('the .deb (npm run agent:build on Linux)', function () {
  this.timeout(240_000);
  let deb: string;
  let extracted: string;

  before(async () => {
    const built = await ensureAgentBuilt();
    assert.ok(built.deb, 'no .deb was built');
    deb = built.deb;
    extracted = mkdtempSync(join(tmpdir(), 'eimza-deb-'));
    assert.equal(run('dpkg-deb', ['--extract', deb, extracted]).code, 0);
  });

  after(() => {
    if (extracted) rmSync(extracted, { recursive: true, force: true });
  });

  it('declares the package, its architecture and the PC/SC daemon dependency (dpkg-deb --info)', () => {
    const info = run('dpkg-deb', ['--info', deb]);
    assert.equal(info.code, 0, info.stderr);
    assert.match(info.stdout, /^ Package: eimza-agent$/m);
    assert.match(info.stdout, /^ Architecture: amd64$/m);
    assert.match(info.stdout, /^ Depends: .*\bpcscd\b/m);
    assert.match(info.stdout, /^ Version: \d+\.\d+\.\d+$/m);
    assert.match(info.stdout, /\bpostinst\b/);
  });

  it('holds the executable (0755) and the systemd user unit (dpkg-deb --contents)', () => {
    const contents = run('dpkg-deb', ['--contents', deb]);
    assert.equal(contents.code, 0, contents.stderr);
    assert.match(contents.stdout, /^-rwxr-xr-x root\/root\s+\d+ .* \.\/usr\/bin\/eimza-agent$/m);
    assert.match(contents.stdout, /^-rw-r--r-- root\/root\s+\d+ .* \.\/usr\/lib\/systemd\/user\/eimza-agent\.service$/m);
    const help = run(join(extracted, 'usr/bin/eimza-agent'), ['--help'], { ...process.env, XDG_CACHE_HOME: join(extracted, 'cache') });
    assert.equal(help.code, 0, help.stderr);
    assert.match(help.stdout, /eimza-agent run/);
  });

  it('runs `eimza-agent run` at login, restarts it, and enables it for every user', () => {
    const unit = readFileSync(join(extracted, UNIT), 'utf8');
    assert.match(unit, /^ExecStart=\/usr\/bin\/eimza-agent run$/m);
    assert.match(unit, /^Restart=on-failure$/m);
    assert.match(unit, /^RestartPreventExitStatus=10$/m, 'an unpaired PC would restart forever');
    assert.match(unit, /^WantedBy=default\.target$/m);
    const control = mkdtempSync(join(tmpdir(), 'eimza-deb-control-'));
    try {
      assert.equal(run('dpkg-deb', ['--control', deb, control]).code, 0);
      assert.match(readFileSync(join(control, 'postinst'), 'utf8'), /systemctl --global enable eimza-agent\.service/);
    } finally {
      rmSync(control, { recursive: true, force: true });
    }
  });

  it('passes systemd-analyze verify, which does complain about a broken unit', () => {
    const clean = verifyUnit(extracted, join(extracted, UNIT));
    assert.equal(clean.code, 0, clean.output);
    assert.equal(clean.output, '', 'systemd-analyze verify complained');
    const broken = join(extracted, 'broken.service');
    writeFileSync(broken, readFileSync(join(extracted, UNIT), 'utf8').replace('RestartSec=10', 'RestartSec=ten').replace('/usr/bin/eimza-agent', '/usr/bin/eimza-agent-missing'));
    const complaint = verifyUnit(extracted, broken);
    assert.match(complaint.output, /RestartSec|sec value/);
    assert.match(complaint.output, /eimza-agent-missing/);
  });
});
