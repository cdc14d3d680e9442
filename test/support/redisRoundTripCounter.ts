import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of Redis that counts round trips: each time a client starts writing again
 * after Redis has answered counts one (a pipeline of many commands is one). Point the bot's
 * REDIS_URL at `url` to see how many round trips a turn costs.
 */
export class RedisRoundTripCounter {
  roundTrips = 0;
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly redisPort: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((client) => this.pipe(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private pipe(client: Socket): void {
    const redis = connect(this.redisPort, '127.0.0.1');
    let clientSpeaking = false;
    for (const socket of [client, redis]) {
      this.sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => { client.destroy(); redis.destroy(); });
    }
    client.on('data', (chunk) => {
      if (!clientSpeaking) this.roundTrips++;
      clientSpeaking = true;
      redis.write(chunk);
    });
    redis.on('data', (chunk) => {
      clientSpeaking = false;
      client.write(chunk);
    });
  }
}
