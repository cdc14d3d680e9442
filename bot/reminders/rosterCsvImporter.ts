import { parse } from 'csv-parse/sync';
import { normalizeText } from '../nlu/normalize';
import { parseUserDate } from '../../domain/dates';
import type { Policy } from '../../domain/policy';
import type { ConversationReferenceStore } from '../../state/conversationReferences';
import type { ExpiryRoster } from '../../state/expiryRoster';
import type { MergeOutcome } from '../../state/rosterRecord';

/**
 * The columns of a roster file, first row, in any order (Turkish or English names, case and
 * accents ignored): kullanıcı/user (UPN or Azure AD object id), ad soyad/name, görev/role (a
 * policy role id or its label), son kullanma tarihi/expiry (21.11.2026 or 2026-11-21).
 */
export const ROSTER_COLUMNS = {
  user: ['kullanici', 'kullanici adi', 'upn', 'e-posta', 'eposta', 'user', 'object id', 'objectid', 'aad object id'],
  name: ['ad soyad', 'adi soyadi', 'ad', 'isim', 'name'],
  role: ['gorev', 'rol', 'role'],
  expiry: ['son kullanma tarihi', 'son kullanma', 'bitis tarihi', 'gecerlilik sonu', 'expiry', 'expiry date', 'expires'],
} as const;

type Column = keyof typeof ROSTER_COLUMNS;

export interface BadRow {
  /** 1-based line in the file, as a spreadsheet shows it. */
  line: number;
  problem: string;
}

export interface ImportReport {
  rows: number;
  outcomes: Record<MergeOutcome, number>;
  bad: BadRow[];
}

/** The file cannot be read as a roster at all (no header, a missing column). */
export class RosterFileError extends Error {
  override name = 'RosterFileError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UPN = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

/**
 * Imports the help desk's roster (CSV as Excel writes it: UTF-8, with or without BOM, `;` or `,`).
 * Bad rows are reported with their line numbers and skipped; good rows are recorded with source
 * `import`, so importing the same file twice changes nothing the second time.
 */
export class RosterCsvImporter {
  constructor(private readonly roster: ExpiryRoster, private readonly policy: Policy, private readonly references?: ConversationReferenceStore) {}

  async importText(input: string | Buffer, now: Date): Promise<ImportReport> {
    const text = (typeof input === 'string' ? input : input.toString('utf8')).replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = count(firstLine, ';') >= count(firstLine, ',') && count(firstLine, ';') > 0 ? ';' : ',';
    const records = parse(text, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true, relax_quotes: true }) as unknown as { record: string[]; info: { lines: number } }[];
    if (records.length === 0) throw new RosterFileError('The file is empty: the first row must name the columns');
    const columns = this.columns(records[0].record);
    const report: ImportReport = { rows: 0, outcomes: { added: 0, updated: 0, unchanged: 0, renewed: 0, corrected: 0, kept: 0 }, bad: [] };
    const seen = new Map<string, number>();
    for (const { record, info } of records.slice(1)) {
      const line = info.lines;
      if (record.every((cell) => cell === '')) continue;
      report.rows++;
      const problem = this.problemOf(record, columns);
      if (problem) {
        report.bad.push({ line, problem });
        continue;
      }
      const userId = await this.userIdOf(record[columns.user]);
      const earlier = seen.get(userId);
      if (earlier !== undefined) {
        report.bad.push({ line, problem: `same person as line ${earlier}` });
        continue;
      }
      seen.set(userId, line);
      const result = await this.roster.record({
        userId, source: 'import', expiry: parseUserDate(record[columns.expiry])!,
        name: cell(record, columns.name), role: this.roleOf(cell(record, columns.role)),
      }, now);
      report.outcomes[result.outcome]++;
    }
    return report;
  }

  private columns(header: string[]): Record<Column, number> & { name?: number; role?: number } {
    const normalised = header.map(normalise);
    const find = (column: Column) => normalised.findIndex((name) => (ROSTER_COLUMNS[column] as readonly string[]).includes(name));
    const user = find('user');
    const expiry = find('expiry');
    if (user < 0 || expiry < 0) {
      throw new RosterFileError(`The first row must name the columns; missing: ${[user < 0 ? 'kullanıcı (UPN or object id)' : '', expiry < 0 ? 'son kullanma tarihi' : ''].filter(Boolean).join(', ')}`);
    }
    const name = find('name');
    const role = find('role');
    return { user, expiry, name: name < 0 ? -1 : name, role: role < 0 ? -1 : role };
  }

  private problemOf(record: string[], columns: Record<Column, number>): string | undefined {
    const user = record[columns.user] ?? '';
    if (!user) return 'no user (UPN or Azure AD object id)';
    if (!GUID.test(user) && !UPN.test(user)) return `"${user}" is neither a UPN nor an Azure AD object id`;
    const expiry = record[columns.expiry] ?? '';
    if (!expiry) return 'no expiry date';
    if (!parseUserDate(expiry)) return `"${expiry}" is not a date (use 21.11.2026 or 2026-11-21)`;
    const role = cell(record, columns.role);
    if (role && !this.roleOf(role)) return `unknown role "${role}" (use ${this.policy.roles.map((known) => known.id).join(', ')})`;
    return undefined;
  }

  private roleOf(role: string | undefined): string | undefined {
    if (!role) return undefined;
    const wanted = normalise(role);
    return this.policy.roles.find((known) => [known.id, known.tr, known.en].some((name) => normalise(name) === wanted))?.id;
  }

  private async userIdOf(user: string): Promise<string> {
    if (GUID.test(user)) return user.toLowerCase();
    const upn = user.toLowerCase();
    return (await this.references?.resolveUpn(upn)) ?? `upn:${upn}`;
  }
}

function cell(record: string[], index: number | undefined): string | undefined {
  return index !== undefined && index >= 0 && record[index] ? record[index] : undefined;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** "Son Kullanma Tarihi" → "son kullanma tarihi"; Turkish letters folded (İ→i, ı→i, ş→s ...). */
function normalise(text: string): string {
  return normalizeText(text.trim()).replace(/[_\s]+/g, ' ');
}
