import assert from 'node:assert/strict';
import { MemoryHandoffStore } from '../../../state/memoryHandoffStore';
import { RedisHandoffStore } from '../../../state/redisHandoffStore';
import type { HandoffStore, Person, Ticket, TranscriptLine } from '../../../state/handoffStore';
import { sleep } from '../../support/wait';
import { plain, raceCount, twins } from './twins';

const T0 = Date.parse('2026-03-10T07:00:00Z');
const at = (minutes: number): Date => new Date(T0 + minutes * 60_000);
const mehmet: Person = { id: '29:1mehmet', aadObjectId: 'aad-mehmet', name: 'Mehmet Demir' };
const zeynep: Person = { id: '29:1zeynep', name: 'Zeynep Kaya' };
const RETENTION = 30 * 24 * 3600;

function ticket(id: string, minutes = 0, conversation = `a:${id}`): Ticket {
  const created = at(minutes).toISOString();
  return {
    id, status: 'waiting', user: { id: `29:${id}`, aadObjectId: `aad-${id}`, name: `Kişi ${id}` }, userConversationId: conversation,
    userRef: { conversation: { id: conversation, isGroup: false, conversationType: 'personal', name: '' }, serviceUrl: 'http://x/' },
    locale: 'tr', path: 'Kart yenileme', createdAt: created, outsideHours: false, lastActivityAt: created,
  };
}

function line(text: string, minutes = 0, from: TranscriptLine['from'] = 'user'): TranscriptLine {
  return { at: at(minutes).toISOString(), from, text };
}

/** Creates `t` with one line; re-announce due 10 minutes after it was created. */
async function open(store: HandoffStore, t: Ticket): Promise<Ticket> {
  assert.equal(await store.create(t, [line(`merhaba ${t.id}`)], Date.parse(t.createdAt) + 600_000), true);
  return t;
}

/*
 * Not pinned (not observable through the interface): RedisHandoffStore.attachThread on an unknown
 * ticket still writes a stray hash and thread mapping; the memory twin writes nothing.
 */
twins<HandoffStore>('handoff store', {
  memory: () => new MemoryHandoffStore(),
  redis: (client, prefix) => new RedisHandoffStore(client, `${prefix}handoff:`),
}, (twin) => {
  it('create saves the ticket, its first lines, the conversation mapping and the queue entry', async () => {
    const t = await open(twin.store, ticket('T-AAAAAA'));
    assert.deepEqual(plain(await twin.store.get(t.id)), plain(t));
    assert.deepEqual(await twin.store.lines(t.id), [line('merhaba T-AAAAAA')]);
    assert.equal((await twin.store.openTicketFor(t.userConversationId))?.id, t.id);
    assert.equal(await twin.store.queuePosition(t.id), 1);
    assert.deepEqual((await twin.store.openTickets()).map((o) => o.id), [t.id]);
  });

  it('create refuses (and saves nothing) while the conversation has an open ticket; allowed again once it is closed', async () => {
    const first = await open(twin.store, ticket('T-AAAAAA', 0, 'a:same'));
    assert.equal(await twin.store.create(ticket('T-BBBBBB', 1, 'a:same'), [line('ikinci')], T0), false);
    assert.equal(await twin.store.get('T-BBBBBB'), undefined);
    assert.deepEqual(await twin.store.lines('T-BBBBBB'), []);
    assert.equal((await twin.store.openTicketFor('a:same'))?.id, first.id);
    await twin.store.close(first.id, 'user', 'withdrawn', at(2), RETENTION);
    assert.equal(await twin.store.create(ticket('T-CCCCCC', 3, 'a:same'), [], T0), true);
    assert.equal((await twin.store.openTicketFor('a:same'))?.id, 'T-CCCCCC');
  });

  it('two creates for one conversation at once (two instances): exactly one ticket', async () => {
    const stores = [twin.store, twin.sibling];
    const { winners } = await raceCount(2, (i) => stores[i].create(ticket(`T-RACE0${i}`, 0, 'a:race'), [], T0), Boolean);
    assert.equal(winners, 1);
    assert.equal((await twin.store.openTickets()).length, 1);
  });

  it('absent ids, conversations and threads: undefined or empty, never an error, nothing created', async () => {
    const s = twin.store;
    assert.equal(await s.get('T-NONE00'), undefined);
    assert.equal(await s.openTicketFor('a:nobody'), undefined);
    assert.equal(await s.ticketForThread('19:nothread'), undefined);
    assert.equal(await s.queuePosition('T-NONE00'), undefined);
    assert.deepEqual(await s.lines('T-NONE00'), []);
    assert.equal(await s.rate('T-NONE00', 5), false);
    assert.deepEqual(plain(await s.claim('T-NONE00', mehmet, at(1), T0)), { won: false });
    assert.equal(await s.close('T-NONE00', 'desk', 'resolved', at(1), RETENTION), undefined);
    await s.bumpReannounced('T-NONE00');
    await s.addLine('T-NONE00', line('kimse yok'), at(1));
    await s.attachThread('T-NONE00', '19:t;messageid=1', {}, 'card-1');
    assert.equal(await s.get('T-NONE00'), undefined);
    assert.deepEqual(await s.lines('T-NONE00'), [], 'a line for an unknown ticket is dropped');
    assert.equal(await s.ticketForThread('19:t;messageid=1'), undefined);
    assert.deepEqual(await s.openTickets(), []);
    assert.deepEqual(await s.takeDue(T0 + 10 * 86_400_000, 1000, 10), []);
    assert.equal(await s.desk(), undefined);
  });

  it('attachThread maps the thread to the ticket (and records the card) until the ticket closes', async () => {
    const t = await open(twin.store, ticket('T-AAAAAA'));
    const threadRef = { conversation: { id: '19:desk;messageid=77', isGroup: true, conversationType: 'channel', name: '' } };
    await twin.store.attachThread(t.id, '19:desk;messageid=77', threadRef, '77');
    const found = await twin.store.ticketForThread('19:desk;messageid=77');
    assert.equal(found?.id, t.id);
    assert.equal(found?.cardActivityId, '77');
    assert.deepEqual(found?.threadRef, threadRef);
    assert.equal(found?.threadId, '19:desk;messageid=77');
    await twin.store.close(t.id, 'desk', 'resolved', at(5), RETENTION);
    assert.equal(await twin.store.ticketForThread('19:desk;messageid=77'), undefined);
  });

  it('queue: positions follow creation time among waiting tickets; openTickets lists waiting and claimed, oldest first', async () => {
    const s = twin.store;
    // Created out of order on purpose: the queue is by createdAt, not by call order.
    await open(s, ticket('T-SECOND', 2));
    await open(s, ticket('T-FIRST0', 1));
    await open(s, ticket('T-THIRD0', 3));
    assert.deepEqual([await s.queuePosition('T-FIRST0'), await s.queuePosition('T-SECOND'), await s.queuePosition('T-THIRD0')], [1, 2, 3]);
    assert.equal((await s.claim('T-FIRST0', mehmet, at(4), T0 + 3_600_000)).won, true);
    assert.equal(await s.queuePosition('T-FIRST0'), undefined, 'a claimed ticket is out of the queue');
    assert.deepEqual([await s.queuePosition('T-SECOND'), await s.queuePosition('T-THIRD0')], [1, 2]);
    assert.deepEqual((await s.openTickets()).map((o) => o.id), ['T-FIRST0', 'T-SECOND', 'T-THIRD0']);
    await s.close('T-SECOND', 'user', 'withdrawn', at(5), RETENTION);
    assert.deepEqual((await s.openTickets()).map((o) => o.id), ['T-FIRST0', 'T-THIRD0']);
    assert.equal(await s.queuePosition('T-THIRD0'), 1);
  });

  it('claim: two members press at once (two instances), exactly one wins; the loser is shown the winner', async () => {
    const t = await open(twin.store, ticket('T-AAAAAA'));
    const stores = [twin.store, twin.sibling];
    const people = [mehmet, zeynep];
    const { winners, results } = await raceCount(2, (i) => stores[i].claim(t.id, people[i], at(1), T0 + 3_600_000), (r) => r.won);
    assert.equal(winners, 1);
    const winner = results.find((r) => r.won)!.ticket;
    const loser = results.find((r) => !r.won)!;
    assert.equal(winner.status, 'claimed');
    assert.equal(winner.claimedAt, at(1).toISOString());
    assert.equal(winner.lastActivityAt, at(1).toISOString());
    assert.deepEqual(plain(loser.ticket?.claimedBy), plain(winner.claimedBy));
    assert.equal((await twin.store.get(t.id))?.claimedBy?.id, winner.claimedBy?.id);
  });

  it('claim replaces the re-announce deadline with the idle one; a closed ticket cannot be claimed', async () => {
    const s = twin.store;
    const t = await open(s, ticket('T-AAAAAA'));
    assert.equal((await s.claim(t.id, mehmet, at(1), T0 + 3_600_000)).won, true);
    assert.deepEqual(await s.takeDue(T0 + 3_599_999, 1000, 10), [], 'no re-announce after a claim');
    assert.deepEqual(await s.takeDue(T0 + 3_600_000, 1000, 10), [{ kind: 'idle', ticketId: t.id }]);
    const other = await open(s, ticket('T-BBBBBB'));
    await s.close(other.id, 'user', 'withdrawn', at(1), RETENTION);
    const late = await s.claim(other.id, mehmet, at(2), T0);
    assert.equal(late.won, false);
    assert.equal(late.ticket?.status, 'closed');
  });

  it('close: from both sides at once, exactly one call closes; the ticket keeps its data and leaves every index', async () => {
    const s = twin.store;
    const t = await open(s, ticket('T-AAAAAA'));
    await s.attachThread(t.id, '19:desk;messageid=9', {}, '9');
    await s.claim(t.id, mehmet, at(1), T0 + 3_600_000);
    const stores = [s, twin.sibling];
    const { winners, results } = await raceCount(2, (i) => stores[i].close(t.id, i ? 'user' : 'desk', 'resolved', at(2), RETENTION), (r) => r !== undefined);
    assert.equal(winners, 1);
    const closed = results.find(Boolean)!;
    assert.equal(closed.status, 'closed');
    assert.equal(closed.outcome, 'resolved');
    assert.equal(closed.closedAt, at(2).toISOString());
    assert.ok(closed.closedBy === 'desk' || closed.closedBy === 'user');
    assert.deepEqual(plain(await s.get(t.id)), plain(closed), 'kept for the retention period');
    assert.equal(await s.openTicketFor(t.userConversationId), undefined);
    assert.equal(await s.ticketForThread('19:desk;messageid=9'), undefined);
    assert.deepEqual(await s.openTickets(), []);
    assert.deepEqual(await s.takeDue(T0 + 10 * 86_400_000, 1000, 10), [], 'its deadlines are gone');
    assert.equal(await s.close(t.id, 'timeout', 'idle', at(3), RETENTION), undefined, 'closing again is a no-op');
    assert.equal((await s.get(t.id))?.closedBy, closed.closedBy);
  });

  it('addLine appends in order and moves lastActivityAt', async () => {
    const s = twin.store;
    const t = await open(s, ticket('T-AAAAAA'));
    await s.addLine(t.id, line('bir', 1), at(1));
    await s.addLine(t.id, line('iki', 2, 'desk'), at(2));
    assert.deepEqual((await s.lines(t.id)).map((l) => l.text), ['merhaba T-AAAAAA', 'bir', 'iki']);
    assert.equal((await s.get(t.id))?.lastActivityAt, at(2).toISOString());
  });

  it('rate: only a closed ticket, only once (two at once: one wins)', async () => {
    const s = twin.store;
    const t = await open(s, ticket('T-AAAAAA'));
    assert.equal(await s.rate(t.id, 5), false, 'still open');
    await s.close(t.id, 'desk', 'resolved', at(1), RETENTION);
    const { winners } = await raceCount(2, (i) => [s, twin.sibling][i].rate(t.id, 4 + i), Boolean);
    assert.equal(winners, 1);
    assert.equal(await s.rate(t.id, 1), false);
    assert.ok([4, 5].includes((await s.get(t.id))?.rating ?? 0));
  });

  it('bumpReannounced counts from zero', async () => {
    const t = await open(twin.store, ticket('T-AAAAAA'));
    assert.equal((await twin.store.get(t.id))?.reannounced, undefined);
    await twin.store.bumpReannounced(t.id);
    await twin.store.bumpReannounced(t.id);
    assert.equal((await twin.store.get(t.id))?.reannounced, 2);
  });

  it('deadlines: due ones come earliest first, up to the limit, leased (skipped until the lease runs out); schedule moves, unschedule drops', async () => {
    const s = twin.store;
    await s.schedule({ kind: 'idle', ticketId: 'T-LATE00' }, 3000);
    await s.schedule({ kind: 'reannounce', ticketId: 'T-EARLY0' }, 1000);
    await s.schedule({ kind: 'reannounce', ticketId: 'T-MID000' }, 2000);
    await s.schedule({ kind: 'idle', ticketId: 'T-FUTURE' }, 9000);
    assert.deepEqual(await s.takeDue(3000, 500, 2), [{ kind: 'reannounce', ticketId: 'T-EARLY0' }, { kind: 'reannounce', ticketId: 'T-MID000' }]);
    assert.deepEqual(await s.takeDue(3000, 500, 10), [{ kind: 'idle', ticketId: 'T-LATE00' }], 'the first two are leased');
    assert.deepEqual(await s.takeDue(3499, 500, 10), []);
    // All three leases end at 3500: the order among equal due times is not part of the contract.
    assert.deepEqual((await s.takeDue(3500, 500, 10)).map((d) => d.ticketId).sort(), ['T-EARLY0', 'T-LATE00', 'T-MID000'], 'leases ran out');
    await s.schedule({ kind: 'idle', ticketId: 'T-FUTURE' }, 100);
    await s.unschedule({ kind: 'reannounce', ticketId: 'T-EARLY0' });
    await s.unschedule({ kind: 'idle', ticketId: 'T-NEVER0' });
    const taken = (await s.takeDue(10_000, 500, 10)).map((d) => d.ticketId);
    assert.equal(taken[0], 'T-FUTURE', 'moved to the front');
    assert.deepEqual(taken.slice(1).sort(), ['T-LATE00', 'T-MID000']);
  });

  it('takeDue from two instances at once: each deadline goes to exactly one', async () => {
    for (let i = 0; i < 20; i++) await twin.store.schedule({ kind: 'idle', ticketId: `T-D${String(i).padStart(5, '0')}` }, 1000 + i);
    const [a, b] = await Promise.all([twin.store.takeDue(5000, 60_000, 15), twin.sibling.takeDue(5000, 60_000, 15)]);
    const all = [...a, ...b].map((d) => d.ticketId);
    assert.equal(all.length, 20);
    assert.equal(new Set(all).size, 20);
  });

  it('retention: a closed ticket stays readable until the retention period is over and prune has run, then is gone', async () => {
    const s = twin.store;
    const t = await open(s, ticket('T-AAAAAA'));
    const closedAt = new Date();
    await s.close(t.id, 'desk', 'resolved', closedAt, 2);
    await s.prune(closedAt.getTime() - 1);
    assert.equal((await s.get(t.id))?.status, 'closed', 'closed after the cut-off: kept');
    await sleep(2100);
    await s.prune(closedAt.getTime() + 1);
    assert.equal(await s.get(t.id), undefined);
    assert.deepEqual(await s.lines(t.id), []);
  });

  it('desk: unset, set, replaced', async () => {
    assert.equal(await twin.store.desk(), undefined);
    await twin.store.setDesk({ conversation: { id: '19:a', isGroup: true, conversationType: 'channel', name: '' } });
    await twin.sibling.setDesk({ conversation: { id: '19:b', isGroup: true, conversationType: 'channel', name: '' } });
    assert.equal((await twin.store.desk())?.conversation?.id, '19:b');
  });
});
