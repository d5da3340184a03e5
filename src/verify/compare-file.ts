/**
 * The pure half of verify: what is wrong with one served file, given what the build says it should
 * be. Content is compared by SHA-256; of the headers, those that break the site or strand readers
 * on an old version: the media type, and long caching of files that change in place.
 */
import type { BuildManifest } from '../build/build-manifest.ts';
import { mediaType } from '../deploy/file-kinds.ts';
import type { LocalFile } from '../deploy/local-site.ts';

/** How a file was served. `status` 0 means no HTTP answer at all. */
export interface ServedFile {
  status: number;
  sha256?: string;
  contentType?: string | null;
  cacheControl?: string | null;
  /** Why there was no answer (network error, timeout). */
  error?: string;
}

export type ProblemKind = 'missing' | 'content' | 'content-type' | 'cache-control' | 'unreachable';

export interface FileProblem {
  path: string;
  kind: ProblemKind;
  /** What is wrong, for the reader of the report. */
  detail: string;
  /** SHA-256 of what was served, when something was. */
  servedSha256?: string;
}

/** Longest caching, in seconds, that still lets readers see a new version of an in-place file soon. */
export const MAX_REVALIDATE_AGE = 600;

/** Every problem with `served`; an empty list when it is exactly what the build holds. */
export function compareFile(expected: LocalFile, served: ServedFile, servedManifest?: Pick<BuildManifest, 'buildId' | 'files'>): FileProblem[] {
  const problem = (kind: ProblemKind, detail: string): FileProblem => ({ path: expected.path, kind, detail, ...(served.sha256 ? { servedSha256: served.sha256 } : {}) });
  if (served.status === 0) return [problem('unreachable', served.error ?? 'no response')];
  if (served.status === 404 || served.status === 403 || served.status === 410) return [problem('missing', `HTTP ${served.status}`)];
  if (served.status < 200 || served.status >= 300) return [problem('unreachable', `HTTP ${served.status}`)];

  const problems: FileProblem[] = [];
  if (served.sha256 !== expected.sha256) {
    const from = servedManifest?.files[expected.path]?.sha256 === served.sha256 ? `still from build ${servedManifest!.buildId}` : 'differs from every version the site names';
    problems.push(problem('content', from));
  }
  const type = served.contentType ? mediaType(served.contentType) : '(none)';
  if (type !== mediaType(expected.contentType)) {
    problems.push(problem('content-type', `Content-Type is ${type}, expected ${mediaType(expected.contentType)}`));
  }
  if (expected.kind !== 'asset' && pinsReaders(served.cacheControl)) {
    problems.push(problem('cache-control', `Cache-Control "${served.cacheControl}" keeps readers on an old version; expected revalidation (${expected.cacheControl})`));
  }
  return problems;
}

/** True when a Cache-Control value lets browsers or CDNs keep a changing file for too long. */
function pinsReaders(cacheControl: string | null | undefined): boolean {
  if (!cacheControl) return false;
  const value = cacheControl.toLowerCase();
  if (/\bimmutable\b/.test(value)) return true;
  const ages = [...value.matchAll(/\b(?:max-age|s-maxage)\s*=\s*(\d+)/g)].map((m) => Number(m[1]));
  return ages.some((age) => age > MAX_REVALIDATE_AGE);
}
