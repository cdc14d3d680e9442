import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import {
  buildPackage,
  checkIconSize,
  PackageConfigError,
  PackageValidationError,
  PLACEHOLDER_WEBSITE_URL,
  resolvePackageOptions,
  validateLocalization,
  validateManifest,
} from '../../scripts/package';
import { TEST_VALUES, copyOfAppPackage, type AppPackageCopy } from './fixtures';

async function openZip(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

async function entry(zip: JSZip, name: string): Promise<Buffer> {
  const file = zip.file(name);
  assert.ok(file, `${name} is missing from the zip`);
  return file.async('nodebuffer');
}

describe('the built app package (out/eimza-bot.zip)', () => {
  let copy: AppPackageCopy;
  let outFile: string;
  let zip: JSZip;

  before(async () => {
    copy = copyOfAppPackage();
    outFile = join(copy.dir, 'out', 'eimza-bot.zip');
    await buildPackage({ values: TEST_VALUES, outFile, sourceDir: copy.dir, defaulted: [] });
    zip = await openZip(outFile);
  });
  after(() => copy.dispose());

  it('holds exactly the manifest, both icons and the English file, at the zip root', () => {
    assert.deepEqual(Object.keys(zip.files).sort(), ['color.png', 'en-US.json', 'manifest.json', 'outline.png']);
  });

  it('has a manifest that validates again, with the bot id and pages filled in', async () => {
    const manifest = JSON.parse((await entry(zip, 'manifest.json')).toString('utf8')) as {
      bots: { botId: string }[];
      developer: { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
    };
    assert.deepEqual(validateManifest(manifest), []);
    assert.equal(manifest.bots[0]?.botId, TEST_VALUES.BOT_ID);
    assert.deepEqual(manifest.developer, {
      name: 'Bilgi İşlem Daire Başkanlığı',
      websiteUrl: TEST_VALUES.WEBSITE_URL,
      privacyUrl: TEST_VALUES.PRIVACY_URL,
      termsOfUseUrl: TEST_VALUES.TERMS_URL,
    });
  });

  it('has an English localization file that validates', async () => {
    assert.deepEqual(validateLocalization(JSON.parse((await entry(zip, 'en-US.json')).toString('utf8'))), []);
  });

  it('has a 192x192 colour icon and a 32x32 outline icon', async () => {
    assert.deepEqual(checkIconSize(await entry(zip, 'color.png'), 192), []);
    assert.deepEqual(checkIconSize(await entry(zip, 'outline.png'), 32), []);
  });

  it('is byte for byte the same when built twice from the same inputs', async () => {
    const first = readFileSync(outFile);
    await buildPackage({ values: TEST_VALUES, outFile, sourceDir: copy.dir, defaulted: [] });
    assert.ok(first.equals(readFileSync(outFile)));
  });
});

describe('when an icon is wrong', () => {
  function solidPng(size: number, rgba: [number, number, number, number]): Buffer {
    const png = new PNG({ width: size, height: size });
    for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i);
    return PNG.sync.write(png);
  }

  const rows: { name: string; file: string; png: Buffer; expected: RegExp }[] = [
    { name: 'the colour icon is 64x64', file: 'color.png', png: solidPng(64, [27, 79, 143, 255]), expected: /color\.png is 64x64, must be 192x192/ },
    { name: 'the outline icon is 192x192', file: 'outline.png', png: solidPng(192, [255, 255, 255, 0]), expected: /outline\.png is 192x192, must be 32x32/ },
    { name: 'the outline icon is not white', file: 'outline.png', png: solidPng(32, [27, 79, 143, 255]), expected: /outline\.png pixel \(0, 0\) is not white/ },
    { name: 'the outline icon has no transparent background', file: 'outline.png', png: solidPng(32, [255, 255, 255, 255]), expected: /outline\.png has no transparent pixels/ },
    { name: 'the colour icon is not a PNG', file: 'color.png', png: Buffer.from('not a png'), expected: /color\.png is not a readable PNG/ },
  ];

  for (const row of rows) {
    it(`refuses to build the package: ${row.name}`, async () => {
      const copy = copyOfAppPackage();
      try {
        copy.writeFile(row.file, row.png);
        await assert.rejects(
          buildPackage({ values: TEST_VALUES, outFile: join(copy.dir, 'out.zip'), sourceDir: copy.dir, defaulted: [] }),
          (error: unknown) => error instanceof PackageValidationError && row.expected.test(error.message),
        );
      } finally {
        copy.dispose();
      }
    });
  }
});

describe('the packager settings', () => {
  const botId = TEST_VALUES.BOT_ID;

  it('takes the bot id from MicrosoftAppId', () => {
    assert.equal(resolvePackageOptions([], { MicrosoftAppId: botId }).values.BOT_ID, botId);
  });

  it('prefers --bot-id over the environment', () => {
    const other = '00000000-1111-2222-3333-444444444444';
    assert.equal(resolvePackageOptions(['--bot-id', other], { MicrosoftAppId: botId }).values.BOT_ID, other);
  });

  it('refuses to run without a bot id, naming the variable', () => {
    assert.throws(() => resolvePackageOptions([], {}), (error: unknown) =>
      error instanceof PackageConfigError && /MicrosoftAppId/.test(error.message));
  });

  it('refuses a bot id that is not a GUID', () => {
    assert.throws(() => resolvePackageOptions(['--bot-id', 'eimza-bot'], {}), PackageConfigError);
  });

  it('uses the website for privacy and terms when only the website is given', () => {
    const { values } = resolvePackageOptions([], { MicrosoftAppId: botId, TEAMS_APP_WEBSITE_URL: 'https://bt.kurum.gov.tr/' });
    assert.equal(values.PRIVACY_URL, 'https://bt.kurum.gov.tr/');
    assert.equal(values.TERMS_URL, 'https://bt.kurum.gov.tr/');
  });

  it('falls back to a placeholder website and says so', () => {
    const options = resolvePackageOptions([], { MicrosoftAppId: botId });
    assert.equal(options.values.WEBSITE_URL, PLACEHOLDER_WEBSITE_URL);
    assert.deepEqual(options.defaulted, ['TEAMS_APP_WEBSITE_URL']);
  });

  it('refuses pages that are not https', () => {
    assert.throws(() => resolvePackageOptions(['--website-url', 'http://bt.kurum.gov.tr/'], { MicrosoftAppId: botId }),
      (error: unknown) => error instanceof PackageConfigError && /WEBSITE_URL/.test(error.message));
  });
});
