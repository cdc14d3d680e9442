import { z } from 'zod';
import { Verb } from '../../cards/verbs';
import { dialogEntry, turnEntry, type RouteEntry } from '../router/registry';
import type { HandoffPlaces } from '../router/router';
import type { HandoffEngine } from './handoffEngine';

const nothing = z.object({});
const ticket = z.object({ ticketId: z.string() });

/**
 * The help desk's entries: asking for a person, ending the conversation (typed or "Kapat"), the
 * satisfaction answer, and the desk's own commands and presses in its channel.
 */
export function handoffEntries(engine: HandoffEngine): RouteEntry[] {
  return [
    dialogEntry({ verb: Verb.human, words: 'words.human', payload: nothing, where: ['personal'], run: (turn) => engine.requestFromDialog(turn) }),
    // During a handoff "iptal" cancels the conversation with the desk: the ticket is what is going on.
    turnEntry({ words: 'words.cancel', payload: nothing, where: ['handoff'], run: (context) => engine.endFromUser(context) }),
    turnEntry({
      words: 'words.end', payload: nothing, where: ['handoff', 'channel'],
      run: (context, _payload, { where }) => (where === 'channel' ? engine.inChannel(context, { ending: true }) : engine.endFromUser(context)),
    }),
    turnEntry({
      verb: Verb.handoffClose, payload: ticket, where: ['personal', 'handoff', 'channel'],
      run: (context, { ticketId }, { where }) => (where === 'channel' ? engine.closeFromDesk(context, ticketId) : engine.endFromUser(context)),
    }),
    turnEntry({
      verb: Verb.handoffRate, payload: z.object({ ticketId: z.string(), score: z.coerce.number() }), where: ['personal', 'handoff'],
      run: (context, { ticketId, score }) => engine.rate(context, ticketId, score),
    }),
    turnEntry({ verb: Verb.handoffClaim, payload: ticket, where: ['channel'], run: (context, { ticketId }) => engine.claim(context, ticketId) }),
    turnEntry({ words: 'words.deskHere', payload: nothing, where: ['channel'], run: (context) => engine.setDesk(context) }),
    turnEntry({ words: 'words.openTickets', payload: nothing, where: ['channel'], run: (context) => engine.listOpen(context) }),
  ];
}

/** What the handoff adds to routing: where a personal chat stands, the last lines, and the desk's relay. */
export function handoffPlaces(engine: HandoffEngine, own: readonly RouteEntry[]): HandoffPlaces {
  return {
    whereOf: (context) => engine.whereOf(context),
    // The handoff's own turns (a rating, an old "Kapat") are not lines of the conversation before a ticket.
    record: (context, run, entry) => (entry?.kind === 'turn' && own.includes(entry) ? run() : engine.record(context, run)),
    duringHandoff: (context) => engine.duringHandoff(context),
    inChannel: (context) => engine.inChannel(context),
  };
}
