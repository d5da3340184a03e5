/**
 * Removes `user:password@` from every URL in a text so it can be printed or stored. Used by
 * deploy and verify, and by the facts collector, whose kubeconfig `server:` may carry a password
 * that Node's own error messages quote back.
 */
export function redactUrl(text: string): string {
  // Up to the last "@" before the host: a password may hold an unencoded "@" and the URL parser
  // still splits at the last one.
  return text.replace(/(\/\/)[^/?#\s]*@/g, '$1***@');
}
