/**
 * Authentication as kube-apiserver's union authenticator does it: a valid client certificate
 * wins, then a bearer token; anything else is 401 (anonymous auth is off, as on managed clusters).
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { RequestAuth } from './types.ts';

/** Which credentials the server accepts, and the identities they map to. */
export interface AuthConfig {
  acceptToken: boolean;
  acceptCert: boolean;
  token: string;
  tokenUser: string;
}

/** The outcome: how the request authenticated, and as whom (undefined means 401). */
export interface Identity {
  auth: RequestAuth;
  user?: string;
}

export function authenticate(req: IncomingMessage, config: AuthConfig): Identity {
  const socket = req.socket as TLSSocket;
  const header = req.headers.authorization;
  const peer = socket.getPeerCertificate?.();
  const hasCert = Boolean(peer && peer.subject);
  // The server requests but does not require a certificate; Node has already checked the chain
  // against the fake CA, and `authorized` says whether it passed.
  if (hasCert && socket.authorized && config.acceptCert) {
    const cn = peer.subject.CN;
    return { auth: 'cert', user: Array.isArray(cn) ? cn[0] : cn };
  }
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (match && match[1] === config.token && config.acceptToken) return { auth: 'token', user: config.tokenUser };
    return { auth: 'invalid' };
  }
  return { auth: hasCert ? 'invalid' : 'none' };
}
