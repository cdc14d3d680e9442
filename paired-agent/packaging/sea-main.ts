/**
 * Entry point of the single executable (scripts/agent-build.ts bundles it with esbuild). Same
 * behaviour as bin/eimza-agent.js; the native addons load from the verified cache folder
 * (addons.ts) when the CLI's modules load, so a refused addon is reported here.
 */
import { AgentError, toAgentError } from '../errors';
import { pickLang } from '../messages';

function fail(err: unknown, argv: string[]): number {
  const error: AgentError = toAgentError(err);
  const lang = pickLang(argv[argv.indexOf('--lang') + 1] === 'en' ? 'en' : process.env.EIMZA_AGENT_LANG);
  if (argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ error: { code: error.code, message: error.userMessage(lang), detail: error.detail ?? null } }, null, 2) + '\n');
  } else {
    process.stderr.write(`${error.userMessage(lang)}\n  (${error.detail})\n`);
  }
  return error.exitCode;
}

async function start(argv: string[]): Promise<number> {
  let cli: typeof import('../cli');
  try {
    cli = require('../cli') as typeof import('../cli');
  } catch (err) {
    return fail(err, argv);
  }
  return cli.main(argv);
}

const argv = process.argv.slice(2);
start(argv).then(
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
