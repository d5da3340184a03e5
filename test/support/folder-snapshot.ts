/** Proving that a failed run changed nothing: a folder's files with their hashes, and stray temporary folders. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir` (relative path) with the SHA-256 of its content. */
export function snapshotFolder(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => statSync(join(dir, f)).isFile())
      .map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]),
  );
}

/** Temporary or replaced outputs (`*.tmp-*`, `*.old-*`) left in `dir`. */
export function leftoverTemporaries(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.includes('.tmp-') || name.includes('.new-') || name.includes('.old-'));
}
