/**
 * Helpers for the fake server's own tests: a client-node KubeConfig for a server, a raw HTTPS
 * GET, and a way to catch an expected rejection.
 */
import { request } from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import { renderKubeconfig, type FakeKube, type KubeconfigUser } from './index.ts';

/** A client-node KubeConfig for `fake`, authenticating as `user` (default: the server's token). */
export function clientFor(fake: FakeKube, user: KubeconfigUser = 'token'): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromString(renderKubeconfig({ contexts: [{ name: 'test', user }] }, fake));
  return kc;
}

/** A raw GET through HTTPS with the server's CA, below any client library. */
export function httpsGet(fake: FakeKube, path: string, headers: Record<string, string> = { authorization: `Bearer ${fake.token}` }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request(fake.url + path, { ca: fake.caPem, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject).end();
  });
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
