import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../paired-agent/cli';
import { loadConfig, type AgentConfig } from '../../paired-agent/config';
import { AgentLink } from '../../paired-agent/link';
import { loadDevice, type PairedDevice } from '../../paired-agent/pairing';
import { PcscMonitor, type ReaderSnapshot } from '../../paired-agent/pcsc';
import { CARD_REPORT_SCHEMA, type CardReport } from '../../paired-agent/report';
import { pinStateFromFlags } from '../../paired-agent/pin-state';

/** A T.C. number used only in fixtures: the tests look for its digits everywhere the bot writes. */
export const FIXTURE_TCKN = '10000000146';
export const READER = 'ACS ACR39U ICC Reader 00 00';
const AKIS_V1_ATR = '3BBA11008131FE4D55454B41452056312E30AE';

/** A card report as the agent sends it (`status --json`), with a Kamu SM signing certificate. */
export function fixtureReport(cert: { notBefore: string; notAfter: string; serial?: string; flags?: number; holder?: string }): CardReport {
  const pin = pinStateFromFlags(cert.flags ?? 0);
  return {
    schema: CARD_REPORT_SCHEMA, readAt: new Date().toISOString(), agentVersion: '0.1.0', lang: 'tr',
    reader: READER, readers: [READER], cardPresent: true, atr: AKIS_V1_ATR,
    atrClassification: { verdict: 'akis', label: 'AKIS v1.0', rule: 'known-atr' }, isEsignCard: true,
    token: { label: 'AKIS_11AA22BB33CC44DD', serialNumber: '11AA22BB33CC44DD', manufacturer: 'TUBITAK UEKAE', model: 'AKIS', flags: cert.flags ?? 0, slotDescription: READER },
    certificate: {
      holderName: cert.holder ?? 'Ayşe Yılmaz', tcknMasked: `${FIXTURE_TCKN[0]}*******${FIXTURE_TCKN.slice(-2)}`, tcknHash: 'ab'.repeat(32), tcknHashScope: 'server', tcknValid: true,
      issuer: 'Kamu Elektronik Sertifika Hizmet Sağlayıcısı - Sürüm 6', issuerDn: 'CN=Kamu Elektronik Sertifika Hizmet Sağlayıcısı - Sürüm 6, O=TÜBİTAK, C=TR',
      isKamuSm: true, serialNumber: cert.serial ?? '5A1B2C3D', notBefore: cert.notBefore, notAfter: cert.notAfter,
      sha256: 'cd'.repeat(32), keyUsage: ['nonRepudiation'], tokenObjectLabel: 'imza',
    } as CardReport['certificate'],
    otherCertificateCount: 1,
    pin: { state: pin.state, advice: pin.advice, flags: pin.flags },
    problems: [], pkcs11Library: '/usr/lib/libakisp11.so',
  };
}

/** PC/SC events on demand (the real monitor is tested in test/agent with pcscd and vpcd). */
export class ScriptedMonitor extends PcscMonitor {
  current: ReaderSnapshot[] = [];
  override start(): void {}
  override close(): void {}
  override readers(): ReaderSnapshot[] {
    return this.current;
  }
  insert(): void {
    const reader: ReaderSnapshot = { name: READER, cardPresent: true, atr: AKIS_V1_ATR, classification: { verdict: 'akis', label: 'AKIS v1.0', rule: 'known-atr' } };
    this.current = [reader];
    this.emit('card-inserted', reader);
  }
  remove(): void {
    const reader: ReaderSnapshot = { name: READER, cardPresent: false, atr: null, classification: null };
    this.current = [reader];
    this.emit('card-removed', reader);
  }
}

/** The real agent (paired-agent/) in its own config folder: `pair` through the CLI, `run` as an AgentLink. */
export class TestAgent {
  readonly home = mkdtempSync(join(tmpdir(), 'eimza-agentlink-'));
  readonly config: AgentConfig = { ...loadConfig({ XDG_CONFIG_HOME: this.home }), lang: 'tr' };
  readonly monitor = new ScriptedMonitor();
  readonly output: string[] = [];
  report: CardReport | (() => Promise<CardReport>) = fixtureReport({ notBefore: '2024-01-10T00:00:00Z', notAfter: '2027-01-05T20:59:59Z' });
  probes = 0;
  link: AgentLink | null = null;

  /** `eimza-agent pair <code> --server <url>`; returns the exit code. */
  async pair(code: string, server: string): Promise<number> {
    const io = { out: (text: string) => this.output.push(text), err: (text: string) => this.output.push(text) };
    return main(['pair', code, '--server', server, '--device-name', 'PC-42'], io, this.config);
  }

  get device(): PairedDevice {
    const device = loadDevice(this.config);
    if (!device) throw new Error('not paired');
    return device;
  }

  /** `eimza-agent run`, until welcomed. */
  async run(): Promise<AgentLink> {
    const link = new AgentLink({
      device: this.device, monitor: this.monitor, backoffInitialMs: 100, backoffMaxMs: 400,
      readReport: async () => {
        this.probes++;
        return typeof this.report === 'function' ? await this.report() : this.report;
      },
    });
    this.link = link;
    const welcomed = new Promise<void>((resolve) => link.once('welcome', () => resolve()));
    link.start();
    await welcomed;
    return link;
  }

  async close(): Promise<void> {
    await this.link?.close();
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** The code and server of the pairing card's command. */
export function commandOf(text: string): { code: string; server: string } {
  const match = /eimza-agent pair (\S+) --server (\S+)/.exec(text);
  if (!match) throw new Error(`no pairing command in:\n${text}`);
  return { code: match[1], server: match[2] };
}
