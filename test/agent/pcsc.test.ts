import assert from 'node:assert/strict';
import { PcscMonitor, readReadersOnce, type ReaderSnapshot } from '../../paired-agent/pcsc';
import { sharedPcscd, waitForReaders, type PrivatePcscd } from './helpers/private-pcscd';
import { VirtualCard } from './helpers/vpcd-card';
import { eventually } from '../support/wait';

const AKIS_V1_ATR = '3BBA11008131FE4D55454B41452056312E30AE';
// An ATR carrying the "gUEKAE" marker (67 55 45 4B 41 45) in its historical bytes.
const GUEKAE_ATR = '3B9F968011FE4567554 54B414512345678901234'.replace(/\s/g, '');
const OTHER_ATR = '3B8F8001804F0CA000000306030001000000006A';

type Event = { type: string; reader?: string; atr?: string | null; verdict?: string };

function record(monitor: PcscMonitor): Event[] {
  const events: Event[] = [];
  monitor.on('reader-added', (name) => events.push({ type: 'reader-added', reader: name }));
  monitor.on('reader-removed', (name) => events.push({ type: 'reader-removed', reader: name }));
  const card = (type: string) => (r: ReaderSnapshot) =>
    events.push({ type, reader: r.name, atr: r.atr, verdict: r.classification?.verdict });
  monitor.on('card-inserted', card('card-inserted'));
  monitor.on('card-removed', card('card-removed'));
  monitor.on('service-down', () => events.push({ type: 'service-down' }));
  monitor.on('service-up', () => events.push({ type: 'service-up' }));
  return events;
}

const show = (events: Event[]): string => events.map((e) => `${e.type}:${e.reader ?? ''}:${e.atr ?? ''}`).join(' | ');
const has = (events: Event[], type: string, reader?: string): boolean =>
  events.some((e) => e.type === type && (reader === undefined || e.reader === reader));

describe('agent PC/SC (private pcscd + vpcd virtual card)', function () {
  this.timeout(30_000);
  let pcscd: PrivatePcscd;
  let port: number;
  const cards: VirtualCard[] = [];
  let monitor: PcscMonitor | null = null;

  before(async () => {
    pcscd = await sharedPcscd();
    port = await pcscd.setVpcdReader('Eimza Test Reader');
    await pcscd.startDaemon();
  });

  afterEach(async () => {
    monitor?.close();
    monitor = null;
    for (const card of cards.splice(0)) card.remove();
    await pcscd.startDaemon(); // a failed restart test must not leave the next test without pcscd
    await waitForNoCards();
  });

  after(async () => {
    await pcscd.stopDaemon();
  });

  function newCard(atr: string, slotPort = port): VirtualCard {
    const card = VirtualCard.fromHex(slotPort, atr);
    cards.push(card);
    return card;
  }

  describe('when the agent reads the readers once', () => {
    it('lists the vpcd reader slots with no card', async () => {
      const readers = await readReadersOnce();
      const names = readers.map((r) => r.name);
      assert.ok(names.includes('Eimza Test Reader 00 00'), names.join(','));
      assert.ok(names.includes('Eimza Test Reader 00 01'), names.join(','));
      assert.ok(readers.every((r) => !r.cardPresent && r.atr === null));
    });

    it('reports an inserted AKIS card with its ATR and classification', async () => {
      const card = newCard(AKIS_V1_ATR);
      await card.insert();
      await waitForCard('Eimza Test Reader 00 00', true);
      const reader = (await readReadersOnce()).find((r) => r.name === 'Eimza Test Reader 00 00');
      assert.equal(reader?.atr, AKIS_V1_ATR);
      assert.deepEqual(reader?.classification, { verdict: 'akis', label: 'AKIS v1.0', rule: 'known-atr' });
      assert.deepEqual(card.apdus, [], 'the agent must send no APDU to the card');
    });
  });

  describe('when watching', () => {
    it('reports insertion with classification, then removal', async () => {
      monitor = new PcscMonitor({ reconnect: true });
      const events = record(monitor);
      monitor.start();
      await monitor.waitUntilSettled(3000);
      const card = newCard(GUEKAE_ATR);
      await card.insert();
      await eventually(() => has(events, 'card-inserted'), 'card-inserted', 5000);
      const inserted = events.find((e) => e.type === 'card-inserted');
      assert.deepEqual(inserted, { type: 'card-inserted', reader: 'Eimza Test Reader 00 00', atr: GUEKAE_ATR, verdict: 'akis' });
      card.remove();
      await eventually(() => has(events, 'card-removed'), 'card-removed', 5000);
      assert.equal(events.find((e) => e.type === 'card-removed')?.reader, 'Eimza Test Reader 00 00');
      assert.deepEqual(card.apdus, []);
    });

    it('classifies a non-AKIS card as unrecognised (the certificate decides)', async () => {
      monitor = new PcscMonitor();
      const events = record(monitor);
      monitor.start();
      await monitor.waitUntilSettled(3000);
      await newCard(OTHER_ATR, port + 1).insert();
      await eventually(() => has(events, 'card-inserted'), 'card-inserted', 5000);
      const inserted = events.find((e) => e.type === 'card-inserted');
      assert.equal(inserted?.reader, 'Eimza Test Reader 00 01');
      assert.equal(inserted?.verdict, 'unrecognised');
    });

    it('survives a pcscd restart and keeps reporting cards', async () => {
      monitor = new PcscMonitor({ retryInitialMs: 100, retryMaxMs: 400 });
      const events = record(monitor);
      monitor.start();
      await monitor.waitUntilSettled(3000);
      const card = newCard(AKIS_V1_ATR);
      await card.insert();
      await eventually(() => has(events, 'card-inserted'), 'first insertion', 5000);

      await pcscd.stopDaemon();
      await eventually(() => has(events, 'service-down'), 'service-down', 5000);
      card.remove();
      await new Promise((r) => setTimeout(r, 300)); // retries fail while pcscd is down
      await pcscd.startDaemon();
      await eventually(() => events.filter((e) => e.type === 'service-up').length >= 2, 'service-up again', 8000);

      await eventually(() => has(events, 'card-removed'), 'removal seen after restart', 5000);
      const again = newCard(OTHER_ATR);
      await again.insert();
      await eventually(() => events.filter((e) => e.type === 'card-inserted').length >= 2, `insertion after restart: ${show(events)}`, 8000);
      assert.equal(events.filter((e) => e.type === 'card-inserted')[1].atr, OTHER_ATR, show(events));
      // the reader itself was never reported as removed and re-added across the restart
      assert.equal(events.filter((e) => e.type === 'reader-added' && e.reader === 'Eimza Test Reader 00 00').length, 1);
    });

    // pcscd 1.9.9 cannot add a serial (vpcd) reader to a running daemon (its SIGUSR1
    // recheck is cancelled when reader.conf.d changed), so "plugged in later" is played
    // as on a Linux PC where pcscd starts only when a reader appears: the agent is
    // already watching when the service and its new reader come up. Runs last: it
    // swaps the reader for the rest of the file.
    it('sees a reader plugged in after it started watching', async () => {
      await pcscd.stopDaemon();
      monitor = new PcscMonitor({ retryInitialMs: 100, retryMaxMs: 300 });
      const events = record(monitor);
      monitor.start();
      await eventually(() => has(events, 'service-down'), 'service-down while no pcscd', 3000);
      assert.deepEqual(monitor.readers(), []);
      const laterPort = await pcscd.setVpcdReader('Later Reader');
      port = laterPort;
      await pcscd.startDaemon();
      await eventually(() => has(events, 'reader-added', 'Later Reader 00 00'), 'Later Reader added', 8000);
      await newCard(AKIS_V1_ATR, laterPort).insert();
      assert.ok(!has(events, 'reader-added', 'Eimza Test Reader 00 00'));
      await eventually(() => has(events, 'card-inserted', 'Later Reader 00 00'), `card in Later Reader: ${show(events)}`, 5000);
    });
  });

  const waitForNoCards = (): Promise<void> =>
    waitForReaders((readers) => readers.every((r) => !r.cardPresent), 'no card in any reader');

  async function waitForCard(name: string, present: boolean): Promise<void> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const reader = (await readReadersOnce()).find((r) => r.name === name);
      if (reader?.cardPresent === present) return;
      if (Date.now() > deadline) throw new Error(`card in ${name} never became present=${present}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});
