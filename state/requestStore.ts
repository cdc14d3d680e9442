import type { ConversationReference } from 'botbuilder';
import type { ExpirySource } from './rosterRecord';
import type { RevocationStatus } from '../bot/certStatus/types';

/** Kamu SM's answer about a lost card's certificate (bot/certStatus), as the desk sees it. */
export interface SuspensionCheck {
  status: RevocationStatus;
  checkedAt: string;
  source?: 'ocsp' | 'crl';
}

/** Who did something to a request: a help desk member, the requester, or the bot (timers). */
export interface RequestActor {
  kind: 'desk' | 'user' | 'bot';
  name: string;
  id?: string;
  aadObjectId?: string;
}

/** One change in a request's life: who, when, from which status to which, and why. */
export interface RequestChange {
  at: string;
  by: RequestActor;
  from?: string;
  to: string;
  note?: string;
}

/** The person who asked; never a PIN, PUK, güvenlik sözcüğü or T.C. Kimlik No. */
export interface Requester {
  /** Azure AD object id when Teams gives one, else the channel id. */
  userId: string;
  teamsId: string;
  name: string;
  upn?: string;
  unit?: string;
  conversationId: string;
  /** Where to tell them about each change (their personal chat). */
  ref: Partial<ConversationReference>;
  locale: 'tr' | 'en';
}

/**
 * A renewal request, the help desk's unit of work from the moment it is made until the new card
 * is in the person's hand. `version` grows by one with every change: writes are
 * compare-and-set on it, so two instances never lose each other's change.
 */
export interface RenewalRequest {
  /** Short and human readable: "EI-2026-0042". */
  number: string;
  requester: Requester;
  /** Reason, role and payer ids from the policy; `feeSource` is the rule that decided (F1, F2, F3). */
  reason: string;
  role?: string;
  payer: 'person' | 'institution';
  feeSource: string;
  /** Applied after expiry: the wet-signed form is needed (R2). */
  late: boolean;
  /** The old certificate's expiry (2026-11-21) and where that date came from. */
  expiry?: string;
  expirySource?: ExpirySource;
  /** Lost card: what Kamu SM said about the suspension, and when. */
  suspensionCheck?: SuspensionCheck;
  /** The old certificate's serial, when the paired agent reported it. */
  serial?: string;
  status: string;
  assignee?: RequestActor;
  /** The request's card in the help desk channel (its thread root) and the thread's reference. */
  desk?: { threadRef: Partial<ConversationReference>; cardActivityId: string };
  history: RequestChange[];
  createdAt: string;
  updatedAt: string;
  statusSince: string;
  /** When the help desk is reminded next that the request waits (open requests with a limit only). */
  dueAt?: string;
  version: number;
}

export interface OpenFilter {
  status?: string;
  /** Only requests whose reminder time has passed ("geciken"). */
  dueBefore?: Date;
  /** Old certificate expiring between these days, inclusive ("bu ay süresi dolanlar"). */
  expiryFrom?: string;
  expiryTo?: string;
}

export interface OpenPage {
  total: number;
  /** Newest first. */
  requests: RenewalRequest[];
}

/** Placeholder the store replaces with the next number when it creates a request. */
export const NUMBER_PLACEHOLDER = '__REQUEST_NUMBER__';

/**
 * Renewal requests with their indexes (open, by status, open-per-person, by user, expiry, due,
 * a number counter per year), so lists read indexes and never every key. `RedisRequestStore`
 * makes each change atomic with Lua; `MemoryRequestStore` is the same for one instance.
 */
export interface RequestStore {
  /**
   * Saves a new request numbered `<prefix>-<year>-<counter>`, unless the person already has an
   * open one: then nothing is written and that one is returned with `created: false`.
   */
  create(draft: RenewalRequest, numberPrefix: string, year: number): Promise<{ request: RenewalRequest; created: boolean }>;
  get(number: string): Promise<RenewalRequest | undefined>;
  /** Writes `next` only if the stored version is still `next.version - 1`; false when someone changed it first. */
  replace(next: RenewalRequest, isOpen: boolean): Promise<boolean>;
  openFor(userId: string): Promise<RenewalRequest | undefined>;
  /** The person's requests, newest first. */
  forUser(userId: string, limit: number): Promise<RenewalRequest[]>;
  /** Open requests, newest first, `limit` of them (all when undefined), with the matching total. */
  listOpen(filter: OpenFilter, limit?: number): Promise<OpenPage>;
  /** Numbers whose reminder time has come; each is leased to this caller for `leaseMs`. */
  takeDue(now: Date, leaseMs: number, batch: number): Promise<string[]>;
  /** A form download token for a request: valid until `expiresAt` (by the bot's clock), kept `ttlSeconds` at most. */
  saveToken(token: string, number: string, expiresAt: Date, ttlSeconds: number): Promise<void>;
  numberForToken(token: string, now: Date): Promise<string | undefined>;
}

/** Day number (days since 1970-01-01) of "2026-11-21", for the expiry index. */
export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export function formatNumber(prefix: string, year: number, counter: number): string {
  return `${prefix}-${year}-${String(counter).padStart(4, '0')}`;
}
