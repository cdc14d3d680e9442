import { plugins, type Request, type Response, type Server } from 'restify';
import { PAIR_PATH, UNPAIR_PATH } from '../../paired-agent/protocol';
import type { Logger } from '../logger';
import type { CardAgentService, HttpAnswer } from './cardAgentService';

/** The agent's two HTTP calls (PROTOCOL.md §1 and §5) on the bot's restify server. */
export class AgentHttpRoutes {
  constructor(private readonly service: CardAgentService, private readonly log: Logger) {}

  register(server: Server): void {
    const jsonBody = plugins.bodyParser({ mapParams: false, maxBodySize: 16 * 1024 });
    server.post(PAIR_PATH, jsonBody, async (req: Request, res: Response) => this.answer(res, () => this.service.pair(req.body, req.socket.remoteAddress ?? 'unknown')));
    server.post(UNPAIR_PATH, jsonBody, async (req: Request, res: Response) => this.answer(res, () => this.service.unpairFromAgent(req.body)));
  }

  private async answer(res: Response, run: () => Promise<HttpAnswer>): Promise<void> {
    try {
      const { status, body, retryAfterSeconds } = await run();
      if (retryAfterSeconds) res.setHeader('retry-after', String(retryAfterSeconds));
      if (body) res.send(status, body);
      else res.send(status);
    } catch (error) {
      this.log.error({ err: { message: (error as Error).message } }, 'agent link: request failed');
      res.send(503, { error: 'unavailable' });
    }
  }
}
