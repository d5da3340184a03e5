/**
 * Output that appears only when complete. The site is built into a sibling staging folder
 * (`dist.tmp-<pid>-<time>`), marked complete by renaming it (`dist.new-…`), and swapped in with
 * two renames (`dist` → `dist.old-…`, `dist.new-…` → `dist`). A failed build removes its staging
 * folder and leaves the previous output exactly as it was.
 *
 * A kill between the two renames leaves no `dist` at all, so every command that reads or writes
 * the output calls `recoverOutput` first: it finishes the switch (or puts the previous site
 * back) and removes what killed builds left, and never touches the folders of a build that is
 * still running (their names carry its process id).
 *
 * Why not `dist` as a symlink switched by one rename: Windows needs privileges for symlinks and
 * cannot rename over a folder, `.gitignore`'s `dist/` does not match a symlink, and uploaders
 * and servers differ in whether they follow one. Renames plus recovery work everywhere.
 */
import { lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename, dirname, join } from 'node:path';

export interface StagedOutput {
  /** Where the build should write. */
  dir: string;
  /** Moves the finished build into place, replacing the previous one. */
  commit(): Promise<void>;
  /** Removes the unfinished build. Safe to call more than once. */
  discard(): Promise<void>;
}

/** What `recoverOutput` did, for the one line a command prints about it. */
export interface Recovery {
  /** The folder moved back into place as the output, when the output was missing. */
  restored?: string;
  /** Leftovers of killed builds that were removed. */
  removed: string[];
}

/**
 * A staging folder, a completed build waiting to be switched in, the previous output being
 * switched out, or a build's findings file: `<out>.<kind>-<pid>-<time>[.findings.json]`.
 */
const LEFTOVER = /^(.+)\.(tmp|new|old)-(\d+)-([0-9a-z]+)(\.findings\.json)?$/;

export function stageOutput(outDir: string): StagedOutput {
  // Same parent folder, so the renames stay on one filesystem and are atomic.
  const stamp = `${process.pid}-${Date.now().toString(36)}`;
  const sibling = (kind: string) => join(dirname(outDir), `${basename(outDir)}.${kind}-${stamp}`);
  const dir = sibling('tmp');
  const ready = sibling('new');
  const old = sibling('old');
  let committing = false;
  return {
    dir,
    async commit() {
      committing = true;
      // From here on the build is complete: recovery may switch it in.
      await rename(dir, ready);
      let hadPrevious = true;
      try {
        await rename(outDir, old);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadPrevious = false;
      }
      await delayForTest();
      try {
        await rename(ready, outDir);
      } catch (error) {
        if (hadPrevious) await rename(old, outDir); // put the previous site back
        throw error;
      }
      if (hadPrevious) await rm(old, { recursive: true, force: true });
    },
    async discard() {
      await rm(committing ? ready : dir, { recursive: true, force: true });
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Makes sure the output's parent folder exists (`--out new/place/dist`) and recovers what
 * interrupted builds left. Throws when the parent cannot be created (a file in the way, no
 * permission).
 */
export async function prepareOutput(outDir: string): Promise<Recovery> {
  try {
    await mkdir(dirname(outDir), { recursive: true });
  } catch (error) {
    const { code, path } = error as NodeJS.ErrnoException;
    // Node says EEXIST or ENOTDIR for a file where a folder has to be: name the file.
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new Error(`${path ?? dirname(outDir)} is a file, not a folder`);
    throw error;
  }
  return recoverOutput(outDir);
}

/**
 * Finishes a switch that a killed build left half done, and removes the staging folders,
 * previous outputs and findings files of builds that are no longer running. When the output is
 * missing, the newest completed build takes its place, else the newest previous output.
 */
export async function recoverOutput(outDir: string): Promise<Recovery> {
  const parent = dirname(outDir);
  const base = basename(outDir);
  let names: string[];
  try {
    names = await readdir(parent);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { removed: [] };
    throw error;
  }
  const leftovers = names.flatMap((name) => {
    const match = LEFTOVER.exec(name);
    if (!match || match[1] !== base || isRunning(Number(match[3]))) return [];
    return [{ name, kind: match[2]!, time: parseInt(match[4]!, 36), findings: match[5] !== undefined }];
  });
  const recovery: Recovery = { removed: [] };
  if (!(await exists(outDir))) {
    const rank = (kind: string) => (kind === 'new' ? 0 : kind === 'old' ? 1 : 2);
    const [best] = leftovers
      .filter((l) => !l.findings && l.kind !== 'tmp')
      .sort((a, b) => rank(a.kind) - rank(b.kind) || b.time - a.time);
    if (best) {
      await rename(join(parent, best.name), outDir);
      recovery.restored = best.name;
    }
  }
  for (const leftover of leftovers) {
    if (leftover.name === recovery.restored) continue;
    await rm(join(parent, leftover.name), { recursive: true, force: true });
    recovery.removed.push(leftover.name);
  }
  return recovery;
}

/** Whether process `pid` is alive (on this machine): its folders are in use. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/** Holds the switch open between its two renames, for the test that kills a build there. */
async function delayForTest(): Promise<void> {
  const ms = Number(process.env.LIFEBOAT_TEST_SWITCH_DELAY_MS);
  if (ms > 0) await sleep(ms);
}

/** One line about what `recoverOutput` did, or undefined when there was nothing to recover. */
export function describeRecovery(recovery: Recovery, outDir: string): string | undefined {
  const removed = recovery.removed.length;
  const parts = [
    ...(recovery.restored
      ? [recovery.restored.includes('.new-')
          ? `${outDir} was missing, so the build that was stopped while switching it in (${recovery.restored}) now takes its place`
          : `${outDir} was missing, so the previous output (${recovery.restored}) was put back`]
      : []),
    ...(removed ? [`removed ${removed} ${removed === 1 ? 'folder or file' : 'folders and files'} that stopped builds left beside it`] : []),
  ];
  return parts.length ? `Recovered the output: ${parts.join('; ')}.` : undefined;
}
