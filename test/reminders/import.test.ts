import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import { RosterCsvImporter, RosterFileError } from '../../bot/reminders/rosterCsvImporter';
import { ExpiryRoster } from '../../state/expiryRoster';
import { RedisRosterBackend } from '../../state/redisRosterBackend';
import { ConversationReferenceStore } from '../../state/conversationReferences';
import { TestRedisServer } from '../support/redisServer';
import { clearPrefix, policy, randomPrefix } from './engineKit';

const DATA = join(__dirname, 'data');
const NOW = new Date('2027-01-10T10:00:00+03:00');

describe('roster import (CSV as Excel writes it, real Redis)', function () {
  this.timeout(30_000);
  let server: TestRedisServer;
  let redis: Redis;
  let prefix: string;
  let roster: ExpiryRoster;
  let importer: RosterCsvImporter;

  before(async () => {
    server = await new TestRedisServer().start();
    redis = server.client();
  });
  after(async () => {
    await redis.quit();
    await server.destroy();
  });
  beforeEach(() => {
    prefix = randomPrefix();
    roster = new ExpiryRoster(new RedisRosterBackend(redis, prefix));
    importer = new RosterCsvImporter(roster, policy, new ConversationReferenceStore(redis, prefix));
  });
  afterEach(async () => clearPrefix(server.url, prefix));

  it('imports the good rows of a ; file with BOM and Turkish letters, and reports each bad row by line', async () => {
    const report = await importer.importText(readFileSync(join(DATA, 'roster-semicolon.csv')), NOW);
    assert.equal(report.outcomes.added, 3);
    assert.deepEqual(report.bad.map((bad) => bad.line), [4, 5, 6, 7, 8]);
    assert.match(report.bad.find((bad) => bad.line === 5)!.problem, /31\.02\.2027/);
    assert.match(report.bad.find((bad) => bad.line === 7)!.problem, /müdür/);
    assert.match(report.bad.find((bad) => bad.line === 8)!.problem, /line 2/);
    const ayse = await roster.get('upn:ayse.yilmaz@meb.gov.tr');
    assert.deepEqual([ayse?.name, ayse?.role, ayse?.expiry, ayse?.source], ['Ayşe Yılmaz', 'administrative', '2027-03-31', 'import']);
    const cagri = await roster.get('00000000-0000-0000-0000-0000000000b2');
    assert.deepEqual([cagri?.name, cagri?.role], ['Çağrı Öztürk', 'noAdministrative']);
    assert.equal((await roster.get('upn:emre@meb.gov.tr'))?.expiry, '2027-06-01');
    assert.equal(await roster.backend.count(), 3);
  });

  it('re-importing the same file changes nothing', async () => {
    const file = readFileSync(join(DATA, 'roster-semicolon.csv'));
    await importer.importText(file, NOW);
    const before = await redis.get(`${prefix}roster:u:upn:ayse.yilmaz@meb.gov.tr`);
    const again = await importer.importText(file, new Date(NOW.getTime() + 86_400_000));
    assert.deepEqual(again.outcomes, { added: 0, updated: 0, unchanged: 3, renewed: 0, corrected: 0, kept: 0 });
    assert.equal(await redis.get(`${prefix}roster:u:upn:ayse.yilmaz@meb.gov.tr`), before, 'not even updatedAt moved');
  });

  it('reads a , file with quoted commas and uses a known UPN → object id mapping', async () => {
    const report = await importer.importText(readFileSync(join(DATA, 'roster-comma.csv')), NOW);
    assert.deepEqual([report.outcomes.added, report.bad.length], [2, 0]);
    assert.equal((await roster.get('11111111-2222-3333-4444-000000000001'))?.name, 'Gül, Ömer');
    await new ConversationReferenceStore(redis, prefix).save({ userId: 'aad-1', upn: 'Mehmet@meb.gov.tr', reference: {}, savedAt: NOW.toISOString() });
    await importer.importText('kullanici;son kullanma tarihi\nmehmet@meb.gov.tr;01.04.2027\n', NOW);
    assert.equal((await roster.get('aad-1'))?.expiry, '2027-04-01');
  });

  it('a typed date never overrides an import; a later import is a new certificate', async () => {
    await importer.importText('kullanici;son kullanma tarihi\nali@meb.gov.tr;01.04.2027\n', NOW);
    await roster.record({ userId: 'upn:ali@meb.gov.tr', expiry: '2027-09-09', source: 'typed', remind: true }, NOW);
    assert.equal((await roster.get('upn:ali@meb.gov.tr'))?.expiry, '2027-04-01');
    await roster.markApplied('upn:ali@meb.gov.tr', '2027-04-01', NOW);
    const report = await importer.importText('kullanici;son kullanma tarihi\nali@meb.gov.tr;01.04.2030\n', NOW);
    assert.equal(report.outcomes.renewed, 1);
    assert.equal((await roster.get('upn:ali@meb.gov.tr'))?.appliedAt, undefined);
  });

  it('refuses a file without the required columns, naming them', async () => {
    await assert.rejects(importer.importText('ad;görev\nAyşe;administrative\n', NOW), (error: Error) => error instanceof RosterFileError && /kullanıcı/.test(error.message) && /son kullanma/.test(error.message));
  });

  it('npm run roster:import prints the summary and the bad lines', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'bot/reminders/importCli.ts', join(DATA, 'roster-semicolon.csv')], {
      cwd: join(__dirname, '..', '..'), env: { ...process.env, REDIS_URL: server.url, REDIS_KEY_PREFIX: prefix },
    });
    assert.match(stdout, /8 satır okundu: 3 yeni/);
    assert.match(stdout, /satır 4: /);
    assert.match(stdout, /satır 8: same person as line 2/);
  });
});
