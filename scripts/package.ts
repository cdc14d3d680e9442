/**
 * Builds the Teams app package that an administrator uploads: `out/eimza-bot.zip`.
 *
 * It fills the placeholders in `appPackage/manifest.json` (the bot's Microsoft App ID and the
 * institution's web pages), validates the manifest and every localization file against the JSON
 * schemas bundled in `@microsoft/app-manifest` (no network), checks the icons, and writes the zip
 * with manifest.json, the icons and the localization files at its root.
 *
 * @example
 *   MicrosoftAppId=00000000-0000-0000-0000-000000000000 npm run package
 *   npm run package -- --bot-id <guid> --website-url https://bilgiislem.example.gov.tr
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type AjvCore from 'ajv/dist/core';
import type { ErrorObject, Options as AjvOptions, ValidateFunction } from 'ajv/dist/core';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

/** The manifest schema this package is written for (the newest GA version the npm package ships). */
export const MANIFEST_SCHEMA_VERSION = '1.29';
export const APP_PACKAGE_DIR = resolve(__dirname, '..', 'appPackage');
export const DEFAULT_OUTPUT_FILE = resolve(__dirname, '..', 'out', 'eimza-bot.zip');

/** Icons Teams asks for: colour 192x192, outline 32x32 white on transparent. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Used when the institution's pages are not configured; `npm run package` warns about them. */
export const PLACEHOLDER_WEBSITE_URL = 'https://bilgiislem.kurum.example.gov.tr/';

/** Fixed timestamp for zip entries, so the same inputs give the same bytes. */
const ZIP_ENTRY_DATE = new Date('2025-01-01T00:00:00Z');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const PLACEHOLDER = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

export type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILES: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

// ---------------------------------------------------------------- errors

/** A manifest or localization file that the schema (or a package rule) rejects. */
export class PackageValidationError extends Error {
  override name = 'PackageValidationError';

  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file} is not valid:\n  - ${problems.join('\n  - ')}`);
  }
}

/** A missing or malformed setting (bot id, URL) given to the packager. */
export class PackageConfigError extends Error {
  override name = 'PackageConfigError';
}

// ---------------------------------------------------------------- schema validation

/** Folder inside node_modules that holds the bundled Teams schemas of one version. */
function schemaFolder(version: string): string {
  const packageJson = require.resolve('@microsoft/app-manifest/package.json');
  return join(dirname(packageJson), 'build', 'json-schemas', 'teams', `v${version}`);
}

/** Absolute path of a bundled schema file, e.g. `.../v1.29/MicrosoftTeams.schema.json`. */
export function schemaPath(kind: SchemaKind, version = MANIFEST_SCHEMA_VERSION): string {
  const path = join(schemaFolder(version), SCHEMA_FILES[kind]);
  if (!existsSync(path)) {
    throw new PackageConfigError(`No bundled ${kind} schema for manifest version ${version} at ${path}`);
  }
  return path;
}

type AjvClass = new (options?: AjvOptions) => AjvCore;

/**
 * The Teams schemas are JSON Schema draft-04, which Ajv 8 supports through `ajv-draft-04`.
 * That is a dependency of `@microsoft/app-manifest`, so it is resolved from there.
 */
function loadDraft04Ajv(): AjvClass {
  const from = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const modulePath = require.resolve('ajv-draft-04', { paths: [from] });
  const loaded = require(modulePath) as { default: AjvClass };
  return loaded.default;
}

const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: SchemaKind, version: string): ValidateFunction {
  const path = schemaPath(kind, version);
  const cached = compiled.get(path);
  if (cached) return cached;
  const Ajv = loadDraft04Ajv();
  // The bundled Localization schema has patterns that are valid JavaScript regular expressions
  // but not valid with the `u` flag (a lone `]`), so Ajv must compile them without it.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(path, 'utf8')) as object;
  const validate = ajv.compile(schema);
  compiled.set(path, validate);
  return validate;
}

/** One schema error as a line: `/name/short must NOT have more than 30 characters`. */
export function formatSchemaError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const detail = 'allowedValue' in error.params
    ? ` (${JSON.stringify(error.params.allowedValue)})`
    : 'additionalProperty' in error.params
      ? ` ('${String(error.params.additionalProperty)}')`
      : '';
  return `${where} ${error.message ?? 'is invalid'}${detail}`;
}

/** Validates a parsed document against a bundled schema; returns the problems (empty = valid). */
export function validateAgainstSchema(
  kind: SchemaKind,
  document: unknown,
  version = MANIFEST_SCHEMA_VERSION,
): string[] {
  const validate = validatorFor(kind, version);
  if (validate(document)) return [];
  return [...new Set((validate.errors ?? []).map(formatSchemaError))];
}

/** Problems with a filled-in manifest.json (schema errors and unfilled placeholders). */
export function validateManifest(manifest: unknown): string[] {
  return [...validateAgainstSchema('manifest', manifest), ...unfilledPlaceholders(manifest)];
}

/** Problems with a localization file such as en-US.json. */
export function validateLocalization(localization: unknown): string[] {
  return [...validateAgainstSchema('localization', localization), ...unfilledPlaceholders(localization)];
}

function unfilledPlaceholders(document: unknown): string[] {
  const names = [...JSON.stringify(document).matchAll(PLACEHOLDER)].map((match) => match[1]);
  return [...new Set(names)].map((name) => `placeholder \${{${name}}} was not filled`);
}

// ---------------------------------------------------------------- icons

/** Problems with a PNG icon: not a PNG, or not `size` x `size` pixels. */
export function checkIconSize(png: Buffer, size: number): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (error) {
    return [`is not a readable PNG (${(error as Error).message})`];
  }
  if (image.width === size && image.height === size) return [];
  return [`is ${image.width}x${image.height}, must be ${size}x${size}`];
}

/** Problems with the outline icon's colours: every pixel must be white or fully transparent. */
export function checkOutlineColors(png: Buffer): string[] {
  const { data, width } = PNG.sync.read(png);
  let visible = 0;
  for (let offset = 0; offset < data.length; offset += 4) {
    const alpha = data[offset + 3] ?? 0;
    if (alpha === 0) continue;
    visible++;
    const isWhite = data[offset] === 255 && data[offset + 1] === 255 && data[offset + 2] === 255;
    if (!isWhite) {
      const pixel = offset / 4;
      return [`pixel (${pixel % width}, ${Math.floor(pixel / width)}) is not white; use white on transparent`];
    }
  }
  if (visible === 0) return ['is fully transparent'];
  if (visible === data.length / 4) return ['has no transparent pixels; the background must be transparent'];
  return [];
}

/** All problems with the two icons, each prefixed with its file name. */
export function checkIcons(files: { color: Buffer; outline: Buffer }, names = { color: 'color.png', outline: 'outline.png' }): string[] {
  return [
    ...checkIconSize(files.color, ICON_SIZES.color).map((problem) => `${names.color} ${problem}`),
    ...checkIconSize(files.outline, ICON_SIZES.outline).map((problem) => `${names.outline} ${problem}`),
    ...(checkIconSize(files.outline, ICON_SIZES.outline).length === 0
      ? checkOutlineColors(files.outline).map((problem) => `${names.outline} ${problem}`)
      : []),
  ];
}

// ---------------------------------------------------------------- configuration

/** Values filled into the `${{NAME}}` placeholders of the appPackage files. */
export interface PackageValues {
  /** The bot's Microsoft App ID (Azure Bot resource), a GUID. */
  BOT_ID: string;
  /** The institution's support page shown in the app details. */
  WEBSITE_URL: string;
  /** Privacy statement; defaults to WEBSITE_URL. */
  PRIVACY_URL: string;
  /** Terms of use; defaults to WEBSITE_URL. */
  TERMS_URL: string;
}

export interface PackageOptions {
  values: PackageValues;
  /** Where the zip goes; default `out/eimza-bot.zip`. */
  outFile: string;
  /** Folder with manifest.json, icons and localization files; default `appPackage/`. */
  sourceDir: string;
  /** Settings that fell back to a default, to warn about. */
  defaulted: string[];
}

/**
 * Reads the packager's settings from the command line, then the environment:
 * `--bot-id` / `MicrosoftAppId` (required), `--website-url` / `TEAMS_APP_WEBSITE_URL`,
 * `--privacy-url` / `TEAMS_APP_PRIVACY_URL`, `--terms-url` / `TEAMS_APP_TERMS_URL`, `--out`,
 * `--source` (the folder to package, default appPackage/).
 */
export function resolvePackageOptions(argv: string[], env: NodeJS.ProcessEnv): PackageOptions {
  const { values: args } = parseArgs({
    args: argv,
    options: {
      'bot-id': { type: 'string' },
      'website-url': { type: 'string' },
      'privacy-url': { type: 'string' },
      'terms-url': { type: 'string' },
      out: { type: 'string' },
      source: { type: 'string' },
    },
    strict: true,
  });
  const defaulted: string[] = [];
  const pick = (arg: string | undefined, envName: string): string | undefined =>
    nonEmpty(arg) ?? nonEmpty(env[envName]);

  const botId = pick(args['bot-id'], 'MicrosoftAppId');
  if (!botId) throw new PackageConfigError('The bot id is missing: set MicrosoftAppId or pass --bot-id <guid>.');
  if (!GUID.test(botId)) {
    throw new PackageConfigError(`The bot id "${botId}" (MicrosoftAppId / --bot-id) must be a GUID, the Azure Bot's Microsoft App ID.`);
  }
  let website = pick(args['website-url'], 'TEAMS_APP_WEBSITE_URL');
  if (!website) {
    website = PLACEHOLDER_WEBSITE_URL;
    defaulted.push('TEAMS_APP_WEBSITE_URL');
  }
  const values: PackageValues = {
    BOT_ID: botId,
    WEBSITE_URL: website,
    PRIVACY_URL: pick(args['privacy-url'], 'TEAMS_APP_PRIVACY_URL') ?? website,
    TERMS_URL: pick(args['terms-url'], 'TEAMS_APP_TERMS_URL') ?? website,
  };
  for (const [name, url] of Object.entries(values)) {
    if (name !== 'BOT_ID' && !/^https:\/\/\S+$/.test(url)) {
      throw new PackageConfigError(`${name} "${url}" must be an https:// address.`);
    }
  }
  return {
    values,
    outFile: resolve(args.out ?? DEFAULT_OUTPUT_FILE),
    sourceDir: resolve(args.source ?? APP_PACKAGE_DIR),
    defaulted,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Replaces `${{NAME}}` in a JSON text with JSON-escaped values; unknown names are left as they are. */
export function fillPlaceholders(jsonText: string, values: Partial<PackageValues>): string {
  return jsonText.replace(PLACEHOLDER, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    return value === undefined ? whole : JSON.stringify(value).slice(1, -1);
  });
}

// ---------------------------------------------------------------- the package

/** The files that go into the zip, by name, after filling and validation. */
export type PackageFiles = Map<string, Buffer>;

interface ManifestFileRefs {
  icons: { color: string; outline: string };
  localizationFiles: string[];
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PackageValidationError(name, [`is not valid JSON: ${(error as Error).message}`]);
  }
}

/** The icon and localization file names a (schema-valid) manifest points to. */
function fileReferences(manifest: unknown): ManifestFileRefs {
  const m = manifest as {
    icons: { color: string; outline: string };
    localizationInfo?: { additionalLanguages?: { file: string }[] };
  };
  return {
    icons: m.icons,
    localizationFiles: (m.localizationInfo?.additionalLanguages ?? []).map((language) => language.file),
  };
}

function readReferencedFile(sourceDir: string, name: string): Buffer {
  const path = join(sourceDir, name);
  if (name.includes('/') || name.includes('\\') || !existsSync(path)) {
    throw new PackageValidationError('manifest.json', [`refers to ${name}, which must be a file at the root of ${sourceDir}`]);
  }
  return readFileSync(path);
}

/**
 * Fills and validates every file of the app package; throws PackageValidationError naming the
 * file and the schema's messages when something is wrong.
 */
export function collectPackageFiles(values: PackageValues, sourceDir = APP_PACKAGE_DIR): PackageFiles {
  const manifestText = fillPlaceholders(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'), values);
  const manifest = parseJson('manifest.json', manifestText);
  const manifestProblems = validateManifest(manifest);
  if (manifestProblems.length > 0) throw new PackageValidationError('manifest.json', manifestProblems);

  const refs = fileReferences(manifest);
  const files: PackageFiles = new Map([['manifest.json', Buffer.from(manifestText, 'utf8')]]);

  const icons = { color: readReferencedFile(sourceDir, refs.icons.color), outline: readReferencedFile(sourceDir, refs.icons.outline) };
  const iconProblems = checkIcons(icons, refs.icons);
  if (iconProblems.length > 0) throw new PackageValidationError('icons', iconProblems);
  files.set(refs.icons.color, icons.color);
  files.set(refs.icons.outline, icons.outline);

  for (const name of refs.localizationFiles) {
    const text = fillPlaceholders(readReferencedFile(sourceDir, name).toString('utf8'), values);
    const problems = validateLocalization(parseJson(name, text));
    if (problems.length > 0) throw new PackageValidationError(name, problems);
    files.set(name, Buffer.from(text, 'utf8'));
  }
  return files;
}

/** Zips the files at the archive root, in a stable order with a fixed date. */
export async function zipPackage(files: PackageFiles): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of [...files.keys()].sort()) {
    const content = files.get(name);
    if (content) zip.file(name, content, { date: ZIP_ENTRY_DATE, createFolders: false });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Validates, zips and writes the package; returns the zip's path. */
export async function buildPackage(options: PackageOptions): Promise<string> {
  const zip = await zipPackage(collectPackageFiles(options.values, options.sourceDir));
  mkdirSync(dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, zip);
  return options.outFile;
}

function loadDotEnv(): void {
  const path = resolve(__dirname, '..', '.env');
  if (existsSync(path)) process.loadEnvFile(path);
}

async function main(): Promise<void> {
  loadDotEnv();
  const options = resolvePackageOptions(process.argv.slice(2), process.env);
  for (const name of options.defaulted) {
    console.warn(`warning: ${name} is not set; the app details will link to ${PLACEHOLDER_WEBSITE_URL}. Set it before uploading to your tenant.`);
  }
  const path = await buildPackage(options);
  console.log(`Teams app package written: ${path} (bot id ${options.values.BOT_ID}, manifest v${MANIFEST_SCHEMA_VERSION})`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const known = error instanceof PackageValidationError || error instanceof PackageConfigError;
    console.error(known ? `package: ${(error as Error).message}` : error);
    process.exitCode = 1;
  });
}
