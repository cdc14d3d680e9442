import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_PACKAGE_DIR, fillPlaceholders, type PackageValues } from '../../scripts/package';
import type { ManifestJson } from './brokenManifestCases';

export const TEST_VALUES: PackageValues = {
  BOT_ID: '6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  WEBSITE_URL: 'https://bilgiislem.test.gov.tr/',
  PRIVACY_URL: 'https://bilgiislem.test.gov.tr/gizlilik',
  TERMS_URL: 'https://bilgiislem.test.gov.tr/kullanim-kosullari',
};

/** The project's manifest with the test values filled in, as a fresh object. */
export function filledManifest(): ManifestJson {
  const text = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(fillPlaceholders(text, TEST_VALUES)) as ManifestJson;
}

/** The project's en-US localization file, parsed. */
export function englishLocalization(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(APP_PACKAGE_DIR, 'en-US.json'), 'utf8')) as Record<string, unknown>;
}

export interface AppPackageCopy {
  dir: string;
  writeJson: (name: string, data: unknown) => void;
  writeFile: (name: string, content: Buffer) => void;
  dispose: () => void;
}

/** A throw-away copy of appPackage/ whose files a test may rewrite. Remove it with `dispose`. */
export function copyOfAppPackage(): AppPackageCopy {
  const dir = mkdtempSync(join(tmpdir(), 'eimza-apppackage-'));
  cpSync(APP_PACKAGE_DIR, dir, { recursive: true });
  return {
    dir,
    writeJson: (name, data) => writeFileSync(join(dir, name), JSON.stringify(data, null, 2)),
    writeFile: (name, content) => writeFileSync(join(dir, name), content),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
