/**
 * The build manifest: every file of the output with its content hash, plus the build's identity.
 * The service worker, `deploy` and `verify` read it to know exactly what a complete site is.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BuildInfo } from '../site/build-info.ts';

export const MANIFEST_FILE = 'lifeboat-manifest.json';

export interface BuildManifest extends BuildInfo {
  version: 1;
  /** `collectedAt` of each cluster's facts the site was built from. */
  facts: Record<string, string>;
  /** Clusters whose facts could not be refreshed (prefer-live), with why. */
  staleFacts: { cluster: string; reason: string }[];
  /** `/path` → sha256 (hex) and size, sorted by path. */
  files: Record<string, { sha256: string; bytes: number }>;
}

export async function writeBuildManifest(
  dir: string,
  info: BuildInfo,
  facts: Pick<BuildManifest, 'facts' | 'staleFacts'> = { facts: {}, staleFacts: [] },
): Promise<BuildManifest> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .map((abs) => `/${relative(dir, abs).split(sep).join('/')}`)
    .filter((p) => p !== `/${MANIFEST_FILE}`)
    .sort();
  const files: BuildManifest['files'] = {};
  for (const path of paths) {
    const bytes = await readFile(join(dir, path));
    files[path] = { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  }
  const manifest: BuildManifest = { version: 1, ...info, ...facts, files };
  await writeFile(join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
