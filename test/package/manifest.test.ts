import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  MANIFEST_SCHEMA_VERSION,
  schemaPath,
  validateLocalization,
  validateManifest,
} from '../../scripts/package';
import { brokenManifestCases } from './brokenManifestCases';
import { TEST_VALUES, copyOfAppPackage, englishLocalization, filledManifest } from './fixtures';

const MAIN_PATHS = [
  'menü', 'yenileme', 'yeni kart PIN', 'kilit çözme', 'kartımı kaybettim',
  'ücretler', 'kartımı kontrol et', 'bilgisayarımı eşleştir', 'yetkiliye bağlan', 'yardım',
];

interface CommandList {
  scopes: string[];
  commands: { title: string; description?: string }[];
}

function commandLists(): CommandList[] {
  const bot = filledManifest().bots[0] as unknown as { commandLists: CommandList[] };
  return bot.commandLists;
}

describe('the Teams app manifest', () => {
  it('uses the schema bundled in node_modules, not the network', () => {
    assert.match(schemaPath('manifest'), /node_modules[\\/]@microsoft[\\/]app-manifest[\\/].*v1\.29[\\/]MicrosoftTeams\.schema\.json$/);
    assert.equal(filledManifest().manifestVersion, MANIFEST_SCHEMA_VERSION);
  });

  it('validates against the schema once the placeholders are filled', () => {
    assert.deepEqual(validateManifest(filledManifest()), []);
  });

  it('is rejected while its placeholders are still unfilled', () => {
    const problems = validateManifest(JSON.parse(JSON.stringify(filledManifest()).replace(TEST_VALUES.BOT_ID, '${{BOT_ID}}')));
    assert.ok(problems.includes('placeholder ${{BOT_ID}} was not filled'), problems.join('\n'));
  });

  it('puts the bot in the personal and team scopes', () => {
    assert.deepEqual(filledManifest().bots[0]?.scopes, ['personal', 'team']);
  });

  it('is Turkish by default with an English localization file that validates', () => {
    assert.deepEqual(filledManifest().localizationInfo, {
      defaultLanguageTag: 'tr-TR',
      additionalLanguages: [{ languageTag: 'en-US', file: 'en-US.json' }],
    });
    assert.deepEqual(validateLocalization(englishLocalization()), []);
  });

  it('offers every main path in the personal command list', () => {
    const personal = commandLists().find((list) => list.scopes.includes('personal'));
    assert.deepEqual(personal?.commands.map((command) => command.title), MAIN_PATHS);
  });

  it('keeps command titles and descriptions within what Teams shows (32 and 128 characters)', () => {
    for (const command of commandLists().flatMap((list) => list.commands)) {
      assert.ok(command.title.length <= 32, command.title);
      assert.ok((command.description ?? '').length <= 128, command.title);
    }
  });

  it('translates only commands that exist', () => {
    const lists = commandLists();
    const keys = Object.keys(englishLocalization()).filter((key) => key.startsWith('bots['));
    for (const key of keys) {
      const match = /^bots\[0\]\.commandLists\[(\d+)\]\.commands\[(\d+)\]\.description$/.exec(key);
      assert.ok(match, key);
      assert.ok(lists[Number(match[1])]?.commands[Number(match[2])], key);
    }
  });
});

describe('when the manifest is broken', () => {
  for (const row of brokenManifestCases) {
    it(`rejects it with the schema's message: ${row.name}`, () => {
      const manifest = filledManifest();
      row.breakIt(manifest);
      const problems = validateManifest(manifest);
      assert.ok(
        problems.some((problem) => problem.includes(row.expectedProblem)),
        `expected "${row.expectedProblem}" among:\n${problems.join('\n')}`,
      );
    });
  }
});

describe('npm run package, when the manifest is broken', () => {
  it('exits non-zero and prints the schema message', () => {
    const copy = copyOfAppPackage();
    try {
      const manifest = filledManifest();
      delete manifest.version;
      copy.writeJson('manifest.json', manifest);
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(__dirname, '..', '..', 'scripts', 'package.ts'),
          '--bot-id', TEST_VALUES.BOT_ID, '--website-url', TEST_VALUES.WEBSITE_URL,
          '--source', copy.dir, '--out', join(copy.dir, 'out.zip')],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /manifest\.json is not valid/);
      assert.match(run.stderr, /\(root\) must have required property 'version'/);
    } finally {
      copy.dispose();
    }
  });
});
