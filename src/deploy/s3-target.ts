/**
 * A deploy target: `s3://BUCKET[/PREFIX]`, optionally with its own endpoint, region and profile
 * (`s3://site?endpoint=https://ACCOUNT.r2.cloudflarestorage.com&region=auto&profile=r2`), so one
 * deploy can publish to two providers with different credentials.
 */
import { createIssue } from '../errors/create-issue.ts';
import type { Issue } from '../errors/issue.ts';
import { redactUrl } from '../util/redact-url.ts';

export interface S3Target {
  /** As the user wrote it, minus any credentials, for reports. */
  label: string;
  bucket: string;
  /** Key prefix without leading or trailing slashes; `''` for the bucket root. */
  prefix: string;
  /** S3-compatible endpoint (MinIO, R2, …); absent for AWS S3 itself. */
  endpoint?: string;
  region?: string;
  /** Shared-config profile to take credentials from; absent for the default chain. */
  profile?: string;
}

/** Settings every target gets unless its URL names its own. */
export interface TargetDefaults {
  endpoint?: string;
  region?: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const SETTINGS = ['endpoint', 'region', 'profile'];

/** Parses one `--target` value, or returns the issue that explains what is wrong with it. */
export function parseTarget(text: string, defaults: TargetDefaults = {}): { target: S3Target } | { issue: Issue } {
  const fail = (detail: string) => ({
    issue: createIssue('DeployTargetInvalid', { file: '--target' }, { target: redactUrl(text), detail }),
  });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('it is not a URL');
  }
  if (url.protocol !== 's3:') return fail(`it starts with "${url.protocol}//", not "s3://"`);
  if (!BUCKET.test(url.hostname)) return fail(`"${url.hostname}" is not a valid bucket name`);
  const unknown = [...url.searchParams.keys()].filter((key) => !SETTINGS.includes(key));
  if (unknown.length) return fail(`"${unknown[0]}" is not a target setting (use ${SETTINGS.join(', ')})`);
  const endpoint = url.searchParams.get('endpoint') ?? defaults.endpoint;
  if (endpoint !== undefined && !/^https?:\/\/[^/]/.test(endpoint)) return fail(`the endpoint "${redactUrl(endpoint)}" is not an http(s) URL`);
  const prefix = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, '');
  const target: S3Target = { label: `s3://${url.hostname}${prefix ? `/${prefix}` : ''}`, bucket: url.hostname, prefix };
  if (endpoint) target.endpoint = endpoint;
  const region = url.searchParams.get('region') ?? defaults.region;
  if (region) target.region = region;
  const profile = url.searchParams.get('profile');
  if (profile) target.profile = profile;
  return { target };
}

/** Parses every `--target`; the issues explain the ones that cannot be used. */
export function parseTargets(texts: readonly string[], defaults: TargetDefaults = {}): { targets: S3Target[]; issues: Issue[] } {
  const parsed = texts.map((text) => parseTarget(text, defaults));
  return {
    targets: parsed.flatMap((p) => ('target' in p ? [p.target] : [])),
    issues: parsed.flatMap((p) => ('issue' in p ? [p.issue] : [])),
  };
}

/** The object key of a build path: `/runbooks/x/index.html` → `PREFIX/runbooks/x/index.html`. */
export function keyFor(target: Pick<S3Target, 'prefix'>, path: string): string {
  const relative = path.replace(/^\/+/, '');
  return target.prefix ? `${target.prefix}/${relative}` : relative;
}

/** The build path of an object key, or undefined when the key lies outside the target's prefix. */
export function pathFor(target: Pick<S3Target, 'prefix'>, key: string): string | undefined {
  if (!target.prefix) return `/${key}`;
  return key.startsWith(`${target.prefix}/`) ? key.slice(target.prefix.length) : undefined;
}
