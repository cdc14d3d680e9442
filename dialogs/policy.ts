import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Locale } from '../cards/i18n';
import { addDays, daysBetween } from './dates';

const localized = z.object({ tr: z.string().min(1), en: z.string().min(1) });
const labelled = localized.extend({ id: z.string().min(1) });
const menuPath = z.object({ source: z.string(), steps: z.array(z.string().min(1)).min(1) });

const policySchema = z.object({
  institution: z.object({ itDepartment: localized, handIn: localized }),
  kamuSm: z.object({ website: z.string().min(1), callCenter: z.string().regex(/^[\d ]+$/) }),
  renewal: z.object({
    applyDaysBeforeExpiry: z.number().int().min(1).max(365),
    lateRequirement: localized.extend({ source: z.string() }),
  }),
  reminders: z.object({
    milestones: z.array(z.number().int().min(-30).max(365)).min(1).refine((days) => new Set(days).size === days.length, 'milestones must be distinct'),
    window: z.object({
      days: z.array(z.enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'])).min(1),
      start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
      end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM'),
      timeZone: z.string().min(1),
    }).refine((window) => window.start < window.end, 'window.start must be before window.end'),
    catchUpDays: z.number().int().min(0).max(14),
    snoozeDays: z.number().int().min(1).max(60),
  }),
  roles: z.array(labelled).min(1),
  reasons: z.array(labelled).min(1),
  fees: z.array(localized.extend({
    source: z.string(),
    roles: z.array(z.string()).min(1),
    reasons: z.array(z.string()).min(1),
    payer: z.enum(['person', 'institution']),
    revokeFirst: z.boolean(),
  })).min(1),
  leaving: localized.extend({ source: z.string() }),
  menuPaths: z.object({ unlock: menuPath, suspend: menuPath }),
  newCardPinSteps: z.array(localized.extend({
    id: z.string().min(1),
    help: z.enum(['loginChoice', 'securityWord', 'smsNumber']).optional(),
    final: z.boolean().optional(),
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
  return parsed.data;
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
  /** The rules behind the answer (one when the role was asked, or all that agree). */
  rules: FeeRule[];
  revokeFirst: boolean;
}

/**
 * Who pays for a renewal with this reason. Without a role: the answer when every role pays the
 * same, or undefined when the role decides it (then ask the role).
 */
export function feeDecision(policy: Policy, reasonId: string, roleId?: string): FeeDecision | undefined {
  const rules = roleId
    ? [feeRule(policy, roleId, reasonId)]
    : [...new Set(policy.roles.map((role) => feeRule(policy, role.id, reasonId)))];
  const payers = new Set(rules.map((rule) => rule.payer));
  if (payers.size !== 1) return undefined;
  return { payer: rules[0].payer, rules, revokeFirst: rules.every((rule) => rule.revokeFirst) };
}

export function say(text: Localized, locale: Locale): string {
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
  | { kind: 'tooEarly'; daysLeft: number; applyFrom: string }
  | { kind: 'applyNow'; daysLeft: number }
  | { kind: 'late'; daysOverdue: number };

/**
 * Where a certificate expiring on `expiry` stands on `today` (R1, R2): too early to apply, in the
 * window (the expiry day itself included), or expired (late path, wet-signed form).
 */
export function renewalTiming(policy: Policy, expiry: string, today: string): RenewalTiming {
  const daysLeft = daysBetween(today, expiry);
  const window = policy.renewal.applyDaysBeforeExpiry;
  if (daysLeft < 0) return { kind: 'late', daysOverdue: -daysLeft };
  if (daysLeft > window) return { kind: 'tooEarly', daysLeft, applyFrom: addDays(expiry, -window) };
  return { kind: 'applyNow', daysLeft };
}
