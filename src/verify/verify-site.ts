/**
 * Fetches every file of a build from a public URL, as readers get it, and compares each with the
 * build. First the site's own manifest, to say which build it serves and to recognise files still
 * from that build.
 */
import { createHash } from 'node:crypto';
import type { BuildManifest } from '../build/build-manifest.ts';
import type { LocalSite } from '../deploy/local-site.ts';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from '../deploy/retry.ts';
import { mapLimit } from '../util/map-limit.ts';
import { compareFile, type FileProblem, type ServedFile } from './compare-file.ts';

export interface VerifyResult {
  /** Site root as checked, with a trailing slash. */
  url: string;
  /** Files compared, the manifest included. */
  checked: number;
  problems: FileProblem[];
  /** Why the site gave no answer at all, when it did not; then no file was checked. */
  unreachable?: string;
  /** What the site's own manifest says it serves, when it has one. */
  servedBuild?: { buildId: string; commit: string; builtAt: string };
  seconds: number;
}

export interface VerifyOptions {
  concurrency: number;
  retry?: RetryOptions;
  /** Per request, in milliseconds. */
  timeoutMs?: number;
}

/** Checks one site against the local build. Never throws for network errors: they are problems. */
export async function verifySite(site: LocalSite, url: string, options: VerifyOptions): Promise<VerifyResult> {
  const started = performance.now();
  const root = url.endsWith('/') ? url : `${url}/`;
  const retry = { ...DEFAULT_RETRY, attempts: 3, ...options.retry };
  const get = (path: string) => fetchFile(new URL(path.slice(1), root), retry, options.timeoutMs ?? 30_000);

  const manifestFile = site.files.find((f) => f.kind === 'manifest')!;
  const servedManifestFile = await get(manifestFile.path);
  const servedManifest = parseManifest(servedManifestFile.body);
  const seconds = () => (performance.now() - started) / 1000;
  // No answer at all: one line saying so says more than the same error for every file.
  if (servedManifestFile.status === 0) return { url: root, checked: 0, problems: [], unreachable: servedManifestFile.error, seconds: seconds() };
  const others = await mapLimit(
    site.files.filter((f) => f !== manifestFile),
    options.concurrency,
    async (file) => compareFile(file, await get(file.path), servedManifest),
  );
  const problems: FileProblem[] = [...compareFile(manifestFile, servedManifestFile, servedManifest), ...others.flat()];
  problems.sort((a, b) => a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind));
  return {
    url: root,
    checked: site.files.length,
    problems,
    ...(servedManifest ? { servedBuild: { buildId: servedManifest.buildId, commit: servedManifest.commit, builtAt: servedManifest.builtAt } } : {}),
    seconds: seconds(),
  };
}

/** True when the site answered and serves exactly the build. */
export function isClean(result: VerifyResult): boolean {
  return result.unreachable === undefined && result.problems.length === 0;
}

async function fetchFile(url: URL, retry: RetryOptions, timeoutMs: number): Promise<ServedFile & { body?: Buffer }> {
  try {
    return await withRetry(async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (response.status >= 500 || response.status === 429) {
        await response.body?.cancel();
        throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
      }
      const body = Buffer.from(await response.arrayBuffer());
      return {
        status: response.status,
        body,
        sha256: createHash('sha256').update(body).digest('hex'),
        contentType: response.headers.get('content-type'),
        cacheControl: response.headers.get('cache-control'),
      };
    }, retry);
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status) return { status };
    const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const reason = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message;
    return { status: 0, error: [(error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message, reason].filter(Boolean).join(': ') };
  }
}

function parseManifest(body: Buffer | undefined): BuildManifest | undefined {
  try {
    const data = JSON.parse(body?.toString('utf8') ?? '') as BuildManifest;
    return data?.version === 1 && typeof data.files === 'object' ? data : undefined;
  } catch {
    return undefined;
  }
}
