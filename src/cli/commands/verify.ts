/** `lifeboat verify`: prove that each public URL serves exactly the local build. */
import { CONFIG_FLAGS, CONFIG_HELP, EXIT, exitWithUsage, loadConfigOrExit, recoverBuiltSite, parseFlags, useColor } from '../cli-kit.ts';
import { readLocalSite } from '../../deploy/local-site.ts';
import { redactUrl } from '../../util/redact-url.ts';
import { createIssue } from '../../errors/create-issue.ts';
import { formatCliReport } from '../../reporters/cli.ts';
import { formatVerifyJson, formatVerifyText } from '../../reporters/verify-report.ts';
import { isClean, verifySite } from '../../verify/verify-site.ts';

const USAGE = `Usage: lifeboat verify --url URL [--url …] [--format text|json]

Fetches every file of the build (the output folder's lifeboat-manifest.json) from each URL, as
readers get it, and compares its SHA-256 and key headers (Content-Type; no long caching of pages,
manifest and service worker). Names each file that differs.
Exit codes: 0 every site matches, 1 a file differs or a site is unreachable, 2 usage or configuration error.

  --url URL         public address of the site, repeatable, e.g. https://runbooks.example.com/
  --format FORMAT   text (default) or json
  --concurrency N   requests in flight per site (default 8)

${CONFIG_HELP}`;

const flags = parseFlags(
  { ...CONFIG_FLAGS, url: { type: 'string', multiple: true }, format: { type: 'string', default: 'text' }, concurrency: { type: 'string', default: '8' } },
  USAGE,
);
const usage = (message: string): never => exitWithUsage(message, USAGE);
const concurrency = Number(flags.concurrency);
if (!flags.url?.length) usage('Name at least one --url.');
if (flags.format !== 'text' && flags.format !== 'json') usage(`--format must be "text" or "json", not "${flags.format}".`);
if (!Number.isInteger(concurrency) || concurrency < 1) usage(`--concurrency must be a whole number of at least 1, not "${flags.concurrency}".`);
const badUrls = flags.url!.filter((url) => !/^https?:\/\/[^/]/.test(url) || !URL.canParse(url));
if (badUrls.length) {
  const issues = badUrls.map((url) => createIssue('VerifyUrlInvalid', { file: '--url' }, { url: redactUrl(url) }));
  process.stderr.write(`${formatCliReport(issues, { color: useColor(process.stderr) })}\n`);
  process.exit(EXIT.usage);
}

const config = loadConfigOrExit(flags);
await recoverBuiltSite(config.outDir);
const local = await readLocalSite(config.outDir);
if ('issues' in local) {
  process.stderr.write(`${formatCliReport(local.issues, { color: useColor(process.stderr) })}\n`);
  process.exit(local.issues[0]!.code === 'BuildManifestMissing' ? EXIT.usage : EXIT.failed);
}
const results = [];
for (const url of flags.url!) results.push(await verifySite(local.site, url, { concurrency }));
const { manifest } = local.site;
process.stdout.write(`${redactUrl(flags.format === 'json' ? formatVerifyJson(manifest, results) : formatVerifyText(manifest, results, { color: useColor() }))}\n`);
process.exitCode = results.every(isClean) ? EXIT.ok : EXIT.failed;
