/** Public types of the fake Kubernetes API server. */

/** Any Kubernetes object, as parsed from YAML/JSON or made by the builders. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string | null;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

/** What the fake cluster contains. */
export interface FakeClusterSpec {
  /** `gitVersion` reported by `GET /version`. Default `v1.31.4`. */
  version?: string;
  /**
   * Every object in the cluster. CustomResourceDefinitions among them make their group and
   * resources served; a custom object whose CRD is missing makes `startFakeKube` throw.
   * Missing `uid`, `resourceVersion` and `creationTimestamp` are filled in, as the API server does.
   */
  objects: KubeObject[];
  /**
   * Built-in groups this cluster does not serve (404 and absent from `/apis`), e.g.
   * `['scheduling.k8s.io']`. CRD groups are served exactly when their CRDs are in `objects`.
   */
  unservedGroups?: string[];
}

/** Which credentials the server accepts. Both are accepted unless set to false. */
export interface FakeKubeAuth {
  /** Accept `Authorization: Bearer <token>` with the server's token. */
  token?: boolean;
  /** Accept a TLS client certificate signed by the fake CA. */
  clientCert?: boolean;
}

/**
 * An RBAC denial: `'services'` or `'backups.velero.io'` (resource.group, as in a Role) denies
 * every list and get of that resource; the object form can narrow it to one namespace, or
 * with `namespace: ''` to cluster-scope requests only (a namespaced Role, no ClusterRole).
 */
export type ForbidRule = string | { resource: string; namespace?: string };

/**
 * One injected fault. A rule matches requests whose path equals `path` (or matches it, for a
 * RegExp; no `path` means every request) and fires at most `times` times (default: always).
 * It applies `latencyMs` first, then at most one effect: `status`, `malformedJson`, `hang` or
 * `expireContinue`. Without an effect, the rule only adds latency.
 */
export interface FaultRule {
  path?: string | RegExp;
  times?: number;
  latencyMs?: number;
  /** Answer with this HTTP status and a matching `Status` body (429 adds `Retry-After`). */
  status?: 429 | 500 | 502 | 503 | 504;
  /** Seconds for the `Retry-After` header of a 429 or 503. Default 1. */
  retryAfterSeconds?: number;
  /** Answer 200 with a truncated JSON body and `Content-Type: application/json`. */
  malformedJson?: boolean;
  /** Never answer; the socket is destroyed after `hangMs` (default 30 s) or when the server closes. */
  hang?: boolean;
  hangMs?: number;
  /** Only requests that carry a `continue` token match; they get 410 Expired. */
  expireContinue?: boolean;
}

/** Options of `startFakeKube`. */
export interface FakeKubeOptions {
  auth?: FakeKubeAuth;
  /** Bearer token the server accepts. Default: random per server. */
  token?: string;
  /** User name that the token authenticates as; it appears in 403 messages. */
  tokenUser?: string;
  forbid?: ForbidRule[];
  faults?: FaultRule[];
  /**
   * Server-side cap on page size: a request with no `limit` or a larger one gets at most this
   * many items plus a `continue` token. The real API server has no such cap; use it to force
   * pagination on clients that do not ask for it.
   */
  maxPageSize?: number;
  /**
   * Answer aggregated discovery (`apidiscovery.k8s.io/v2`) when the client asks for it, as
   * Kubernetes ≥ 1.30 does. Default false: legacy documents only, and kubectl falls back to
   * one request per group version.
   */
  aggregatedDiscovery?: boolean;
}

/** How a request authenticated. `invalid` means credentials were sent and rejected. */
export type RequestAuth = 'token' | 'cert' | 'none' | 'invalid';

/** One request as the server saw it, recorded when it arrived and completed when answered. */
export interface RequestLogEntry {
  method: string;
  /** Path without the query string, e.g. `/api/v1/namespaces/default/services`. */
  path: string;
  query: Record<string, string>;
  auth: RequestAuth;
  /** User name for `token`/`cert` requests. */
  user?: string;
  /** HTTP status sent, or 0 while unanswered (and forever for a hung request). */
  status: number;
  /** Which fault fired, e.g. `status:503`, `latency`, `hang`, `malformedJson`, `expireContinue`. */
  fault?: string;
  accept?: string;
}
