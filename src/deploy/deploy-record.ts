/**
 * What Lifeboat keeps in each bucket besides the site: one record per build it started to deploy,
 * under `_lifeboat/builds/<id>.json`. The record is written before the first upload, so every
 * object Lifeboat ever puts is owned by a record (and can be cleaned up later), and it lists the
 * headers each object was sent with, so a change of headers alone is noticed and re-uploaded.
 */
import { z } from 'zod';

/** Folder of Lifeboat's own state, under the target prefix. Site builds never use this path. */
export const STATE_DIR = '_lifeboat';

export const RecordedFileSchema = z.object({
  sha256: z.string(),
  kind: z.enum(['asset', 'file', 'page', 'search-entry', 'manifest', 'service-worker']),
  contentType: z.string(),
  cacheControl: z.string(),
});

export const DeployRecordSchema = z.object({
  version: z.literal(1),
  /** The build id and the start of its manifest's SHA-256: two builds that share an id still differ. */
  id: z.string().regex(/^[\w.-]+$/),
  buildId: z.string().min(1),
  commit: z.string(),
  builtAt: z.string(),
  /** When the first deploy of this build started. */
  startedAt: z.string(),
  /** When the last deploy of this build completed; absent while none has. */
  deployedAt: z.string().optional(),
  /** Every object of the build, by build path (`/runbooks/x/index.html`), manifest included. */
  files: z.record(z.string(), RecordedFileSchema),
});

export type RecordedFile = z.infer<typeof RecordedFileSchema>;
export type DeployRecord = z.infer<typeof DeployRecordSchema>;

/** Build path of a record: `/_lifeboat/builds/16dd6fcc-3f1a9b0c7d2e.json`. */
export function recordPath(id: string): string {
  return `/${STATE_DIR}/builds/${id}.json`;
}

/** True for the path of a record. */
export function isRecordPath(path: string): boolean {
  return new RegExp(`^/${STATE_DIR}/builds/[\\w.-]+\\.json$`).test(path);
}

/** The record id of a build: its id, then the first 12 hex digits of its manifest's SHA-256. */
export function recordIdOf(buildId: string, manifestSha256: string): string {
  return `${buildId.replace(/[^\w.-]/g, '_')}-${manifestSha256.slice(0, 12)}`;
}

/** True for Lifeboat's own state objects, which are never part of a site. */
export function isStatePath(path: string): boolean {
  return path.startsWith(`/${STATE_DIR}/`);
}

/** Newest first: by completed deploy, else by start (an interrupted deploy still served pages). */
export function byRecency(a: DeployRecord, b: DeployRecord): number {
  return (b.deployedAt ?? b.startedAt).localeCompare(a.deployedAt ?? a.startedAt);
}
