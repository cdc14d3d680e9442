import { conversationEntries, noHandoffEntries } from '../../dialogs/conversationEntries';
import type { PathEntry } from '../../dialogs/mainDialog';
import { Registry, type RouteEntry } from './registry';
import { Router, type HandoffPlaces } from './router';

export { Router } from './router';
export { Registry } from './registry';
export type { BotSide, HandoffPlaces } from './router';
export type { DialogTurn, RouteEntry, Where } from './registry';

/**
 * The registry of every input: the conversation's own entries and paths, then each feature's.
 * Without a help desk, "yetkiliye bağlan" says the path is not there yet.
 */
export function createRouter(paths: readonly PathEntry[], features: { handoff?: { entries: RouteEntry[]; places: HandoffPlaces }; entries?: RouteEntry[] }): Router {
  const registry = new Registry([...conversationEntries(paths), ...(features.handoff?.entries ?? noHandoffEntries()), ...(features.entries ?? [])]);
  return new Router(registry, features.handoff?.places);
}
