/**
 * The pure half of a deploy: what to upload, in which order, and what to delete, from the local
 * build and what the bucket holds. Nothing here talks to S3, so the plan can be printed
 * (`--dry-run`) and tested exhaustively.
 *
 * Order is what keeps readers safe while the deploy runs, and after it is killed:
 * 1. hashed assets, under names no served page uses yet;
 * 2. other files, then new pages, then changed pages: whatever a page references is already there;
 * 3. Pagefind's entry, then the build manifest, then the service worker: search results, the
 *    manifest and the worker only ever name files that are already uploaded;
 * 4. only then deletions, keeping the assets and files of the last `keep` versions for open tabs.
 */
import { byRecency, type DeployRecord, type RecordedFile } from './deploy-record.ts';
import type { FileKind } from './file-kinds.ts';
import type { LocalFile, LocalSite } from './local-site.ts';

/** What the bucket holds under the target prefix, by build path. */
export interface RemoteState {
  /** Site objects (everything outside `_lifeboat/`), with their ETag (quotes removed). */
  objects: Map<string, { etag: string; size: number }>;
  /** Every deploy record found in the bucket. */
  records: DeployRecord[];
}

export type PhaseName = 'assets' | 'files' | 'new pages' | 'pages' | 'search entry' | 'manifest' | 'service worker';

export interface PlannedUpload {
  file: LocalFile;
  /** `new`: not in the bucket; `changed`: other content; `headers`: same content, other headers. */
  reason: 'new' | 'changed' | 'headers';
}

export interface UploadPlan {
  /** This build's record: the bucket's own when it has one, else a new one (times stamped on write). */
  record: DeployRecord;
  /** Whether to write the record before the first upload (the bucket has none for this build). */
  writeRecordFirst: boolean;
  /** Non-empty phases in order; a phase starts only when the one before it has finished. */
  phases: { name: PhaseName; uploads: PlannedUpload[] }[];
  /** Whether to mark the build's record as deployed once every phase is done. */
  complete: boolean;
  /** Build paths to delete once the new version is complete. */
  deletes: string[];
  /** Ids of the records that go last, once their objects are deleted. */
  dropRecords: string[];
  /** Counts for the report. */
  unchanged: number;
  /** Objects of earlier versions kept for pages still open. */
  kept: number;
  /** Objects Lifeboat did not publish, left alone. */
  foreign: number;
}

const PHASE_OF: Record<FileKind, PhaseName> = {
  asset: 'assets',
  file: 'files',
  page: 'pages',
  'search-entry': 'search entry',
  manifest: 'manifest',
  'service-worker': 'service worker',
};
const PHASES: PhaseName[] = ['assets', 'files', 'new pages', 'pages', 'search entry', 'manifest', 'service worker'];

/** Kinds of an earlier version worth keeping: what open pages load. Old pages themselves go. */
const KEPT_KINDS: FileKind[] = ['asset', 'file'];

/**
 * Plans the deploy of `site` onto a bucket in state `remote`, keeping what the `keep` most recent
 * versions (this one included) need.
 */
export function planUpload(site: LocalSite, remote: RemoteState, options: { keep: number }): UploadPlan {
  const { id } = site;
  const records = [...remote.records].sort(byRecency);
  const own = records.find((r) => r.id === id);

  const byPhase = new Map<PhaseName, PlannedUpload[]>();
  let unchanged = 0;
  for (const file of site.files) {
    const reason = uploadReason(file, remote.objects.get(file.path)?.etag, records);
    if (!reason) {
      unchanged++;
      continue;
    }
    const phase = file.kind === 'page' && reason === 'new' ? 'new pages' : PHASE_OF[file.kind];
    if (!byPhase.has(phase)) byPhase.set(phase, []);
    byPhase.get(phase)!.push({ file, reason });
  }
  const phases = PHASES.filter((name) => byPhase.has(name)).map((name) => ({ name, uploads: byPhase.get(name)! }));

  // Keep: this build, and what open pages of the previous versions load.
  const previous = records.filter((r) => r.id !== id).slice(0, Math.max(0, options.keep - 1));
  const current = new Set(site.files.map((f) => f.path));
  const keep = new Set(current);
  for (const record of previous) {
    for (const [path, file] of Object.entries(record.files)) if (KEPT_KINDS.includes(file.kind)) keep.add(path);
  }
  // Delete only what some record says Lifeboat put there; anything else is not ours to remove.
  const owned = new Set(records.flatMap((r) => Object.keys(r.files)));
  const stale = [...remote.objects.keys()].filter((path) => !keep.has(path));
  const deletes = stale.filter((path) => owned.has(path)).sort();
  const retained = new Set([id, ...previous.map((r) => r.id)]);

  return {
    record: own ?? recordOf(site),
    writeRecordFirst: !own,
    phases,
    complete: !own?.deployedAt || phases.length > 0 || deletes.length > 0 || own !== records[0],
    deletes,
    dropRecords: records.filter((r) => !retained.has(r.id)).map((r) => r.id),
    unchanged,
    kept: [...remote.objects.keys()].filter((path) => keep.has(path) && !current.has(path)).length,
    foreign: stale.length - deletes.length,
  };
}

/** Why `file` must be uploaded, or undefined when the bucket already serves it as it should. */
function uploadReason(file: LocalFile, etag: string | undefined, records: DeployRecord[]): PlannedUpload['reason'] | undefined {
  if (etag === undefined) return 'new';
  if (etag !== file.md5) return 'changed';
  // The newest record that sent this very content says which headers it went out with.
  const sent = records.map((r) => r.files[file.path]).find((f) => f?.sha256 === file.sha256);
  return sent && sent.contentType === file.contentType && sent.cacheControl === file.cacheControl ? undefined : 'headers';
}

/** A new record of a build, without times (applying the plan stamps them). */
function recordOf(site: LocalSite): DeployRecord {
  const files: Record<string, RecordedFile> = {};
  for (const f of site.files) files[f.path] = { sha256: f.sha256, kind: f.kind, contentType: f.contentType, cacheControl: f.cacheControl };
  const { buildId, commit, builtAt } = site.manifest;
  return { version: 1, id: site.id, buildId, commit, builtAt, startedAt: '', files };
}
