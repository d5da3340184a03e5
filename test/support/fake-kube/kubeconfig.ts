/**
 * Real kubeconfig files for fake servers, readable by `@kubernetes/client-node`
 * (`KubeConfig.loadFromFile`) and by kubectl: inline CA data, and a token, a client certificate
 * or an exec plugin per user. One file can point at several fake servers (e.g. `primary`, `dr`).
 */
import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

/** What a kubeconfig needs from a fake server. */
export interface FakeKubeEndpoint {
  url: string;
  caPem: string;
  token: string;
  clientCertPem: string;
  clientKeyPem: string;
}

/**
 * How a context's user authenticates: the server's `token`, its client `cert`, an `exec`
 * plugin that prints the token (as EKS/GKE plugins do), `none`, or explicit credentials (for
 * a wrong token or an untrusted certificate).
 */
export type KubeconfigUser = 'token' | 'cert' | 'exec' | 'none' | { token: string } | { certPem: string; keyPem: string };

/** One context of the file. */
export interface KubeconfigContext {
  name: string;
  /** Server of this context. Default: the server `writeKubeconfig` was called on. */
  server?: FakeKubeEndpoint;
  /** Overrides the server URL, e.g. a closed port to stand for a cluster that is down. */
  url?: string;
  /** Default `'token'`. */
  user?: KubeconfigUser;
  namespace?: string;
}

/** Contexts to write; `currentContext` defaults to the first one. */
export interface KubeconfigOptions {
  contexts: KubeconfigContext[];
  currentContext?: string;
}

const b64 = (pem: string) => Buffer.from(pem).toString('base64');

function userEntry(user: KubeconfigUser, server: FakeKubeEndpoint): Record<string, unknown> {
  if (user === 'none') return {};
  if (user === 'token') return { token: server.token };
  if (user === 'cert') return { 'client-certificate-data': b64(server.clientCertPem), 'client-key-data': b64(server.clientKeyPem) };
  if (user === 'exec') {
    const credential = { apiVersion: 'client.authentication.k8s.io/v1', kind: 'ExecCredential', status: { token: server.token } };
    return { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'echo', args: [JSON.stringify(credential)], interactiveMode: 'Never', provideClusterInfo: false } };
  }
  if ('token' in user) return { token: user.token };
  return { 'client-certificate-data': b64(user.certPem), 'client-key-data': b64(user.keyPem) };
}

/** Renders the kubeconfig YAML. `defaultServer` serves contexts that name no server. */
export function renderKubeconfig(options: KubeconfigOptions, defaultServer?: FakeKubeEndpoint): string {
  const clusters: unknown[] = [];
  const users: unknown[] = [];
  const contexts: unknown[] = [];
  for (const ctx of options.contexts) {
    const server = ctx.server ?? defaultServer;
    if (!server) throw new Error(`fake-kube: kubeconfig context "${ctx.name}" names no server.`);
    clusters.push({ name: ctx.name, cluster: { server: ctx.url ?? server.url, 'certificate-authority-data': b64(server.caPem) } });
    users.push({ name: ctx.name, user: userEntry(ctx.user ?? 'token', server) });
    contexts.push({ name: ctx.name, context: { cluster: ctx.name, user: ctx.name, ...(ctx.namespace ? { namespace: ctx.namespace } : {}) } });
  }
  const current = options.currentContext ?? options.contexts[0]?.name ?? '';
  return stringify({ apiVersion: 'v1', kind: 'Config', preferences: {}, clusters, users, contexts, 'current-context': current });
}

/** Writes the kubeconfig to `path` with mode 0600, as kubectl does (it holds credentials). */
export async function writeKubeconfig(path: string, options: KubeconfigOptions, defaultServer?: FakeKubeEndpoint): Promise<void> {
  await writeFile(path, renderKubeconfig(options, defaultServer), { mode: 0o600 });
}
