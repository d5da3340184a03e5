/**
 * The one place that reads kubeconfig and talks to an API server.
 *
 * `@kubernetes/client-node` does everything a kubeconfig can ask for — tokens, client
 * certificates, exec and auth-provider plugins, in-cluster service accounts, proxies, custom CAs —
 * and hands back request headers plus an undici dispatcher. The GETs themselves go through the
 * same undici `fetch` client-node uses, returning raw JSON: client-node's typed list calls turn
 * every CustomResourceDefinition's whole OpenAPI schema into model objects, which is where most
 * of the time and memory went (see the facts benchmark), and the collector keeps a dozen fields.
 *
 * Nothing from the kubeconfig (tokens, keys, certificates) ever leaves this file: callers get a
 * `get(path)` function, the context name and the server's host.
 */
import { HttpMethod, KubeConfig, RequestContext } from '@kubernetes/client-node';
import { Agent, fetch, type Dispatcher } from 'undici';
import { redactUrl } from '../util/redact-url.ts';

export interface KubeResponse {
  status: number;
  /** Seconds from a `Retry-After` header, when the server sent one. */
  retryAfter?: number;
  body: string;
}

export interface KubeClient {
  context: string;
  /** `host:port` of the API server. */
  server: string;
  /**
   * GET an API path (with query) and read the whole body; throws on network errors and timeouts.
   * `accept` replaces the default `application/json`, to ask for metadata-only lists or
   * aggregated discovery.
   */
  get(path: string, timeoutMs: number, accept?: string): Promise<KubeResponse>;
  /** Aborts requests in flight and closes connections, including ones still connecting. */
  close(): Promise<void>;
}

/** What a request in flight, or a later one, rejects with once the client is closed: never retried. */
export class ClientClosedError extends Error {}

/** Thrown when the kubeconfig cannot be used: missing file, unknown context. A usage error. */
export class KubeconfigError extends Error {}

/**
 * Loads kubeconfig the way kubectl does: `file` if given, else `$KUBECONFIG`, else
 * `~/.kube/config`, else the in-cluster service account (context `inClusterContext`).
 */
export function loadKubeConfig(file?: string): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (file) kc.loadFromFile(file);
    else kc.loadFromDefault();
  } catch (error) {
    // The parser's first line only: the lines after it quote the file, tokens and passwords included.
    throw new KubeconfigError(`cannot read kubeconfig${file ? ` "${file}"` : ''}: ${redactUrl((error as Error).message.split('\n')[0]!)}`);
  }
  return kc;
}

/** Contexts a kubeconfig offers, for hints. */
export const contextNames = (kc: KubeConfig) => kc.getContexts().map((c) => c.name);

/** A client bound to one context. Authentication is resolved once, up front. */
export async function openKubeClient(kc: KubeConfig, context: string): Promise<KubeClient> {
  if (!kc.getContextObject(context)) throw new KubeconfigError(`context "${context}" is not in the kubeconfig`);
  // Work on a copy so concurrent clusters never share "current context" state.
  const own = new KubeConfig();
  own.loadFromOptions({ clusters: kc.getClusters(), users: kc.getUsers(), contexts: kc.getContexts(), currentContext: context });
  const cluster = own.getCurrentCluster();
  if (!cluster) throw new KubeconfigError(`context "${context}" names no cluster`);
  const base = cluster.server.replace(/\/+$/, '');
  const probe = new RequestContext(`${base}/`, HttpMethod.GET);
  await own.applySecurityAuthentication(probe);
  const headers = { ...probe.getHeaders(), Accept: 'application/json' };
  // An own Agent when the kubeconfig needs none, so that close() never touches the global one.
  const dispatcher = (probe.getDispatcher() as Dispatcher | undefined) ?? new Agent();
  const closing = new AbortController();

  return {
    context,
    server: new URL(base).host,
    async get(path, timeoutMs, accept) {
      const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), closing.signal]);
      const request = (async () => {
        const response = await fetch(`${base}${path}`, { headers: accept ? { ...headers, Accept: accept } : headers, dispatcher, signal });
        const retryAfter = Number(response.headers.get('retry-after'));
        return {
          status: response.status,
          ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
          body: await response.text(),
        };
      })();
      // undici notices the signal only between connection steps: against a server that accepts TCP
      // and never completes the TLS handshake, fetch waits for undici's own 10 s connect timeout
      // (client-node gives no way to set it), so five attempts took 54 s whatever --timeout said.
      // The race makes the timeout cover connect, handshake, headers and body; close() then drops
      // the socket that is still connecting.
      request.catch(() => {});
      return Promise.race([request, aborted(signal)]);
    },
    async close() {
      closing.abort(new ClientClosedError('the collection was stopped'));
      await dispatcher.destroy().catch(() => {});
    },
  };
}

/** Rejects with the signal's reason once it aborts. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
