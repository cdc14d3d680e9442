import { parseArgs } from 'node:util';
import { loadConfig, type AgentConfig } from './config';
import { AgentError, ExitCode, UsageError, toAgentError } from './errors';
import { pickLang, t, type Lang } from './messages';
import { renderReportText } from './report';
// The commands' modules (native PC/SC and PKCS#11 bindings, WebSocket) load when a command
// needs them: `--help` stays light, and the single executable loads only what it runs.
const status = (): typeof import('./status') => require('./status');
const pairing = (): typeof import('./pairing') => require('./pairing');
const link = (): typeof import('./link') => require('./link');

/**
 * `eimza-agent` command line. `main()` returns the exit code (see errors.ts ExitCode
 * and README.md); it never calls process.exit itself, so tests can call it in-process.
 */

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

const OPTIONS = {
  json: { type: 'boolean' },
  lib: { type: 'string' },
  lang: { type: 'string' },
  server: { type: 'string' },
  'device-name': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: string[], io: Io = defaultIo, config: AgentConfig = loadConfig()): Promise<number> {
  let lang: Lang = config.lang;
  let json = false;
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (values.lang) lang = pickLang(values.lang);
    json = values.json === true;
    const cfg: AgentConfig = { ...config, lang };
    const [command, ...rest] = positionals;
    if (values.help || command === 'help' || command === undefined) {
      io.out(t('cli.help', lang));
      return command === undefined && !values.help ? ExitCode.Usage : ExitCode.Ok;
    }
    switch (command) {
      case 'status':
        expectArgs(rest, 0);
        return await statusCommand(cfg, io, json, values.lib);
      case 'pair':
        expectArgs(rest, 1);
        if (!values.server) throw new UsageError('pair needs --server <url>');
        await pairing().pairDevice({ config: cfg, code: rest[0], server: values.server, deviceName: values['device-name'] });
        io.out(t('pair.done', lang));
        return ExitCode.Ok;
      case 'run':
        expectArgs(rest, 0);
        return await link().runAgent({ config: cfg, lib: values.lib, log: (line) => io.err(line) });
      case 'unpair':
        expectArgs(rest, 0);
        io.out(t((await pairing().unpairDevice(cfg)) ? 'unpair.done' : 'unpair.none', lang));
        return ExitCode.Ok;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    const error = err instanceof TypeError && 'code' in err ? new UsageError(err.message) : toAgentError(err);
    reportError(error, io, json, lang);
    return error.exitCode;
  }
}

function expectArgs(rest: string[], count: number): void {
  if (rest.length !== count) throw new UsageError(`expected ${count} argument(s), got ${rest.length}`);
}

async function statusCommand(config: AgentConfig, io: Io, json: boolean, lib: string | undefined): Promise<number> {
  const { readCardReport, reportExitCode } = status();
  const report = await readCardReport({ config, lib, tcknSalt: pairing().loadTcknSalt(config) ?? undefined });
  io.out(json ? JSON.stringify(report, null, 2) : renderReportText(report, config.lang));
  return reportExitCode(report);
}

function reportError(error: AgentError, io: Io, json: boolean, lang: Lang): void {
  if (json) {
    io.out(JSON.stringify({ error: { code: error.code, message: error.userMessage(lang), detail: error.detail ?? null } }, null, 2));
    return;
  }
  io.err(error.userMessage(lang));
  if (error.detail) io.err(`  (${error.detail})`);
}

/** Runs `main` on this process's arguments and exits with its code: the bin shim and the single executable. */
export function runFromCommandLine(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
      // Native PC/SC or PKCS#11 handles must not keep a finished command alive.
      setTimeout(() => process.exit(code), 2000).unref();
    },
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
