import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CLI_ROWS } from './data/cli';

const REPO_ROOT = join(__dirname, '..', '..');

interface CliRun {
  stdout: string;
  exitCode: number | null;
}

/** Runs the real entry point the way the issue specifies: `npm run --silent nlu`. */
function runCli(input: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'nlu'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ stdout, exitCode }));
    child.stdin.end(input);
  });
}

describe('nlu CLI (npm run --silent nlu)', () => {
  describe('when given one utterance per line', () => {
    let run: CliRun;

    before(async () => {
      run = await runCli(`${CLI_ROWS.map((row) => row.text).join('\n')}\n`);
    });

    it('exits 0', () => {
      assert.equal(run.exitCode, 0);
    });

    it('writes exactly one JSON line per input line and nothing else', () => {
      const lines = run.stdout.split('\n');
      assert.equal(lines.pop(), '', 'output ends with a newline');
      assert.equal(lines.length, CLI_ROWS.length);
      for (const line of lines) assert.doesNotThrow(() => JSON.parse(line), line);
    });

    // issue 16 adds "topic", only when the message asks a topic question; the three keys stay first
    it('keeps the input order and gives text, intent and score (and the topic when there is one)', () => {
      const results = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      results.forEach((result, index) => {
        const row = CLI_ROWS[index];
        assert.ok(row);
        assert.deepEqual(Object.keys(result), row.topic ? ['text', 'intent', 'score', 'topic'] : ['text', 'intent', 'score']);
        assert.equal(result.text, row.text);
        assert.equal(result.intent, row.intent);
        assert.equal(typeof result.score, 'number');
        assert.equal(result.topic, row.topic);
      });
    });
  });

  it('reads Windows line endings', async () => {
    const run = await runCli('KARTIMI KAYBETTİM\r\nwifi şifresi ne\r\n');
    const intents = run.stdout.trim().split('\n').map((line) => (JSON.parse(line) as { intent: string }).intent);
    assert.deepEqual(intents, ['lost_card', 'none']);
  });
});
