/** A fresh, empty `LIFEBOAT_CACHE_DIR` for each test of the calling suite (removed after it). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';

/** Registers the hooks; the returned function gives the current test's folder. */
export function useTempCacheDir(prefix: string): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    vi.stubEnv('LIFEBOAT_CACHE_DIR', dir);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
