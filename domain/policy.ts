import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Locale } from '../cards/i18n';
import { addDays, addMonths, daysBetween, TIME_ZONE } from './dates';

const localized = z.object({ tr: z.string().min(1), en: z.string().min(1) });
const sourced = localized.extend({ source: z.string().min(1) });
/** A role or reason: its button label, and other ways people type it (compared without diacritics). */
const labelled = localized.extend({ id: z.string().min(1), synonyms: z.array(z.string().min(1)).optional() });
const menuPath = z.object({ source: z.string(), steps: z.array(z.string().min(1)).min(1) });
/** A reference to one of `texts` (checked after parsing). */
const textId = z.string().min(1);

/** Paths a renewal reason can hand over to instead of the renewal questions. */
export const REASON_PATHS = ['lostCard'] as const;

const policySchema = z.object({
  institution: z.object({
    itDepartment: localized,
    handIn: sourced,
    /** The help desk's own phone and e-mail, when the institution publishes them. */
    contacts: z.object({ phone: z.string().min(1).optional(), email: z.string().email().optional() }),
  }),
  /** Other systems' names: a şifre message naming one is out of scope (any other şifre may be the PIN). */
  otherSystems: z.object({ names: z.array(z.string().min(1)) }).default({ names: [] }),
  kamuSm: z.object({ website: z.string().min(1), callCenter: z.string().regex(/^[\d ]+$/) }),
  renewal: z.object({
    /** R1: the target, in calendar months before expiry. */
    applyMonthsBeforeExpiry: z.number().int().min(1).max(12),
    /** The institution's window: a request this many days (or fewer) before expiry is recorded. */
    acceptDaysBeforeExpiry: z.number().int().min(1).max(366),
    /** The expiry dates the date question accepts: this many days before and after today. */
    expiryDateRange: z.object({ daysBefore: z.number().int().min(0).max(3660), daysAfter: z.number().int().min(1).max(3660) }),
    lateRequirement: sourced,
  }),
  /** "Takıldım" at a new-card PIN step: a person is offered from this press on (the step's own help first). */
  stuck: z.object({ offerPersonAfter: z.number().int().min(1).max(5) }),
  reminders: z.object({
    milestones: z.array(z.number().int().min(-30).max(365)).min(1).refine((days) => new Set(days).size === days.length, 'milestones must be distinct'),
    window: z.object({
      days: z.array(z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'])).min(1),
      start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
      end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
      /** Optional, and only TIME_ZONE (domain/dates.ts): the window is read on the institution's clock. */
      timeZone: z.string().min(1).refine((zone) => zone === TIME_ZONE, `must be ${TIME_ZONE} (the institution's time zone, domain/dates.ts), or left out`).default(TIME_ZONE),
    }).refine((window) => window.start < window.end, 'window.start must be before window.end'),
    catchUpDays: z.number().int().min(0).max(14),
    snoozeDays: z.number().int().min(1).max(60),
  }),
  roles: z.array(labelled).min(1).max(6),
  reasons: z.array(labelled.extend({
    /** The renewal asks when the certificate expires (timing, late path). */
    asksExpiry: z.boolean().optional(),
    /** The old certificate stays valid until it expires, so R3 applies (not after a revocation). */
    oldCardStaysValid: z.boolean().optional(),
    /** Another path takes over (a lost card is suspended first). */
    path: z.enum(REASON_PATHS).optional(),
    /** Before recording: a PIN locked by 3 wrong tries is unlocked for free, so ask first. */
    askIfOnlyPinLocked: z.boolean().optional(),
  })).min(1).max(6),
  fees: z.array(localized.extend({
    source: z.string(),
    roles: z.array(z.string()).min(1),
    reasons: z.array(z.string()).min(1),
    payer: z.enum(['person', 'institution']),
    revokeFirst: z.boolean(),
  })).min(1),
  /** Every sentence of the rules the bot says, each with its source. */
  texts: z.record(z.string(), sourced),
  /** "Ücretler ve sorular": each question and its answer, made of `texts`. */
  faq: z.array(z.object({
    id: z.string().min(1),
    question: localized,
    /** Answered by asking the reason (and role): who pays. */
    whoPays: z.boolean().optional(),
    title: textId.optional(),
    warning: textId.optional(),
    paragraphs: z.array(textId).optional(),
    privacyNote: z.boolean().optional(),
    /** false: answered when asked in words, not listed on the questions card. */
    listed: z.boolean().optional(),
  })).min(1).refine((faq) => faq.filter((entry) => entry.listed !== false).length <= 6, 'at most 6 listed questions (Teams shows 6 buttons)'),
  menuPaths: z.object({ unlock: menuPath, suspend: menuPath }),
  newCardPinSteps: z.array(localized.extend({
    id: z.string().min(1),
    source: z.string().min(1),
    /** What "Takıldım" shows at this step (`texts` ids); empty: the general advice. */
    help: z.array(textId),
    /** The notes of the page this step shows (S000's PIN page). */
    notes: z.object({ warning: textId.optional(), paragraphs: z.array(textId) }).optional(),
  })).min(1),
  requestStatuses: z.object({
    initial: z.object({ default: z.string(), late: z.string(), personPays: z.string() }),
    /** The status a request takes when its requester withdraws it. */
    withdrawTo: z.string(),
    statuses: z.array(labelled.extend({
      closed: z.boolean(),
      /** Which statuses the help desk may move a request to from this one. */
      next: z.array(z.string()),
      /** The help desk is reminded when a request stays in this status longer (working days). */
      lateAfterWorkingDays: z.number().int().min(1).max(60).optional(),
      /** The new card is waiting: the user is told where to pick it up, R3, R4, and offered the new PIN path. */
      pickUp: z.boolean().optional(),
      /** The help desk must give a reason to move a request here (it is shown to the requester). */
      noteRequired: z.boolean().optional(),
      userNotice: localized,
    })).min(2),
  }).superRefine((life, issues) => {
    const ids = new Set(life.statuses.map((status) => status.id));
    if (ids.size !== life.statuses.length) issues.addIssue({ code: 'custom', message: 'status ids must be distinct' });
    const named = [...Object.values(life.initial), life.withdrawTo, ...life.statuses.flatMap((status) => status.next)];
    for (const id of named) if (!ids.has(id)) issues.addIssue({ code: 'custom', message: `unknown status "${id}"` });
    for (const status of life.statuses) {
      if (status.closed && status.next.length) issues.addIssue({ code: 'custom', message: `closed status "${status.id}" cannot have next statuses` });
    }
  }),
});

export type Policy = z.infer<typeof policySchema>;
export type FeeRule = Policy['fees'][number];
export type Localized = z.infer<typeof localized>;
export type Payer = FeeRule['payer'];
export type ReminderPolicy = Policy['reminders'];
export type RequestStatus = Policy['requestStatuses']['statuses'][number];

export class PolicyError extends Error {
  override name = 'PolicyError';
}

export const DEFAULT_POLICY_PATH = join(__dirname, 'policy.json');

/** Reads and checks the policy file; throws a PolicyError that says what is wrong. */
export function loadPolicy(path = DEFAULT_POLICY_PATH): Policy {
  return validatePolicy(JSON.parse(readFileSync(path, 'utf8')));
}

export function validatePolicy(data: unknown): Policy {
  const parsed = policySchema.safeParse(data);
  if (!parsed.success) {
    throw new PolicyError(`Invalid policy: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  checkFeesCoverEveryPair(parsed.data);
  checkTextReferences(parsed.data);
  return parsed.data;
}

/** Texts the dialogs say by id (a rule of their path): an edit that drops one stops the bot at start. */
export const TEXTS_SAID_BY_ID = ['r1', 'r3', 'r4', 'r5', 'l1', 'l3', 'pinPageNeverShare', 'helpSecurityWordForgot', 'helpSmsNumber', 'pinStepsWhenExpired', 'pinStepsReplaced', 'pinLockQuestion', 'pinLockWhy'] as const;

/** Every text id the FAQ, the steps and the dialogs name must exist, or a user would read nothing. */
function checkTextReferences(policy: Policy): void {
  const used = [
    ...TEXTS_SAID_BY_ID.map((id) => ['dialogs', id] as const),
    ...policy.faq.flatMap((entry) => [entry.title, entry.warning, ...(entry.paragraphs ?? [])].map((id) => [`faq.${entry.id}`, id] as const)),
    ...policy.newCardPinSteps.flatMap((pinStep) => [...pinStep.help, pinStep.notes?.warning, ...(pinStep.notes?.paragraphs ?? [])].map((id) => [`newCardPinSteps.${pinStep.id}`, id] as const)),
  ];
  for (const [where, id] of used) {
    if (id !== undefined && !(id in policy.texts)) throw new PolicyError(`Invalid policy: ${where}: no text "${id}" in texts`);
  }
  for (const path of REASON_PATHS) {
    if (policy.reasons.filter((reason) => reason.path === path).length > 1) throw new PolicyError(`Invalid policy: reasons: more than one reason with path "${path}"`);
  }
}

/** Every role x reason pair must have exactly one fee rule, or the bot could not say who pays. */
function checkFeesCoverEveryPair(policy: Policy): void {
  for (const role of policy.roles) {
    for (const reason of policy.reasons) {
      const rules = policy.fees.filter((rule) => rule.roles.includes(role.id) && rule.reasons.includes(reason.id));
      if (rules.length !== 1) throw new PolicyError(`Invalid policy: fees: ${rules.length} rules for role "${role.id}" and reason "${reason.id}" (need exactly 1)`);
    }
  }
}

/** The fee rule for one role and reason. */
export function feeRule(policy: Policy, roleId: string, reasonId: string): FeeRule {
  const rule = policy.fees.find((candidate) => candidate.roles.includes(roleId) && candidate.reasons.includes(reasonId));
  if (!rule) throw new PolicyError(`No fee rule for role "${roleId}" and reason "${reasonId}"`);
  return rule;
}

export interface FeeDecision {
  payer: Payer;
  /** The rule behind the answer (one: the role is asked whenever rules differ). */
  rules: FeeRule[];
  revokeFirst: boolean;
}

/**
 * Who pays for a renewal with this reason, and the one rule behind it. Without a role: the answer
 * when one rule covers every role, or undefined when the role changes what the user must read
 * (who pays, or whether the certificate is revoked first): then ask the role.
 */
export function feeDecision(policy: Policy, reasonId: string, roleId?: string): FeeDecision | undefined {
  const rules = roleId
    ? [feeRule(policy, roleId, reasonId)]
    : [...new Set(policy.roles.map((role) => feeRule(policy, role.id, reasonId)))];
  if (rules.length !== 1) return undefined;
  return { payer: rules[0].payer, rules, revokeFirst: rules[0].revokeFirst };
}

/** A policy text (tr and en) in the given language, as written: no placeholders filled (see fillPolicy). */
export function textIn(text: Localized, locale: Locale): string {
  return text[locale];
}

export function labelOf(items: Policy['roles'], id: string, locale: Locale): string {
  const item = items.find((candidate) => candidate.id === id);
  return item ? item[locale] : id;
}

/** "A → B → C", the way Kamu SM's menus read. */
export function menuPathText(path: { steps: string[] }): string {
  return path.steps.join(' → ');
}

export type RenewalTiming =
  | { kind: 'tooEarly'; daysLeft: number; target: string; acceptFrom: string }
  | { kind: 'beforeTarget'; daysLeft: number; target: string }
  | { kind: 'pastTarget'; daysLeft: number; target: string }
  | { kind: 'late'; daysOverdue: number; target: string };

/**
 * Where a certificate expiring on `expiry` stands on `today`. R1's date (a calendar month before
 * expiry) is a target, not a gate: beyond the institution's window a reminder is offered; inside
 * it the request is recorded, before or after the target; after expiry the late path (R2).
 */
export function renewalTiming(policy: Policy, expiry: string, today: string): RenewalTiming {
  const daysLeft = daysBetween(today, expiry);
  const target = targetDate(policy, expiry);
  if (daysLeft < 0) return { kind: 'late', daysOverdue: -daysLeft, target };
  if (daysLeft > policy.renewal.acceptDaysBeforeExpiry) return { kind: 'tooEarly', daysLeft, target, acceptFrom: addDays(expiry, -policy.renewal.acceptDaysBeforeExpiry) };
  return { kind: today <= target ? 'beforeTarget' : 'pastTarget', daysLeft, target };
}

/** R1's target: `applyMonthsBeforeExpiry` calendar months before expiry (31.03 → 28.02). */
/** The earliest and latest expiry the renewal's date question accepts, seen from `today`. */
export function expiryDateBounds(policy: Policy, today: string): { min: string; max: string } {
  const { daysBefore, daysAfter } = policy.renewal.expiryDateRange;
  return { min: addDays(today, -daysBefore), max: addDays(today, daysAfter) };
}

export function targetDate(policy: Policy, expiry: string): string {
  return addMonths(expiry, -policy.renewal.applyMonthsBeforeExpiry);
}

/** One of the policy's texts with {website}, {callCenter}, {department}, {unlockPath} filled in. */
export function policyText(policy: Policy, id: string, locale: Locale): string {
  const text = policy.texts[id];
  if (!text) throw new PolicyError(`No text "${id}" in the policy`);
  return fillPolicy(policy, text[locale], locale);
}

/** Fills the policy's own placeholders into a sentence of the policy (a step, a text). */
export function fillPolicy(policy: Policy, sentence: string, locale: Locale): string {
  const values: Record<string, string> = {
    website: policy.kamuSm.website,
    callCenter: policy.kamuSm.callCenter,
    department: policy.institution.itDepartment[locale],
    unlockPath: menuPathText(policy.menuPaths.unlock),
  };
  return sentence.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Stops the bot at start when the policy lacks an FAQ answer the code routes to (e.g. the PUK's L3). */
export function requireFaqEntries(policy: Policy, ids: readonly string[]): void {
  const missing = ids.filter((id) => !policy.faq.some((entry) => entry.id === id));
  if (missing.length) throw new PolicyError(`Invalid policy: faq: no entry "${missing.join('", "')}" (typed questions are answered with it)`);
}

export type Reason = Policy['reasons'][number];

/** A role or reason question's choices: the label and the ways people type it, both from the policy. */
export function labelledChoices(items: readonly z.infer<typeof labelled>[], locale: Locale): { value: string; label: string; synonyms?: string[] }[] {
  return items.map((item) => ({ value: item.id, label: item[locale], synonyms: item.synonyms }));
}

export function reasonOf(policy: Policy, id: string): Reason | undefined {
  return policy.reasons.find((reason) => reason.id === id);
}

/** The reason whose renewal another path handles (e.g. the lost card's). */
export function reasonForPath(policy: Policy, path: Reason['path']): Reason | undefined {
  return policy.reasons.find((reason) => reason.path === path);
}
