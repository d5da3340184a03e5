/**
 * Peers from Debian's packages (Hugo, MkDocs Material): used when already there, otherwise
 * installed with apt-get, as root or through sudo (unless the run says not to install anything:
 * `npm run bench -- --no-install`, as the test's smoke run does). When that cannot be done, the
 * reason is returned so the table says which peer was skipped and why; nothing is skipped silently.
 */
import { spawnSync } from 'node:child_process';
import type { PeerOptions } from './site-tool.ts';

/** True when `command args…` runs and exits 0. */
export const commandSucceeds = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const succeeds = commandSucceeds;
/** The last non-empty line of a command's output, for a one-line reason. */
const lastLine = (text: string | null | undefined) => (text ?? '').trim().split('\n').at(-1)?.trim() ?? '';

/** How to run apt-get here: directly as root, through sudo without a password, or not at all. */
function aptGet(): string[] | undefined {
  if (!succeeds('apt-get', ['--version'])) return undefined;
  if (process.getuid?.() === 0) return ['apt-get'];
  return succeeds('sudo', ['-n', 'true']) ? ['sudo', '-n', 'apt-get'] : undefined;
}

/**
 * Makes `probe()` pass by installing `packages` if needed (and `install` allows it). Returns
 * undefined when ready, or why not (with the command to run by hand).
 */
export function ensureDebianPackages(packages: string[], probe: () => boolean, log: (line: string) => void, { install }: PeerOptions): string | undefined {
  if (probe()) return undefined;
  const byHand = `apt-get install ${packages.join(' ')}`;
  if (!install) return `not installed, and this run installs nothing (--no-install; run ${byHand})`;
  const apt = aptGet();
  if (!apt) return `not installed, and apt-get cannot be run here as root or with sudo -n (run ${byHand})`;
  log(`installing ${packages.join(', ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptInstall = () => spawnSync(apt[0]!, [...apt.slice(1), 'install', '-y', '-qq', ...packages], { env, encoding: 'utf8' });
  let result = aptInstall();
  // A fresh machine may have no package lists yet.
  if (result.status !== 0) {
    spawnSync(apt[0]!, [...apt.slice(1), 'update', '-qq'], { env, stdio: 'ignore' });
    result = aptInstall();
  }
  if (result.status !== 0) return `${byHand} failed: ${lastLine(result.stderr || result.stdout) || `exit ${result.status}`}`;
  return probe() ? undefined : `installed ${packages.join(', ')}, but the tool still does not run`;
}
