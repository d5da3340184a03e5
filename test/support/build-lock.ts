/**
 * One Astro build of this checkout at a time, across test files and workers: concurrent builds
 * share the project's `.astro/` folder and delete each other's prerender chunks. The lock is a
 * folder (mkdir is atomic) holding the owner's pid, so a lock left by a killed run is taken over.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const checkout = fileURLToPath(new URL('../../', import.meta.url));
const LOCK = join(tmpdir(), `lifeboat-astro-build-${createHash('sha256').update(checkout).digest('hex').slice(0, 12)}.lock`);

/** A lock whose owner is gone, or that never got an owner within a few seconds. */
function isStale(): boolean {
  try {
    process.kill(Number(readFileSync(join(LOCK, 'pid'), 'utf8')), 0);
    return false;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return true;
    try {
      return Date.now() - statSync(LOCK).mtimeMs > 5_000;
    } catch {
      return false; // released meanwhile
    }
  }
}

/** Runs `work` while holding the build lock. */
export async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      break;
    } catch {
      await sleep(200);
      if (isStale()) rmSync(LOCK, { recursive: true, force: true });
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
