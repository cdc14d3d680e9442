import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { t, type Locale, type StringKey } from '../../cards/i18n';

/**
 * `GET /agent/download`: the agent's built files (`npm run agent:build` writes them to
 * AGENT_DOWNLOAD_DIR) on a small page with each file's size, SHA-256 and install steps, Turkish
 * first (`?lang=en`); `GET /agent/download/<file>` serves a listed file, nothing else.
 */
export const DOWNLOAD_PATH = '/agent/download';

export type AgentPlatform = 'deb' | 'linux' | 'windows' | 'macos';

export interface AgentDownload {
  file: string;
  platform: AgentPlatform;
  size: number;
  sha256: string;
}

/** File names per platform; the first match of a platform is its main file (named in the steps). */
const PLATFORM_OF_NAME: [RegExp, AgentPlatform][] = [
  [/^eimza-agent_[\w.~+-]+_amd64\.deb$/, 'deb'],
  [/^eimza-agent-linux-x64$/, 'linux'],
  [/^eimza-agent-win-x64\.exe$/, 'windows'],
  [/^eimza-agent-install\.ps1$/, 'windows'],
  [/^eimza-agent-macos-(?:x64|arm64)$/, 'macos'],
  [/^eimza-agent-macos-install\.sh$/, 'macos'],
];

const STEPS = ['step1', 'step2', 'step3', 'step4'] as const;

export class AgentDownloads {
  /** SHA-256 by file, kept while its size and modification time stay the same. */
  private readonly digests = new Map<string, { stamp: string; sha256: Promise<string> }>();

  constructor(private readonly dir: string) {}

  /** The agent files in the folder, in platform order; none when the folder does not exist. */
  async list(): Promise<AgentDownload[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const found: AgentDownload[] = [];
    for (const [pattern, platform] of PLATFORM_OF_NAME) {
      for (const file of names.filter((name) => pattern.test(name)).sort()) {
        const info = await stat(join(this.dir, file));
        if (info.isFile()) found.push({ file, platform, size: info.size, sha256: await this.digest(file, `${info.size}:${info.mtimeMs}`) });
      }
    }
    return found;
  }

  register(server: Server): void {
    server.get(DOWNLOAD_PATH, async (req: Request, res: Response) => {
      const locale: Locale = new URL(req.url ?? '/', 'http://x').searchParams.get('lang') === 'en' ? 'en' : 'tr';
      const body = renderDownloadPage(await this.list(), locale);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-cache' });
      res.end(body);
    });
    server.get(`${DOWNLOAD_PATH}/:file`, async (req: Request, res: Response) => {
      const listed = (await this.list()).find((download) => download.file === req.params.file);
      if (!listed) {
        res.send(404, { error: 'not_found' });
        return;
      }
      res.writeHead(200, {
        'content-type': listed.platform === 'deb' ? 'application/vnd.debian.binary-package' : 'application/octet-stream',
        'content-length': listed.size,
        'content-disposition': `attachment; filename="${listed.file}"`,
      });
      createReadStream(join(this.dir, listed.file)).pipe(res);
    });
  }

  private digest(file: string, stamp: string): Promise<string> {
    const known = this.digests.get(file);
    if (known?.stamp === stamp) return known.sha256;
    const sha256 = new Promise<string>((resolve, reject) => {
      const hash = createHash('sha256');
      createReadStream(join(this.dir, file)).on('data', (chunk) => hash.update(chunk)).on('end', () => resolve(hash.digest('hex'))).on('error', reject);
    });
    this.digests.set(file, { stamp, sha256 });
    sha256.catch(() => this.digests.delete(file));
    return sha256;
  }
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** 99.6 MB, 34.3 MB, 420 kB. */
export function formatSize(bytes: number, locale: Locale): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'MB'] : [bytes / 1e3, 'kB'];
  return `${value.toLocaleString(locale === 'tr' ? 'tr-TR' : 'en-US', { maximumFractionDigits: 1 })} ${unit}`;
}

export function renderDownloadPage(downloads: AgentDownload[], locale: Locale): string {
  const s = (key: StringKey, values?: Record<string, string>) => escapeHtml(t(locale, key, values));
  const platforms = [...new Set(downloads.map((d) => d.platform))];
  const sections = platforms.map((platform) => {
    const files = downloads.filter((d) => d.platform === platform);
    const key = `agent.download.platforms.${platform}` as const;
    const rows = files.map((d) => `<tr><td><a href="${DOWNLOAD_PATH}/${encodeURIComponent(d.file)}" download>${escapeHtml(d.file)}</a></td><td>${escapeHtml(formatSize(d.size, locale))}</td><td><code>${d.sha256}</code></td></tr>`);
    const steps = STEPS.map((step) => `<li>${s(`${key}.${step}`, { file: files[0].file })}</li>`).join('');
    return `<section><h2>${s(`${key}.name`)}</h2>
<table><tr><th>${s('agent.download.file')}</th><th>${s('agent.download.size')}</th><th>${s('agent.download.sha256')}</th></tr>
${rows.join('\n')}</table>
<ol>${steps}</ol></section>`;
  });
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${s('agent.download.title')}</title>
<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5}th{text-align:left;padding-right:1rem}code{word-break:break-all}section{border-top:1px solid #ccc;margin-top:1.5rem}</style>
</head><body><h1>${s('agent.download.title')}</h1>
<p>${s('agent.download.intro')}</p>
${sections.length ? sections.join('\n') : `<p>${s('agent.download.none')}</p>`}
<p>${s('agent.download.checksum')}</p>
</body></html>
`;
}
