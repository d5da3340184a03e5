/**
 * Output that appears only when complete. The site is built into a sibling temporary folder and
 * swapped in with two renames; a failed or interrupted build removes its temporary folder and
 * leaves the previous output exactly as it was.
 */
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface StagedOutput {
  /** Where the build should write. */
  dir: string;
  /** Moves the finished build into place, replacing the previous one. */
  commit(): Promise<void>;
  /** Removes the unfinished build. Safe to call more than once. */
  discard(): Promise<void>;
}

export function stageOutput(outDir: string): StagedOutput {
  // Same parent folder, so the renames stay on one filesystem and are atomic.
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const dir = join(dirname(outDir), `${basename(outDir)}.tmp-${stamp}`);
  const old = join(dirname(outDir), `${basename(outDir)}.old-${stamp}`);
  return {
    dir,
    async commit() {
      let hadPrevious = true;
      try {
        await rename(outDir, old);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadPrevious = false;
      }
      try {
        await rename(dir, outDir);
      } catch (error) {
        if (hadPrevious) await rename(old, outDir); // put the previous site back
        throw error;
      }
      if (hadPrevious) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
