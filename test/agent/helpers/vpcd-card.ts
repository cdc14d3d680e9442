import { Socket, connect } from 'node:net';

/**
 * A virtual smart card for the vsmartcard `vpcd` reader driver, written for the tests.
 * vpcd listens on TCP; a card "is inserted" while a client is connected to it.
 * Wire format both ways: 2-byte big-endian length, then the bytes. From vpcd, a 1-byte
 * message is a control (0x00 power off, 0x01 power on, 0x02 reset, 0x04 get ATR: we
 * answer with the ATR); anything longer is a command APDU, which we log and refuse
 * with 6D 00. The log lets tests prove the agent sends no APDU at all (so no VERIFY).
 */
export class VirtualCard {
  /** Every APDU the card received, in order. */
  readonly apdus: Buffer[] = [];
  /** Every control byte received (power on/off/reset/ATR). */
  readonly controls: number[] = [];
  private socket: Socket | null = null;
  private pending = Buffer.alloc(0);

  constructor(
    readonly port: number,
    readonly atr: Buffer,
    readonly host = '127.0.0.1',
  ) {}

  static fromHex(port: number, atrHex: string): VirtualCard {
    return new VirtualCard(port, Buffer.from(atrHex.replace(/\s+/g, ''), 'hex'));
  }

  get inserted(): boolean {
    return this.socket !== null;
  }

  /** Connects to vpcd (= puts the card in the reader). Retries while vpcd is not listening yet. */
  async insert(timeoutMs = 5000): Promise<void> {
    if (this.socket) return;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        this.socket = await this.connectOnce();
        return;
      } catch (err) {
        if (Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  /** Closes the connection (= pulls the card out). */
  remove(): void {
    const socket = this.socket;
    this.socket = null;
    this.pending = Buffer.alloc(0);
    socket?.destroy();
  }

  private connectOnce(): Promise<Socket> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port: this.port, host: this.host });
      socket.once('connect', () => {
        socket.off('error', reject);
        socket.on('error', () => undefined);
        socket.on('data', (chunk) => this.onData(socket, chunk));
        socket.on('close', () => {
          if (this.socket === socket) this.socket = null;
        });
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }

  private onData(socket: Socket, chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 2) {
      const length = this.pending.readUInt16BE(0);
      if (this.pending.length < 2 + length) return;
      const message = this.pending.subarray(2, 2 + length);
      this.pending = this.pending.subarray(2 + length);
      this.handle(socket, Buffer.from(message));
    }
  }

  private handle(socket: Socket, message: Buffer): void {
    if (message.length === 1) {
      this.controls.push(message[0]);
      if (message[0] === 0x04) this.send(socket, this.atr);
      return;
    }
    this.apdus.push(message);
    this.send(socket, Buffer.from([0x6d, 0x00]));
  }

  private send(socket: Socket, data: Buffer): void {
    const header = Buffer.alloc(2);
    header.writeUInt16BE(data.length, 0);
    socket.write(Buffer.concat([header, data]));
  }
}
