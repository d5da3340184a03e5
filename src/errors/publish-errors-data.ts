/**
 * Problems of publishing: `lifeboat deploy` and `lifeboat verify`. Usage and configuration problems
 * (a bad target, no build, no credentials) exit 2; a failed request exits 1 after the other
 * targets were tried. Same shape as the format errors in `errors-data.ts`.
 */
import type { ErrorData } from './errors-data.ts';

export const publishErrorsData = {
  DeployTargetInvalid: {
    title: 'Invalid deploy target',
    severity: 'error',
    message: (p: { target: string; detail: string }) => `The deploy target "${p.target}" cannot be used: ${p.detail}.`,
    hint: () =>
      'Write it as s3://BUCKET or s3://BUCKET/PREFIX; add ?endpoint=URL&region=R&profile=NAME for an S3-compatible provider, or pass --endpoint and --region for every target.',
    description: 'A `--target` of `lifeboat deploy` is not an S3 URL Lifeboat understands. Nothing was uploaded anywhere.',
    example: 'lifeboat deploy --target https://runbooks.example.com',
    fix: 'Name the bucket, not the public URL: `--target s3://runbooks-example/site`. Check the public URL afterwards with `lifeboat verify --url https://runbooks.example.com`.',
  },
  BuildManifestMissing: {
    title: 'No build to publish',
    severity: 'error',
    message: (p: { detail: string }) => `The build manifest cannot be used: ${p.detail}. It lists every file of a build, so deploy and verify cannot work without it.`,
    hint: () => 'Run `lifeboat build` first, or point --out (LIFEBOAT_OUT, or `out:` in lifeboat.config.yaml) at the folder the build wrote.',
    description: '`lifeboat deploy` and `lifeboat verify` read `lifeboat-manifest.json` from the build output to know exactly what a complete site is.',
    example: 'lifeboat deploy --out ./site-that-was-never-built --target s3://runbooks',
    fix: 'Build the site with `lifeboat build`, then deploy the same output folder.',
  },
  BuildOutputChanged: {
    title: 'Build output changed after the build',
    severity: 'error',
    message: (p: { detail: string }) => `This file does not match the build manifest: ${p.detail}. Publishing it would mix two builds — nothing was uploaded.`,
    hint: () => 'Run `lifeboat build` again and deploy its output unchanged; put extra files in public/ so the build lists them.',
    description: 'Deploy hashes every file again and compares it with the build manifest, so a half-copied or hand-edited output folder never reaches readers.',
    example: 'echo "<p>hotfix</p>" >> dist/index.html && lifeboat deploy --target s3://runbooks',
    fix: 'Rebuild; change runbooks or public/, never the output folder.',
  },
  DeployCredentialsMissing: {
    title: 'No credentials or region for a deploy target',
    severity: 'error',
    message: (p: { what: string; detail: string }) => `No ${p.what} could be found for this target (${p.detail}), so nothing was uploaded to it.`,
    hint: (p: { what: string }) =>
      p.what === 'region'
        ? 'Pass --region, add ?region=R to the target, or set AWS_REGION (or `region` in the profile).'
        : 'Provide credentials through the standard AWS chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE (or ?profile=NAME on the target), web identity (AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE, as CI OIDC sets), or a container or instance role.',
    description: 'Deploy resolves the region and credentials of every target before its first request. Credentials are never printed.',
    example: 'env -u AWS_PROFILE -u AWS_ACCESS_KEY_ID lifeboat deploy --target s3://runbooks',
    fix: 'Configure credentials as the hint lists; in CI prefer short-lived OIDC credentials.',
  },
  DeployStateInvalid: {
    title: 'Unreadable deploy state in the bucket',
    severity: 'error',
    message: (p: { detail: string }) => `Lifeboat's deploy state in this bucket cannot be read: ${p.detail}. Without it deploy cannot tell its own objects from others — nothing was changed.`,
    hint: () => 'Delete the named object under _lifeboat/ (Lifeboat then treats the bucket as new and leaves unknown objects alone), or restore it from versioning.',
    description: 'Each bucket holds one record per deployed build under `_lifeboat/builds/`. Deploy refuses to guess when one is damaged.',
    example: '_lifeboat/builds/16dd6fcc.json containing "{"',
    fix: 'Remove or restore the damaged record, then deploy again.',
  },
  DeployFailed: {
    title: 'Deploy interrupted by a failed request',
    severity: 'error',
    message: (p: { operation: string; detail: string }) =>
      `${p.operation} failed: ${p.detail}. The deploy stopped there; readers still get whole pages (old or new), and the next deploy finishes the job.`,
    hint: (p: { status?: number; code?: string }) =>
      p.status === 403 || p.code === 'AccessDenied' || p.code === 'InvalidAccessKeyId' || p.code === 'SignatureDoesNotMatch'
        ? 'Check the credentials and that their policy allows s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on this bucket and prefix.'
        : p.status === 404 || p.code === 'NoSuchBucket'
          ? 'Create the bucket first (and enable static website hosting or put a CDN in front of it), or correct the bucket name.'
          : 'Check the endpoint and the network, then run the same deploy again; it uploads only what is still missing.',
    description: 'A request to the bucket kept failing after retries with backoff, or failed in a way retrying cannot fix. The upload order guarantees that every page served at that moment loads with all its assets.',
    example: 'lifeboat deploy --target s3://bucket-that-does-not-exist',
    fix: 'Fix the cause in the hint and deploy again.',
  },
  VerifyUrlInvalid: {
    title: 'Invalid URL to verify',
    severity: 'error',
    message: (p: { url: string }) => `"${p.url}" is not an http:// or https:// URL, so it cannot be verified.`,
    hint: () => 'Pass the public address of the site, e.g. --url https://runbooks.example.com/ (with the path prefix when the site lives under one).',
    description: '`lifeboat verify --url URL` fetches every file of the build from that address.',
    example: 'lifeboat verify --url s3://runbooks',
    fix: 'Use the website or CDN address, not the bucket.',
  },
} as const satisfies Record<string, ErrorData<never>>;
