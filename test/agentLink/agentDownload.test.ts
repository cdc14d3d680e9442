import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ensureAgentBuilt, type AgentBuild } from '../../scripts/agent-build';
import { formatSize } from '../../bot/agentLink/agentDownloads';
import { startBot, type BotUnderTest } from '../support/botHarness';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The page's text without tags, for asserting what a person reads. */
const readable = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('/agent/download serves what npm run agent:build made', function () {
  this.timeout(240_000);
  let built: AgentBuild;
  let bot: BotUnderTest;

  before(async () => {
    built = await ensureAgentBuilt();
    bot = await startBot({ AGENT_DOWNLOAD_DIR: dirname(built.executable) });
  });

  after(async () => {
    await bot?.close();
  });

  it('lists each built file with its size, SHA-256 and Turkish install steps', async () => {
    const response = await fetch(`${bot.url}/agent/download`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
    const html = await response.text();
    const text = readable(html);
    assert.match(text, /e-imza kart yardımcısını indirin/);
    for (const file of [built.executable, built.deb!]) {
      const name = basename(file);
      assert.ok(html.includes(`href="/agent/download/${name}"`), `${name} is not linked`);
      assert.ok(html.includes(sha256(readFileSync(file))), `${name}: its SHA-256 is not on the page`);
      assert.ok(text.includes(formatSize(statSync(file).size, 'tr')), `${name}: its size is not on the page`);
    }
    const headings = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['Debian / Pardus (.deb paketi)', 'Linux x64 (tek dosya)'], 'only what was built is listed');
    assert.match(text, /sudo apt install \.\/eimza-agent_\d+\.\d+\.\d+_amd64\.deb/);
    assert.match(text, /Linux x64 \(tek dosya\)/);
    assert.match(text, /chmod \+x eimza-agent-linux-x64/);
    assert.doesNotMatch(text, /build-info/);
    const english = readable(await (await fetch(`${bot.url}/agent/download?lang=en`)).text());
    assert.match(english, /download the e-signature card helper/);
  });

  it('serves a listed file whose bytes match the SHA-256 on the page', async () => {
    const name = basename(built.deb!);
    const response = await fetch(`${bot.url}/agent/download/${name}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', new RegExp(`attachment; filename="${name.replace(/\./g, '\\.')}"`));
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.equal(bytes.length, statSync(built.deb!).size);
    const page = await (await fetch(`${bot.url}/agent/download`)).text();
    assert.ok(page.includes(sha256(bytes)));
  });

  const refused = ['build-info.json', '..%2Fpackage.json', 'eimza-agent-win-x64.exe', '%2Fetc%2Fpasswd'];
  for (const name of refused) {
    it(`answers 404 for ${decodeURIComponent(name)} (not a listed file)`, async () => {
      const response = await fetch(`${bot.url}/agent/download/${name}`);
      await response.arrayBuffer();
      assert.equal(response.status, 404);
    });
  }

  it('says plainly when nothing was built, and hashes a replaced file again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eimza-downloads-'));
    const empty = await startBot({ AGENT_DOWNLOAD_DIR: dir });
    try {
      assert.match(readable(await (await fetch(`${empty.url}/agent/download`)).text()), /Henüz indirilecek bir dosya yok/);
      const file = join(dir, 'eimza-agent-linux-x64');
      writeFileSync(file, 'first build');
      assert.ok((await (await fetch(`${empty.url}/agent/download`)).text()).includes(sha256(Buffer.from('first build'))));
      writeFileSync(file, 'second build!');
      assert.ok((await (await fetch(`${empty.url}/agent/download`)).text()).includes(sha256(Buffer.from('second build!'))));
      // Built on a Windows runner and copied here: the executable and its installer, one section.
      writeFileSync(join(dir, 'eimza-agent-win-x64.exe'), 'MZ');
      writeFileSync(join(dir, 'eimza-agent-install.ps1'), '# install');
      const html = await (await fetch(`${empty.url}/agent/download`)).text();
      assert.deepEqual([...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]), ['Linux x64 (tek dosya)', 'Windows 10/11 x64']);
      const windows = readable(html.slice(html.indexOf('Windows 10/11 x64')));
      assert.match(windows, /eimza-agent-win-x64\.exe .*eimza-agent-install\.ps1/);
      assert.match(windows, /"Akıllı Kart" \(SCardSvr\) hizmeti çalışıyor olmalıdır; hizmet çalışmıyorsa program kart sürücüsünü yüklemez/);
    } finally {
      await empty.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
