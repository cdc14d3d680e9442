import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type StoreItems } from 'botbuilder';
import { SnapshotConversationState } from '../../state/conversationState';

/** MemoryStorage that keeps a log of what was written and deleted. */
class LoggedStorage extends MemoryStorage {
  readonly log: string[] = [];
  override async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: _eTag, ...data } = item as Record<string, unknown>;
      this.log.push(`write ${key.split('/')[1]} ${JSON.stringify(data)}`);
    }
    await super.write(changes);
  }
  override async delete(keys: string[]): Promise<void> {
    this.log.push(...keys.map((key) => `delete ${key.split('/')[1]}`));
    await super.delete(keys);
  }
}

type Step = (state: ConversationState, context: TurnContext) => Promise<unknown>;

/** Each row: turns (one list of steps each) and what storage must have seen, the same for both classes. */
const rows: { name: string; turns: Step[][]; storage: string[]; finally?: object }[] = [
  {
    name: 'a changed state is written once, with its nested change',
    turns: [[async (state, context) => { (await state.load(context)).path = { step: 1 }; }, (state, context) => state.saveChanges(context)],
      [async (state, context) => { ((await state.load(context)).path as { step: number }).step = 2; }, (state, context) => state.saveChanges(context)]],
    storage: ['write conversations {"path":{"step":1}}', 'write conversations {"path":{"step":2}}'],
    finally: { path: { step: 2 } },
  },
  {
    name: 'an unchanged state is not written, not even twice in a turn',
    turns: [[async (state, context) => { (await state.load(context)).n = 1; }, (state, context) => state.saveChanges(context)],
      [(state, context) => state.load(context), (state, context) => state.saveChanges(context), (state, context) => state.saveChanges(context)]],
    storage: ['write conversations {"n":1}'],
    finally: { n: 1 },
  },
  {
    name: 'a state never loaded is not written, unless forced',
    turns: [[(state, context) => state.saveChanges(context)], [(state, context) => state.saveChanges(context, true)]],
    storage: ['write conversations {}'],
    finally: {},
  },
  {
    name: 'a forced save writes an unchanged state',
    turns: [[async (state, context) => { (await state.load(context)).n = 1; }, (state, context) => state.saveChanges(context)],
      [(state, context) => state.load(context), (state, context) => state.saveChanges(context, true)]],
    storage: ['write conversations {"n":1}', 'write conversations {"n":1}'],
  },
  {
    name: 'a second change in the same turn is written again',
    turns: [[async (state, context) => { (await state.load(context)).n = 1; }, (state, context) => state.saveChanges(context),
      async (state, context) => { (await state.load(context)).n = 2; }, (state, context) => state.saveChanges(context)]],
    storage: ['write conversations {"n":1}', 'write conversations {"n":2}'],
    finally: { n: 2 },
  },
  {
    name: 'clear empties the state, and the save writes it empty',
    turns: [[async (state, context) => { (await state.load(context)).n = 1; }, (state, context) => state.saveChanges(context)],
      [(state, context) => state.clear(context), (state, context) => state.saveChanges(context)]],
    storage: ['write conversations {"n":1}', 'write conversations {}'],
    finally: {},
  },
  {
    name: 'delete removes it from storage and from the turn',
    turns: [[async (state, context) => { (await state.load(context)).n = 1; }, (state, context) => state.saveChanges(context)],
      [(state, context) => state.load(context), (state, context) => state.delete(context), async (state, context) => assert.equal(state.get(context), undefined)]],
    storage: ['write conversations {"n":1}', 'delete conversations'],
    finally: {},
  },
  {
    name: 'a forced load reads storage again',
    turns: [[async (state, context) => { (await state.load(context)).n = 1; }, (state, context) => state.saveChanges(context),
      async (state, context) => { (await state.load(context)).n = 5; },
      async (state, context) => assert.equal((await state.load(context, true)).n, 1)]],
    storage: ['write conversations {"n":1}'],
    finally: { n: 1 },
  },
];

describe('SnapshotConversationState, side by side with botbuilder\'s ConversationState', () => {
  for (const row of rows) {
    for (const State of [ConversationState, SnapshotConversationState]) {
      it(`${State.name}: ${row.name}`, async () => {
        const storage = new LoggedStorage();
        const state = new State(storage);
        const adapter = new TestAdapter(async () => undefined);
        const newTurn = () => new TurnContext(adapter, { type: 'message', channelId: 'msteams', conversation: { id: 'c1' } as never });
        for (const steps of row.turns) {
          const context = newTurn();
          for (const step of steps) await step(state, context);
        }
        assert.deepEqual(storage.log, row.storage);
        if (row.finally) {
          const { eTag: _eTag, ...saved } = await state.load(newTurn());
          assert.deepEqual(saved, row.finally);
        }
      });
    }
  }
});
