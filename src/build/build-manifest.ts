/**
 * The build manifest: every file of the output with its content hash, plus the build's identity.
 * The service worker, `deploy` and `verify` read it to know exactly what a complete site is.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BuildInfo } from '../site/build-info.ts';

export const MANIFEST_FILE = 'lifeboat-manifest.json';

/** `/path` → SHA-256 (hex) and size, sorted by path. */
export type FileHashes = Record<string, { sha256: string; bytes: number }>;

export interface BuildManifest extends BuildInfo {
  version: 1;
  /** `collectedAt` of each cluster's facts the site was built from. */
  facts: Record<string, string>;
  /** Clusters whose facts could not be refreshed (prefer-live), with why. */
  staleFacts: { cluster: string; reason: string }[];
  /** `/path` → sha256 (hex) and size, sorted by path. */
  files: FileHashes;
}

/** File hashes plus the modification time each was read at, so a later pass can reuse them. */
export interface HashedFiles {
  files: FileHashes;
  mtimes: Record<string, number>;
}

/**
 * Hashes every file under `dir` (except the manifest itself). With `earlier` (a pass over the same
 * folder while it was still being written), a file whose size and modification time are unchanged
 * keeps its earlier hash; files that appeared since are hashed and files that vanished are dropped.
 */
export async function hashFiles(dir: string, earlier?: HashedFiles): Promise<HashedFiles> {
  // Synchronous on purpose: ~2,000 files, each a stat and often a read, take ~0.2 s through the
  // promise API's thread-pool round trips and a fraction of that read in place. Nothing else
  // runs meanwhile: the child process that does this first has no other work, and the build
  // process calls it again only after Astro has finished.
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => `/${relative(dir, join(e.parentPath, e.name)).split(sep).join('/')}`)
    .filter((p) => p !== `/${MANIFEST_FILE}`)
    .sort();
  const hashed: HashedFiles = { files: {}, mtimes: {} };
  for (const path of paths) {
    // A folder still being written can lose files between the listing and the read (Astro removes
    // its prerender bundle after the pages are written); what is gone is not part of the site.
    const info = statSync(join(dir, path), { throwIfNoEntry: false });
    if (!info) continue;
    const known = earlier?.files[path];
    if (known && known.bytes === info.size && earlier!.mtimes[path] === info.mtimeMs) {
      hashed.files[path] = known;
    } else {
      const bytes = readIfPresent(join(dir, path));
      if (!bytes) continue;
      hashed.files[path] = hashOf(bytes);
    }
    hashed.mtimes[path] = info.mtimeMs;
  }
  return hashed;
}

/** The file's bytes, or undefined when it is gone. */
function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const hashOf = (bytes: Buffer): FileHashes[string] => ({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });

export async function hashFile(dir: string, path: string): Promise<FileHashes[string]> {
  return hashOf(readFileSync(join(dir, path)));
}

export async function writeBuildManifest(
  dir: string,
  info: BuildInfo,
  facts: Pick<BuildManifest, 'facts' | 'staleFacts'>,
  files: FileHashes,
): Promise<BuildManifest> {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const manifest: BuildManifest = { version: 1, ...info, ...facts, files: sorted };
  // One line: indented, it was a fifth larger (75 KB more at 1,000 runbooks) for tools, not people.
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);
  return manifest;
}
