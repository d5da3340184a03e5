/**
 * The build to publish, read from the output folder through its manifest. Every file is hashed
 * again: a file changed or deleted after the build would publish a mix of two builds, so it stops
 * the deploy instead.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MANIFEST_FILE, type BuildManifest } from '../build/build-manifest.ts';
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { isStatePath, recordIdOf } from './deploy-record.ts';
import { classifyFile, type FileHeaders } from './file-kinds.ts';

/** One file of the build, with what publishing needs to know about it. */
export interface LocalFile extends FileHeaders {
  /** Build path, e.g. `/runbooks/x/index.html`. */
  path: string;
  sha256: string;
  /** Hex MD5, compared with S3 ETags (which are the MD5 of single-part uploads). */
  md5: string;
  bytes: number;
  /** Where it is on disk. */
  file: string;
}

export interface LocalSite {
  manifest: BuildManifest;
  /** Identifies this exact build in deploy records (see `recordIdOf`). */
  id: string;
  /** Every file, the manifest included, sorted by path. */
  files: LocalFile[];
}

/** Reads and re-hashes the build in `outDir`. Returns issues instead when it cannot be published. */
export async function readLocalSite(outDir: string, cwd = process.cwd()): Promise<{ site: LocalSite } | { issues: Issue[] }> {
  const manifestFile = join(outDir, MANIFEST_FILE);
  const shown = relative(cwd, manifestFile) || manifestFile;
  let manifest: BuildManifest;
  let manifestBytes: Buffer;
  try {
    manifestBytes = await readFile(manifestFile);
    manifest = JSON.parse(manifestBytes.toString('utf8')) as BuildManifest;
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : `it cannot be read (${(error as Error).message})`;
    return { issues: [createIssue('BuildManifestMissing', { file: shown }, { detail })] };
  }
  if (manifest?.version !== 1 || typeof manifest.files !== 'object' || !manifest.buildId) {
    return { issues: [createIssue('BuildManifestMissing', { file: shown }, { detail: 'it is not a Lifeboat build manifest (version 1)' })] };
  }

  const issues: Issue[] = [];
  const files: LocalFile[] = [describe(`/${MANIFEST_FILE}`, manifestFile, manifestBytes)];
  for (const [path, expected] of Object.entries(manifest.files)) {
    const file = join(outDir, path);
    const bytes = await readFile(file).catch(() => undefined);
    const local = bytes && describe(path, file, bytes);
    if (isStatePath(path)) {
      issues.push(createIssue('BuildOutputChanged', { file: relative(cwd, file) }, { detail: `the folder /${path.split('/')[1]}/ is reserved for deploy state` }));
    } else if (!local || local.sha256 !== expected.sha256) {
      const detail = local ? 'it changed after the build' : 'it was deleted after the build';
      issues.push(createIssue('BuildOutputChanged', { file: relative(cwd, file) }, { detail }));
    } else {
      files.push(local);
    }
  }
  if (issues.length) return { issues };
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { site: { manifest, id: recordIdOf(manifest.buildId, files.find((f) => f.kind === 'manifest')!.sha256), files } };
}

function describe(path: string, file: string, bytes: Buffer): LocalFile {
  return {
    path,
    file,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    md5: createHash('md5').update(bytes).digest('hex'),
    ...classifyFile(path),
  };
}
