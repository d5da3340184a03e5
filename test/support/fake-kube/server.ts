/**
 * `startFakeKube`: an HTTPS server on 127.0.0.1 that answers read-only requests like
 * kube-apiserver. Request flow: log → authenticate → injected faults → route → RBAC → answer.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate } from './auth.ts';
import { AGGREGATED_CONTENT_TYPE, buildAggregatedDiscovery, wantsAggregated } from './discovery-aggregated.ts';
import { buildDiscovery } from './discovery.ts';
import { FaultInjector } from './faults.ts';
import { writeKubeconfig, type KubeconfigOptions } from './kubeconfig.ts';
import { makeAuthorizer } from './rbac.ts';
import { respond, wantsMetadataOnly, type Answer, type RespondContext } from './respond.ts';
import { resolveRoute } from './routes.ts';
import { statuses } from './status.ts';
import { buildStore, type Store } from './store.ts';
import { loadPki } from './tls.ts';
import type { FakeClusterSpec, FakeKubeOptions, FaultRule, ForbidRule, RequestLogEntry } from './types.ts';
import { Waits } from './waits.ts';

/** A running fake API server. Always `close()` it (e.g. in `afterAll`). */
export interface FakeKube {
  /** `https://127.0.0.1:<port>` */
  url: string;
  caPem: string;
  /** Bearer token the server accepts (when token auth is on). */
  token: string;
  /** User name the token authenticates as, e.g. `system:serviceaccount:lifeboat:facts`. */
  tokenUser: string;
  clientCertPem: string;
  clientKeyPem: string;
  /** User name of the client certificate (its CN). */
  clientUser: string;
  /** Every request so far, in arrival order (live array; `requests.length = 0` clears it). */
  requests: RequestLogEntry[];
  /** Replaces the injected faults (`[]` removes them). */
  setFaults(rules: FaultRule[]): void;
  /** Replaces the RBAC denials. */
  setForbidden(rules: ForbidRule[]): void;
  /** Expires every continue token issued so far (as an etcd compaction does); new lists get a new resourceVersion. */
  compact(): void;
  /** Replaces the cluster's contents; outstanding continue tokens expire. */
  setCluster(spec: FakeClusterSpec): void;
  /** Writes a kubeconfig for this server; default one context `fake` with token auth. */
  writeKubeconfig(path: string, options?: KubeconfigOptions): Promise<void>;
  close(): Promise<void>;
}

/** Starts a fake API server for `cluster`. Throws if the cluster holds objects no served resource can hold. */
export async function startFakeKube(cluster: FakeClusterSpec, options: FakeKubeOptions = {}): Promise<FakeKube> {
  const pki = await loadPki();
  const auth = { acceptToken: options.auth?.token ?? true, acceptCert: options.auth?.clientCert ?? true,
    token: options.token ?? randomBytes(24).toString('base64url'), tokenUser: options.tokenUser ?? 'system:serviceaccount:lifeboat:facts' };
  let store: Store = buildStore(cluster, 1000);
  // Keep only the version: holding on to `cluster` would keep every input object alive next to its admitted copy.
  let gitVersion = cluster.version ?? 'v1.31.4';
  let discovery = new Map<string, unknown>();
  let aggregated = new Map<string, string>();
  let compactedRv = 0;
  let isForbidden = makeAuthorizer(options.forbid ?? []);
  const faults = new FaultInjector();
  faults.set(options.faults ?? []);
  const requests: RequestLogEntry[] = [];
  const waits = new Waits();

  const server = createServer({ key: pki.serverKeyPem, cert: pki.serverCertPem, ca: pki.caPem, requestCert: true, rejectUnauthorized: false },
    (req, res) => void handle(req, res));

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'https://fake-kube');
    const method = req.method ?? 'GET';
    const who = authenticate(req, auth);
    const entry: RequestLogEntry = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), auth: who.auth,
      ...(who.user ? { user: who.user } : {}), status: 0, ...(req.headers.accept ? { accept: req.headers.accept } : {}) };
    requests.push(entry);
    const send = (answer: Answer) => {
      if (res.destroyed) return;
      entry.status = answer.code;
      res.writeHead(answer.code, { 'content-type': 'application/json', 'cache-control': 'no-cache, private', 'audit-id': randomUUID(),
        'content-length': Buffer.byteLength(answer.body), ...answer.headers });
      res.end(method === 'HEAD' ? undefined : answer.body);
    };
    const fail = (f: { code: number; body: unknown; headers?: Record<string, string> }) => send({ code: f.code, body: JSON.stringify(f.body), headers: f.headers });
    if (!who.user) return fail(statuses.unauthorized());

    const decision = faults.decide(url.pathname, url.searchParams.has('continue'));
    if (decision.label) entry.fault = decision.label;
    if (decision.latencyMs && !(await waits.delay(decision.latencyMs, res))) return;
    const effect = decision.effect;
    if (effect?.hang) return waits.hang(res, effect.hangMs ?? 30_000);
    if (effect?.status) return fail(statuses.injected(effect.status, effect.retryAfterSeconds ?? 1));
    if (effect?.expireContinue) return fail(statuses.expired());
    if (method !== 'GET' && method !== 'HEAD') return fail(statuses.methodNotAllowed());
    if (['1', 'true'].includes(url.searchParams.get('watch') ?? '')) return fail(statuses.methodNotAllowed('watch is not supported by the fake API server'));

    const v2 = options.aggregatedDiscovery && wantsAggregated(req.headers.accept) ? aggregated.get(url.pathname) : undefined;
    if (v2) return send({ code: 200, body: v2, headers: { 'content-type': AGGREGATED_CONTENT_TYPE } });
    const ctx: RespondContext = { store, discovery, gitVersion, user: who.user, isForbidden, maxPageSize: options.maxPageSize, compactedRv,
      metadataOnly: wantsMetadataOnly(req.headers.accept) };
    const answer = respond(resolveRoute(url.pathname, store.defs, discovery), url.pathname, url.searchParams, ctx);
    // A body cut in half: what a client sees when a proxy or the connection drops mid-response.
    if (effect?.malformedJson) answer.body = answer.body.slice(0, Math.max(1, Math.floor(answer.body.length / 2)));
    send(answer);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const address = `127.0.0.1:${port}`;
  const rebuildDiscovery = () => {
    discovery = buildDiscovery(store.defs, address);
    if (options.aggregatedDiscovery) aggregated = buildAggregatedDiscovery(store.defs);
  };
  rebuildDiscovery();

  const fake: FakeKube = {
    url: `https://${address}`,
    caPem: pki.caPem, token: auth.token, tokenUser: auth.tokenUser,
    clientCertPem: pki.clientCertPem, clientKeyPem: pki.clientKeyPem, clientUser: pki.clientUser,
    requests,
    setFaults: (rules) => faults.set(rules),
    setForbidden: (rules) => { isForbidden = makeAuthorizer(rules); },
    compact() {
      compactedRv = store.resourceVersion;
      store.resourceVersion++;
    },
    setCluster(spec) {
      gitVersion = spec.version ?? 'v1.31.4';
      compactedRv = store.resourceVersion;
      store = buildStore(spec, store.resourceVersion + 1);
      rebuildDiscovery();
    },
    writeKubeconfig: (path, kubeconfig = { contexts: [{ name: 'fake' }] }) => writeKubeconfig(path, kubeconfig, fake),
    async close() {
      waits.cancelAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
  return fake;
}
