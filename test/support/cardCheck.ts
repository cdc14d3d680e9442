import assert from 'node:assert/strict';
import type { Activity, Attachment } from 'botbuilder';
import type * as AdaptiveCardsModule from 'adaptivecards';

// The official renderer's library (the one Teams and the Agents Playground embed). Its UMD bundle
// loads in Node without a DOM as long as nothing is rendered.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

/**
 * Teams' host config differs from the library default in one way that matters here: Teams shows
 * up to 6 actions per card (the library default is 5; see the Teams host containers of the Adaptive
 * Cards designer). The menu has six paths, so we validate against Teams' limit.
 */
export const TEAMS_MAX_ACTIONS = 6;

export interface ParseOutcome { parseEvents: string[]; validationEvents: string[]; version: string | undefined }

export function parseWithOfficialLibrary(content: unknown): ParseOutcome {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig({ actions: { maxActions: TEAMS_MAX_ACTIONS } });
  const context = new AC.SerializationContext();
  card.parse(content, context);
  const parseEvents = Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index).message);
  const validationEvents = card.validateProperties().validationEvents.map((event) => event.message);
  return { parseEvents, validationEvents, version: card.version?.toString() };
}

export function actionsOf(node: unknown): Record<string, unknown>[] {
  if (Array.isArray(node)) return node.flatMap(actionsOf);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.type === 'string' && record.type.startsWith('Action.') ? [record] : [];
  return [...own, ...Object.values(record).flatMap(actionsOf)];
}

/** Every Adaptive Card of a reply (or an attachment) parses without events and has at most 6 actions. */
export function assertSendableCard(reply: Partial<Activity> | Attachment): void {
  const attachments = 'contentType' in reply ? [reply as Attachment] : ((reply as Partial<Activity>).attachments ?? []);
  for (const attachment of attachments) {
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') continue;
    const outcome = parseWithOfficialLibrary(attachment.content);
    assert.deepEqual([...outcome.parseEvents, ...outcome.validationEvents], [], `card does not parse cleanly: ${JSON.stringify(attachment.content).slice(0, 300)}`);
    const actions = actionsOf(attachment.content);
    assert.ok(actions.length <= TEAMS_MAX_ACTIONS, `${actions.length} actions on a card (Teams shows ${TEAMS_MAX_ACTIONS})`);
  }
}
