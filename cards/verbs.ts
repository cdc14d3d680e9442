/**
 * Every verb a card button can carry, in one place. A button's data is `{ verb, ...details }`;
 * each verb has exactly one entry in the router (bot/router/README.md), whose schema reads the details.
 */
export const Verb = {
  menu: 'menu',
  help: 'help',
  renewal: 'path.renewal',
  newCardPin: 'path.newCardPin',
  unlock: 'path.unlock',
  lostCard: 'path.lostCard',
  faq: 'path.faq',
  human: 'human.request',
  cardStatus: 'path.cardStatus',
  agentPairing: 'path.agentPairing',
  /** "No, let's carry on": ask the open question again. */
  resume: 'resume',
  /** The answer to the question a dialog is waiting on; carries `promptId` and `choice`. */
  answer: 'answer',
  /** Help desk handoff: "Üstlen" on a ticket card (carries `ticketId`). */
  handoffClaim: 'handoff.claim',
  /** "Kapat": ends a help desk conversation, from either side (carries `ticketId`). */
  handoffClose: 'handoff.close',
  /** The satisfaction answer after a help desk conversation (carries `ticketId` and `score`). */
  handoffRate: 'handoff.rate',
  /** Expiry ping: "Başvurdum" stops the pings for the certificate in `expiry` (bot/reminders). */
  reminderApplied: 'reminder.applied',
  /** Expiry ping: "Daha sonra hatırlat" moves the next ping, never past expiry (carries `expiry`). */
  reminderSnooze: 'reminder.snooze',
  /** Paired agent: "Kaldır" on the paired-devices card (carries `deviceId`, `deviceName`). */
  agentUnpair: 'agent.unpair',
  /** Renewal requests (bot/requests): "Üstlen" on a request's desk card (carries `number`). */
  requestClaim: 'request.claim',
  /** A status button on a request's desk card (carries `number`, `from` (the status the card showed) and `status`). */
  requestMove: 'request.move',
  /** "taleplerim" as a button. */
  requestMine: 'request.mine',
  /** The user's "Talebi geri al" (carries `number`), then the confirmation (`confirm: true | false`). */
  requestWithdraw: 'request.withdraw',
} as const;

/** What a button sends: its verb and plain details (checked on arrival by the verb's entry). */
export interface ButtonData {
  verb: string;
  [detail: string]: string | number | boolean | undefined;
}
