/**
 * A tiny static file server for tests: serves a built site on 127.0.0.1 with a random port,
 * with the content types a browser needs, `/dir/` → `/dir/index.html`, and 404.html for misses.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';
import { contentTypeOf } from '../../src/deploy/file-kinds.ts';

export interface StaticServer {
  url: string;
  /** Serves another folder from now on, as a deploy behind the same origin does. */
  setRoot(dir: string): void;
  close(): Promise<void>;
}

/** Serves `root`; `headers` are added to every answer (e.g. a Content-Security-Policy under test). */
export async function serveStatic(initialRoot: string, headers: Record<string, string> = {}): Promise<StaticServer> {
  let root = initialRoot;
  const server: Server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, pathname));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': contentTypeOf(file) }).end(body);
    } catch {
      const notFound = await readFile(join(root, '404.html')).catch(() => Buffer.from('not found'));
      res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(notFound);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setRoot: (dir) => {
      root = dir;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
