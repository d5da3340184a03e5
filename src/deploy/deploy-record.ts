/**
 * What Lifeboat keeps in each bucket besides the site: one record per build it started to deploy,
 * under `_lifeboat/builds/<buildId>.json`. The record is written before the first upload, so every
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

/** Build path of a build's record: `/_lifeboat/builds/16dd6fcc.json`. */
export function recordPath(buildId: string): string {
  return `/${STATE_DIR}/builds/${encodeURIComponent(buildId)}.json`;
}

/** The build id of a record path, or undefined when the path is not a record. */
export function buildIdOfRecordPath(path: string): string | undefined {
  const match = new RegExp(`^/${STATE_DIR}/builds/([^/]+)\\.json$`).exec(path);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** True for Lifeboat's own state objects, which are never part of a site. */
export function isStatePath(path: string): boolean {
  return path.startsWith(`/${STATE_DIR}/`);
}

/** Newest first: by completed deploy, else by start (an interrupted deploy still served pages). */
export function byRecency(a: DeployRecord, b: DeployRecord): number {
  return (b.deployedAt ?? b.startedAt).localeCompare(a.deployedAt ?? a.startedAt);
}
