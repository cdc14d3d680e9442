import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findButton as findCardButton } from '../support/chat';
import type { ReceivedActivity } from '../support/fakeConnector';
import { Scenario, cardButtons, visibleText, type HandoffBot } from '../handoff/support';
import type { TeamsUser } from '../support/teams';

/** The renewal requests' scenario: the handoff's (a personal chat and the desk channel) plus buttons pressed by title. */
export class RequestScenario extends Scenario {
  /** The last card seen per thread root, so a test may clear the connector and still press it. */
  private readonly cards = new Map<string, ReceivedActivity>();

  /** Presses `label` on the newest card in the user's chat that has it. */
  async pressButton(label: string, bot?: HandoffBot): Promise<void> {
    await this.press(label, bot);
  }

  /** Fills the newest date question in the user's chat. */
  async submitDate(date: string): Promise<void> {
    await this.chat.submitDate(date);
  }

  /** The request's desk card: posted in the channel as a new thread. */
  requestCard(): ReceivedActivity | undefined {
    const card = this.ticketCards().find((activity) => /Yenileme talebi EI-\d{4}-\d{4}/.test(visibleText(activity)));
    if (card) this.cards.set(card.id, card);
    return card;
  }

  /** The card as everyone sees it now: the last in-place update, else the post. */
  currentCard(rootId: string): ReceivedActivity {
    const updates = this.cardUpdates(rootId);
    const card = updates[updates.length - 1] ?? this.ticketCards().find((activity) => activity.id === rootId) ?? this.cards.get(rootId);
    if (!card) throw new Error(`no card ${rootId}`);
    this.cards.set(rootId, card);
    return card;
  }

  /** Presses the desk card's button titled `label` (as the card is now), as `user`. */
  async deskPressButton(user: TeamsUser, rootId: string, label: string, bot?: HandoffBot, inputs: Record<string, unknown> = {}): Promise<void> {
    const button = cardButtons(this.currentCard(rootId)).find((candidate) => candidate.title === label);
    if (!button) throw new Error(`no "${label}" on the desk card: ${cardButtons(this.currentCard(rootId)).map((b) => b.title).join(', ')}`);
    await this.deskPresses(user, { ...button.data, ...inputs }, rootId, bot);
  }

  userTexts(): string {
    return this.toUser().map((activity) => visibleText(activity)).join('\n---\n');
  }
}

/** The data of the newest button titled `label` among `activities`. */
export function findButton(activities: ReceivedActivity[], label: string): Record<string, unknown> {
  return findCardButton(activities, label).data;
}

/** The first link in markdown "[..](url)" among the activities' texts that points at `path`. */
export function linkTo(activities: ReceivedActivity[], path: 'forms' | 'exports'): string {
  for (const activity of [...activities].reverse()) {
    const match = new RegExp(`\\((http://[^)]+/${path}/[^)]+)\\)`).exec(visibleText(activity));
    if (match) return match[1];
  }
  throw new Error(`no /${path}/ link`);
}

/** The text of a PDF, read by poppler's pdftotext (a real reader, not our own code). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'eimza-pdf-'));
  try {
    await writeFile(join(dir, 'form.pdf'), pdf);
    const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', join(dir, 'form.pdf'), '-']);
    return stdout;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
