/**
 * An HTTP proxy in front of the local S3 server that sees every request a deploy makes: it counts
 * and records them (method and key), and a test hook can fail one with a 503, or cut it, to kill
 * the deploy at an exact point. Nothing in Lifeboat knows it is there.
 *
 * A request is passed on only once its body has fully arrived, as S3 stores an object only when
 * all of it was received: a client killed mid-upload leaves nothing half-written behind.
 */
import { request as httpRequest, createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  /** 1-based position among all requests through the proxy. */
  n: number;
  method: string;
  /** Bucket and key, decoded, without the query: `site/runbooks/x/index.html`. */
  path: string;
}

/**
 * - `forward`: pass it on;
 * - `fail`: answer 503 SlowDown without passing it on (a retry should follow);
 * - `drop`: pass nothing on and cut the connection (the client dies before S3 sees it);
 * - `forward-then-drop`: let S3 carry it out, then cut the connection before the client hears back;
 * - `deny`: answer 403 SignatureDoesNotMatch with an error message that quotes the request's
 *   Authorization header (access key id included), as a careless provider might.
 */
export type ProxyAction = 'forward' | 'fail' | 'drop' | 'forward-then-drop' | 'deny';

export interface S3Proxy {
  endpoint: string;
  requests: ProxiedRequest[];
  /** Resolves once no passed-on request is still waiting for S3. */
  idle(): Promise<void>;
  /** Requests that changed the bucket and reached it (PUT, DELETE, POST). */
  writes(): ProxiedRequest[];
  close(): Promise<void>;
}

export interface ProxyHooks {
  /** Decides what happens to each request (default: forward). */
  action?: (request: ProxiedRequest) => ProxyAction;
  /** Called when the proxy has cut a connection, i.e. the moment to kill the client. */
  onCut?: (request: ProxiedRequest) => void;
}

export async function startS3Proxy(upstream: string, hooks: ProxyHooks = {}): Promise<S3Proxy> {
  const target = new URL(upstream);
  const requests: ProxiedRequest[] = [];
  const forwarded = new Set<ProxiedRequest>();
  let pending = 0;
  const waiters: (() => void)[] = [];
  const settle = () => {
    if (--pending === 0) for (const resolve of waiters.splice(0)) resolve();
  };
  const server = createServer(async (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of req) chunks.push(chunk as Buffer);
    } catch {
      return; // the client went away mid-body: nothing reaches S3
    }
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\//, '');
    const entry: ProxiedRequest = { n: requests.length + 1, method: req.method ?? 'GET', path };
    requests.push(entry);
    const action = hooks.action?.(entry) ?? 'forward';
    if (action === 'drop') {
      req.socket.destroy();
      hooks.onCut?.(entry);
      return;
    }
    if (action === 'deny') {
      const message = `The request signature we calculated does not match the signature you provided. Authorization: ${req.headers.authorization}`;
      res.writeHead(403, { 'content-type': 'application/xml' }).end(`<?xml version="1.0"?><Error><Code>SignatureDoesNotMatch</Code><Message>${message}</Message></Error>`);
      return;
    }
    if (action === 'fail') {
      res.writeHead(503, { 'content-type': 'application/xml' }).end('<?xml version="1.0"?><Error><Code>SlowDown</Code><Message>Injected by the test proxy</Message></Error>');
      return;
    }
    forwarded.add(entry);
    pending++;
    const upstreamReq = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (upstreamRes) => {
        upstreamRes.on('end', settle);
        if (action === 'forward-then-drop') {
          upstreamRes.resume();
          upstreamRes.on('end', () => {
            req.socket.destroy();
            hooks.onCut?.(entry);
          });
          return;
        }
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstreamReq.on('error', () => {
      settle();
      res.destroy();
    });
    upstreamReq.end(Buffer.concat(chunks));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    writes: () => requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD' && forwarded.has(r)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
