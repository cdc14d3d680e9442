import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger';
import type { RequestService } from './requestService';

/**
 * GET /forms/<token> (a late request's form, PDF) and GET /exports/<token> (open requests, CSV).
 * The token is random (192 bits) and expires; a wrong or expired one is a bare 404.
 */
export function registerDownloadRoutes(server: Server, service: RequestService, log: Logger): void {
  for (const kind of ['forms', 'exports'] as const) {
    server.get(`/${kind}/:token`, async (req: Request, res: Response) => {
      try {
        const file = await service.download(kind, String(req.params.token ?? ''));
        if (!file) return void res.send(404);
        const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : Buffer.from(file.body);
        res.writeHead(200, {
          'content-type': file.type, 'content-length': body.length, 'cache-control': 'no-store',
          'content-disposition': `attachment; filename="${file.name}"`,
        });
        res.end(body);
      } catch (error) {
        log.error({ err: { message: (error as Error).message } }, 'renewal request download failed');
        res.send(503);
      }
    });
  }
}
