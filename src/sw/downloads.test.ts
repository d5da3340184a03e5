import { describe, expect, it } from 'vitest';
import { downloadEntries, precacheEntries } from '../build/service-worker.ts';
import { isDownload, notSavedResponse, readUpTo } from './downloads.ts';

const hash = { sha256: '00'.repeat(32), bytes: 1 };

describe('what is a download', () => {
  it('is the single-file edition and any PDF, under any base path, and no page of the site', () => {
    expect(['/lifeboat-offline.html', '/docs/lifeboat-offline.html', '/binder.pdf', '/pdf/dns-failover.pdf', '/x/BINDER.PDF'].filter(isDownload)).toHaveLength(5);
    expect(['/', '/runbooks/dns-failover/', '/runbooks/pdf/index.html', '/offline.html', '/sw.js'].filter(isDownload)).toEqual([]);
  });

  it('is left out of the precache, and the edition’s hash goes to the worker to check what it keeps', () => {
    const files = { '/index.html': hash, '/lifeboat-offline.html': hash, '/binder.pdf': hash, '/pdf/a.pdf': hash };
    expect(precacheEntries(files).map(([url]) => url)).toEqual(['/index.html']);
    expect(downloadEntries(files)).toEqual([
      ['/lifeboat-offline.html', Buffer.alloc(32).toString('base64')],
      ['/binder.pdf', Buffer.alloc(32).toString('base64')],
      ['/pdf/a.pdf', Buffer.alloc(32).toString('base64')],
    ]);
  });
});

describe('readUpTo', () => {
  const stream = (sizes: number[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const size of sizes) controller.enqueue(new Uint8Array(size).fill(1));
        controller.close();
      },
    });

  it('reads a whole answer no larger than the limit, even without a Content-Length', async () => {
    const body = await readUpTo(new Response(stream([3, 4])), 7);
    expect(body?.size).toBe(7);
  });

  it('keeps nothing larger than the limit, nothing partial and nothing failed', async () => {
    expect(await readUpTo(new Response(stream([4, 4])), 7)).toBeUndefined();
    expect(await readUpTo(new Response('x', { headers: { 'content-length': '8' } }), 7)).toBeUndefined();
    expect(await readUpTo(new Response('x', { status: 206 }), 7)).toBeUndefined();
    expect(await readUpTo(new Response('x', { status: 404 }), 7)).toBeUndefined();
  });
});

describe('notSavedResponse', () => {
  it('names the file, escaped, links home, and is never taken for the file itself', async () => {
    const response = notSavedResponse(new URL('https://runbooks.example/pdf/%3Cb%3Ex.pdf'), 'https://runbooks.example/');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<h1>Not available offline</h1>');
    expect(html).toContain('<strong>&#60;b&#62;x.pdf</strong> is a download, and this browser has not saved it');
    expect(html).toContain('<a href="https://runbooks.example/">the runbooks</a>');
  });
});
