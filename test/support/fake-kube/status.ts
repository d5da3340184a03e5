/**
 * `metav1.Status` failure bodies, worded as kube-apiserver words them, so that clients which
 * read `reason`/`message` (client-node's `ApiException.body`, kubectl's error line) see the real thing.
 */

/** A failure answer: HTTP status, `Status` body and extra headers. */
export interface Failure {
  code: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

function failure(code: number, reason: string, message: string, details?: Record<string, unknown>, metadata: Record<string, unknown> = {}): Failure {
  const body: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata, status: 'Failure', message, reason };
  if (details) body.details = details;
  body.code = code;
  return { code, body };
}

/** Fields of `details` that name what was asked for: `{ name?, group?, kind: <plural> }`. */
function describe(resource: string, group: string, name?: string): Record<string, unknown> {
  return { ...(name ? { name } : {}), ...(group ? { group } : {}), kind: resource };
}

export const statuses = {
  unauthorized: () => failure(401, 'Unauthorized', 'Unauthorized'),

  /** Same wording as the RBAC authorizer, e.g. `services is forbidden: User "x" cannot list resource "services" in API group "" at the cluster scope`. */
  forbidden(user: string, verb: string, resource: string, group: string, namespace?: string, name?: string) {
    const subject = name ? `${resource}${group ? '.' + group : ''} "${name}"` : `${resource}${group ? '.' + group : ''}`;
    const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
    return failure(403, 'Forbidden',
      `${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}" ${scope}`,
      describe(resource, group, name));
  },

  /** What the server says for a path no installed API group or resource handles. */
  pathNotFound: () => failure(404, 'NotFound', 'the server could not find the requested resource', {}),

  objectNotFound: (resource: string, group: string, name: string) =>
    failure(404, 'NotFound', `${resource}${group ? '.' + group : ''} "${name}" not found`, describe(resource, group, name)),

  methodNotAllowed: (message = 'the server does not allow this method on the requested resource') =>
    failure(405, 'MethodNotAllowed', message, {}),

  badContinue: (why: string) => failure(400, 'BadRequest', `continue key is not valid: ${why}`),

  /**
   * 410 for a continue token older than the last compaction. Like the real server it carries an
   * "inconsistent" continue token (rv -1), which clients that want a consistent list must ignore.
   */
  expired: (inconsistentContinue?: string) => failure(410, 'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
    undefined, inconsistentContinue ? { continue: inconsistentContinue } : {}),

  /** Injected 429/5xx, with the headers the real server (API Priority and Fairness, proxies) sends. */
  injected(code: number, retryAfterSeconds: number): Failure {
    const retry = { 'retry-after': String(retryAfterSeconds) };
    switch (code) {
      case 429: return { ...failure(429, 'TooManyRequests', 'Too many requests, please try again later.', { retryAfterSeconds }), headers: retry };
      case 503: return { ...failure(503, 'ServiceUnavailable', 'the server is currently unable to handle the request', { retryAfterSeconds }), headers: retry };
      case 504: return failure(504, 'Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request', {});
      case 502: return failure(502, 'InternalError', 'Internal error occurred: error trying to reach service: bad gateway', {});
      default: return failure(code, 'InternalError', 'Internal error occurred: etcdserver: request timed out', { causes: [{ message: 'etcdserver: request timed out' }] });
    }
  },
};
