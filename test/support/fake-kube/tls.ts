/**
 * Certificates for the fake API server, made with the `openssl` CLI at test time so that no key
 * material is ever committed. One CA, one server certificate and one client certificate per test
 * process (generation costs ~100 ms; every fake server in the process shares them).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** PEM material shared by every fake server of this process. */
export interface FakeKubePki {
  caPem: string;
  serverCertPem: string;
  serverKeyPem: string;
  /** Client certificate signed by the same CA, subject `CN=<clientUser>, O=lifeboat`. */
  clientCertPem: string;
  clientKeyPem: string;
  /** Common name of the client certificate: the user name the server sees for cert auth. */
  clientUser: string;
}

/** An EC P-256 key: much faster to generate than RSA, and accepted by Go (kubectl) and Node. */
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

let cached: Promise<FakeKubePki> | undefined;

/** Returns the process-wide CA, server and client certificates, generating them on first use. */
export function loadPki(): Promise<FakeKubePki> {
  cached ??= generatePki().catch((error: unknown) => {
    cached = undefined;
    throw new Error(`fake-kube could not generate certificates with the openssl CLI: ${String(error)}`);
  });
  return cached;
}

async function generatePki(): Promise<FakeKubePki> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-kube-pki-'));
  try {
    const ssl = (args: string[]) => run('openssl', args, { cwd: dir });
    await ssl(['req', '-x509', ...EC_KEY, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '7', '-subj', '/CN=fake-kube-ca',
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    const clientUser = 'lifeboat-facts';
    await Promise.all([
      signLeaf(dir, 'server', '/CN=kube-apiserver', 'serverAuth', 'subjectAltName=IP:127.0.0.1,DNS:localhost\n'),
      signLeaf(dir, 'client', `/O=lifeboat/CN=${clientUser}`, 'clientAuth', ''),
    ]);
    const read = (name: string) => readFile(join(dir, name), 'utf8');
    return {
      caPem: await read('ca.crt'),
      serverCertPem: await read('server.crt'),
      serverKeyPem: await read('server.key'),
      clientCertPem: await read('client.crt'),
      clientKeyPem: await read('client.key'),
      clientUser,
    };
  } finally {
    // The PEMs live in memory from here on; keys do not linger in /tmp.
    await rm(dir, { recursive: true, force: true });
  }
}

async function signLeaf(dir: string, name: string, subject: string, usage: string, extra: string) {
  const ssl = (args: string[]) => run('openssl', args, { cwd: dir });
  await writeFile(join(dir, `${name}.ext`),
    `basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=${usage}\n${extra}`);
  await ssl(['req', '-new', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject]);
  // A random serial per leaf (not -CAcreateserial) so the two signings can run in parallel.
  const serial = `0x${crypto.getRandomValues(new Uint8Array(8)).reduce((s, b) => s + b.toString(16).padStart(2, '0'), '1')}`;
  await ssl(['x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.crt', '-CAkey', 'ca.key', '-set_serial', serial,
    '-days', '7', '-sha256', '-extfile', `${name}.ext`, '-out', `${name}.crt`]);
}

/**
 * A self-signed client certificate from a different CA, for proving that the server rejects
 * certificates it did not issue.
 */
export async function generateUntrustedClientCert(): Promise<{ certPem: string; keyPem: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'fake-kube-untrusted-'));
  try {
    await run('openssl', ['req', '-x509', ...EC_KEY, '-keyout', 'k.pem', '-out', 'c.pem', '-days', '1',
      '-subj', '/O=system:masters/CN=intruder', '-addext', 'extendedKeyUsage=clientAuth'], { cwd: dir });
    return { certPem: await readFile(join(dir, 'c.pem'), 'utf8'), keyPem: await readFile(join(dir, 'k.pem'), 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
