import { readFileSync } from 'node:fs';
import { openCliParts } from './cliParts';
import { RosterCsvImporter, RosterFileError } from './rosterCsvImporter';

/**
 * `npm run roster:import -- <file.csv>`: imports the help desk's roster into Redis and prints what
 * changed and which lines were rejected. Exit 0: imported (even with bad rows), 1: bad rows only,
 * 2: unusable file or configuration.
 */
async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run roster:import -- <file.csv>');
    return 2;
  }
  const parts = openCliParts();
  try {
    const report = await new RosterCsvImporter(parts.roster, parts.policy, parts.references).importText(readFileSync(file), new Date());
    const { outcomes } = report;
    console.log(`${report.rows} satır okundu: ${outcomes.added} yeni, ${outcomes.updated + outcomes.corrected} güncellendi, ${outcomes.renewed} yeni sertifika, ${outcomes.unchanged} değişmedi, ${outcomes.kept} daha güvenilir kayıt korundu, ${report.bad.length} hatalı.`);
    for (const bad of report.bad) console.log(`  satır ${bad.line}: ${bad.problem}`);
    return report.bad.length > 0 && report.bad.length === report.rows ? 1 : 0;
  } finally {
    await parts.close();
  }
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(error instanceof RosterFileError ? error.message : `${error.name}: ${error.message}`);
  process.exit(2);
});
