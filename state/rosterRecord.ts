/** Where an expiry date came from, most trusted first: the paired agent, a help desk import, the user. */
export type ExpirySource = 'agent' | 'import' | 'typed';

export const TRUST: Record<ExpirySource, number> = { agent: 3, import: 2, typed: 1 };

/**
 * One person's current certificate as the reminders see it. The certificate is identified by its
 * expiry day (a renewal always brings a later one), so the sent-ping ledger is keyed by
 * (userId, expiry) and a new certificate starts with a clean slate.
 */
export interface RosterRecord {
  /** Azure AD object id (or `upn:<lower-case UPN>` when only the UPN is known). */
  userId: string;
  /** Certificate expiry as 2026-11-21 (Istanbul calendar day). */
  expiry: string;
  source: ExpirySource;
  name?: string;
  role?: string;
  conversationId?: string;
  /** Certificate serial, when the paired agent read it. */
  serial?: string;
  /** The user asked, in the renewal dialog, to be reminded when the window opens. */
  remind: boolean;
  /** "Başvurdum" pressed for this certificate: no more pings for it. */
  appliedAt?: string;
  /** "Bir hafta sonra hatırlat": no ping before this day; one ping on it covers what fell inside. */
  snoozeUntil?: string;
  updatedAt: string;
}

/** What a source tells the roster; the rest of the record is the roster's own. */
export type RosterInput = Pick<RosterRecord, 'userId' | 'expiry' | 'source' | 'name' | 'role' | 'conversationId' | 'serial'> & { remind?: boolean };

/**
 * added: first record; updated: same certificate, details changed; unchanged: nothing to write;
 * renewed: a later certificate replaced the old one (pings start over); corrected: a more trusted
 * source fixed the date; kept: a less trusted source was ignored.
 */
export type MergeOutcome = 'added' | 'updated' | 'unchanged' | 'renewed' | 'corrected' | 'kept';

export interface Merge {
  outcome: MergeOutcome;
  /** The record to store (absent for unchanged and kept). */
  next?: RosterRecord;
}

/**
 * The trust rules, in one pure function: a less trusted source never overwrites a more trusted
 * one, except that the agent or an import seeing a later certificate is a renewal; at equal
 * trust the newest word wins, except the agent reporting an older card (both cards inserted).
 */
export function mergeRecord(current: RosterRecord | undefined, input: RosterInput, now: Date): Merge {
  const fresh = (): RosterRecord => clean({
    userId: input.userId, expiry: input.expiry, source: input.source, name: input.name, role: input.role,
    conversationId: input.conversationId, serial: input.serial, remind: input.remind ?? false, updatedAt: now.toISOString(),
  });
  if (!current) return { outcome: 'added', next: fresh() };
  const incoming = TRUST[input.source];
  const stored = TRUST[current.source];
  if (input.expiry === current.expiry) {
    if (incoming < stored) return { outcome: 'kept' };
    const next = clean({
      ...current,
      source: input.source,
      name: input.name ?? current.name,
      role: input.role ?? current.role,
      conversationId: input.conversationId ?? current.conversationId,
      serial: input.serial ?? current.serial,
      remind: input.remind ?? current.remind,
    });
    return sameDetails(current, next) ? { outcome: 'unchanged' } : { outcome: 'updated', next: { ...next, updatedAt: now.toISOString() } };
  }
  const later = input.expiry > current.expiry;
  if (later && (incoming >= TRUST.import || incoming >= stored)) return { outcome: 'renewed', next: keepContact(fresh(), current) };
  if (incoming > stored) return { outcome: 'corrected', next: keepContact(fresh(), current) };
  if (incoming === stored && input.source !== 'agent') return { outcome: 'corrected', next: keepContact(fresh(), current) };
  return { outcome: 'kept' };
}

function keepContact(next: RosterRecord, current: RosterRecord): RosterRecord {
  return clean({ ...next, name: next.name ?? current.name, role: next.role ?? current.role, conversationId: next.conversationId ?? current.conversationId });
}

const COMPARED: (keyof RosterRecord)[] = ['expiry', 'source', 'name', 'role', 'conversationId', 'serial', 'remind', 'appliedAt', 'snoozeUntil'];

function sameDetails(a: RosterRecord, b: RosterRecord): boolean {
  return COMPARED.every((key) => a[key] === b[key]);
}

function clean(record: RosterRecord): RosterRecord {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as unknown as RosterRecord;
}

/** Days since 1970-01-01 for an ISO day: the score of the date indexes. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}
