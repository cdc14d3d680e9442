/**
 * `npm run agent:build`: the paired agent as one file staff can install.
 *
 * 1. esbuild bundles paired-agent/packaging/sea-main.ts into one CommonJS file; the native addons
 *    (pcsclite, pkcs11js) are replaced by loaders of SEA assets whose SHA-256 is embedded here.
 * 2. Node's single executable applications: `node --experimental-sea-config`, then postject
 *    injects the blob into a copy of this Node binary.
 * 3. On Linux, a .deb (dpkg-deb): /usr/bin/eimza-agent, the systemd user unit, Depends: pcscd.
 *
 * Output in dist/agent/ (what the bot serves at /agent/download), with build-info.json holding
 * the hash of the sources it was built from. Windows and macOS run this same script on a runner
 * of that system (paired-agent/packaging/windows, macos); it cannot cross-build.
 *
 * @example npm run agent:build            # dist/agent/eimza-agent-linux-x64 and eimza-agent_0.1.0_amd64.deb
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = join(__dirname, '..');
const AGENT = join(ROOT, 'paired-agent');
const PACKAGING = join(AGENT, 'packaging');
export const AGENT_DIST = join(ROOT, 'dist', 'agent');
const WORK = join(ROOT, 'out', 'agent-build');
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/** SEA asset name → the addon file built by npm ci in the agent workspace. */
const ADDONS: Record<string, string> = {
  pcsclite: require.resolve('pcsclite/build/Release/pcsclite.node', { paths: [AGENT] }),
  pkcs11: require.resolve('pkcs11js/build/Release/pkcs11.node', { paths: [AGENT] }),
};

export interface AgentBuild {
  executable: string;
  deb: string | null;
  sourceHash: string;
}

/** `linux-x64`, `win-x64`, `macos-arm64`: the platform part of the file names. */
export function platformTag(platform = process.platform, arch = process.arch): string {
  const os = platform === 'win32' ? 'win' : platform === 'darwin' ? 'macos' : platform;
  return `${os}-${arch}`;
}

export function executableName(platform = process.platform, arch = process.arch): string {
  return `eimza-agent-${platformTag(platform, arch)}${platform === 'win32' ? '.exe' : ''}`;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return entry.name.endsWith('.md') ? [] : [path];
  });
}

/** What the build depends on: agent sources, packaging, this script, the lockfile, Node itself. */
export function agentSourceHash(): string {
  const hash = createHash('sha256').update(process.version);
  const files = [...filesUnder(AGENT), __filename, join(ROOT, 'package-lock.json'), ...Object.values(ADDONS)].sort();
  for (const file of files) hash.update(relative(ROOT, file)).update(readFileSync(file));
  return hash.digest('hex');
}

/** Resolves `bindings('pcsclite')` and `require('./build/Release/pkcs11.node')` to SEA asset loaders. */
function embeddedAddons(): Plugin {
  const addons = JSON.stringify(join(PACKAGING, 'addons.ts'));
  return {
    name: 'embedded-addons',
    setup(b) {
      // ws's optional speed-ups: absent here, as ws expects (it falls back to plain JS).
      b.onResolve({ filter: /^(bufferutil|utf-8-validate)$/ }, (args) => ({ path: args.path, namespace: 'absent' }));
      b.onLoad({ filter: /.*/, namespace: 'absent' }, (args) => ({ contents: `throw new Error('${args.path} is not bundled');`, loader: 'js' }));
      b.onResolve({ filter: /^bindings$/ }, () => ({ path: 'bindings', namespace: 'addon' }));
      b.onResolve({ filter: /\.node$/ }, (args) => ({ path: args.path.replace(/^.*\//, '').replace(/\.node$/, ''), namespace: 'addon' }));
      b.onLoad({ filter: /.*/, namespace: 'addon' }, (args) => ({
        contents: args.path === 'bindings'
          ? `module.exports = (name) => require(${addons}).loadEmbeddedAddon(String(name).replace(/\\.node$/, ''));`
          : `module.exports = require(${addons}).loadEmbeddedAddon(${JSON.stringify(args.path)});`,
        resolveDir: PACKAGING,
        loader: 'js',
      }));
    },
  };
}

async function bundle(out: string): Promise<void> {
  const digests = Object.fromEntries(Object.entries(ADDONS).map(([name, file]) => [name, sha256(readFileSync(file))]));
  await build({
    entryPoints: [join(PACKAGING, 'sea-main.ts')],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    define: { EIMZA_AGENT_ADDON_SHA256: JSON.stringify(digests) },
    plugins: [embeddedAddons()],
  });
}

function run(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
}

async function singleExecutable(out: string): Promise<void> {
  const script = join(WORK, 'eimza-agent.cjs');
  const blob = join(WORK, 'sea-prep.blob');
  await bundle(script);
  const config = { main: script, output: blob, disableExperimentalSEAWarning: true, useCodeCache: true, assets: ADDONS };
  writeFileSync(join(WORK, 'sea-config.json'), JSON.stringify(config, null, 2));
  run(process.execPath, ['--experimental-sea-config', join(WORK, 'sea-config.json')]);
  copyFileSync(process.execPath, out);
  chmodSync(out, 0o755);
  // Node's symbol table is for debuggers: 13 MB less on disk and ~3 MB less resident at start
  // (.dynsym, which native addons link against, stays).
  if (process.platform === 'linux') run('strip', ['--strip-all', out]);
  // The copied Node carries its vendor's signature, which injection would break: remove it
  // (Windows: signtool from the Windows SDK; the release build signs again, packaging/windows).
  if (process.platform === 'darwin') run('codesign', ['--remove-signature', out]);
  if (process.platform === 'win32') run('signtool', ['remove', '/s', out]);
  const { inject } = require('postject') as { inject: (file: string, name: string, data: Buffer, options: object) => Promise<void> };
  await inject(out, 'NODE_SEA_BLOB', readFileSync(blob), {
    sentinelFuse: SEA_FUSE,
    ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
  });
  // Ad-hoc signature so macOS runs it; the signed release build signs again (packaging/macos).
  if (process.platform === 'darwin') run('codesign', ['--sign', '-', out]);
}

function agentVersion(): string {
  return (JSON.parse(readFileSync(join(AGENT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The .deb: the executable as /usr/bin/eimza-agent and the enabled-at-login user unit. */
export function debianPackage(executable: string): string {
  const version = agentVersion();
  const tree = join(WORK, 'deb');
  rmSync(tree, { recursive: true, force: true });
  const place = (from: string, to: string, mode: number) => {
    mkdirSync(dirname(join(tree, to)), { recursive: true, mode: 0o755 });
    copyFileSync(from, join(tree, to));
    chmodSync(join(tree, to), mode);
  };
  place(executable, 'usr/bin/eimza-agent', 0o755);
  place(join(PACKAGING, 'linux', 'eimza-agent.service'), 'usr/lib/systemd/user/eimza-agent.service', 0o644);
  place(join(PACKAGING, 'linux', 'postinst'), 'DEBIAN/postinst', 0o755);
  place(join(PACKAGING, 'linux', 'prerm'), 'DEBIAN/prerm', 0o755);
  const installedKb = Math.ceil((statSync(executable).size + statSync(join(PACKAGING, 'linux', 'eimza-agent.service')).size) / 1024);
  const control = readFileSync(join(PACKAGING, 'linux', 'control'), 'utf8')
    .replace('@VERSION@', version)
    .replace('@INSTALLED_SIZE@', String(installedKb));
  writeFileSync(join(tree, 'DEBIAN', 'control'), control);
  const deb = join(AGENT_DIST, `eimza-agent_${version}_amd64.deb`);
  run('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', tree, deb]);
  return deb;
}

export async function buildAgent(): Promise<AgentBuild> {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  mkdirSync(AGENT_DIST, { recursive: true });
  const sourceHash = agentSourceHash();
  const executable = join(AGENT_DIST, executableName());
  await singleExecutable(executable);
  const deb = process.platform === 'linux' && process.arch === 'x64' ? debianPackage(executable) : null;
  writeFileSync(join(AGENT_DIST, 'build-info.json'), JSON.stringify({ sourceHash, executable: relative(AGENT_DIST, executable), deb: deb && relative(AGENT_DIST, deb) }, null, 2) + '\n');
  return { executable, deb, sourceHash };
}

/** The build in dist/agent when it was made from the current sources; otherwise a new one. */
export async function ensureAgentBuilt(): Promise<AgentBuild> {
  const infoFile = join(AGENT_DIST, 'build-info.json');
  if (existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as { sourceHash: string; executable: string; deb: string | null };
    const executable = join(AGENT_DIST, info.executable);
    const deb = info.deb ? join(AGENT_DIST, info.deb) : null;
    if (info.sourceHash === agentSourceHash() && existsSync(executable) && (!deb || existsSync(deb))) return { executable, deb, sourceHash: info.sourceHash };
  }
  return buildAgent();
}

if (require.main === module) {
  buildAgent().then(
    (result) => {
      for (const file of [result.executable, result.deb]) {
        if (file) console.log(`${relative(ROOT, file)}  ${(statSync(file).size / 1e6).toFixed(1)} MB  sha256 ${sha256(readFileSync(file))}`);
      }
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
