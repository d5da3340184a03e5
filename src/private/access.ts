/**
 * Which runbooks are private, who may read them, and the opaque address each is published
 * under: the runbook's own `visibility` and `audiences`, else those of the nearest folder in
 * `private.folders`, else `private.defaultVisibility`. Problems are issues at the runbook (or the
 * configuration): a private runbook with no `private` block, with no audience, or naming an
 * audience that does not exist. Sets `access` on each private runbook (the site build reads it).
 */
import { relative, sep } from 'node:path';
import type { LifeboatConfig } from '../config/config-schema.ts';
import { createIssue } from '../errors/create-issue.ts';
import { didYouMean } from '../errors/did-you-mean.ts';
import type { Issue } from '../errors/issue.ts';
import type { Runbook } from '../load/runbook-model.ts';
import { privateSlug } from './opaque-slug.ts';

/** The folder defaults that apply to `file` (relative to the runbooks folder), nearest first. */
function folderSettings(file: string, folders: NonNullable<LifeboatConfig['private']>['folders']) {
  const parts = file.split('/').slice(0, -1);
  const chain = [];
  for (let n = parts.length; n > 0; n--) {
    const folder = folders[parts.slice(0, n).join('/')];
    if (folder) chain.push(folder);
  }
  return chain;
}

export async function resolveAccess(runbooks: readonly Runbook[], config: Pick<LifeboatConfig, 'private' | 'runbooksDir'>): Promise<Issue[]> {
  const issues: Issue[] = [];
  const settings = config.private;
  const known = Object.keys(settings?.audiences ?? {});
  for (const runbook of runbooks) {
    delete runbook.access;
    const inFolder = relative(config.runbooksDir, runbook.absolutePath).split(sep).join('/');
    const chain = settings ? folderSettings(inFolder, settings.folders) : [];
    const visibility = runbook.data.visibility ?? chain.find((f) => f.visibility)?.visibility ?? settings?.defaultVisibility ?? 'public';
    if (visibility === 'public') continue;
    const site = (key: string, i?: number) => {
      const path = i === undefined ? [key] : [key, i];
      return { file: runbook.file, path, position: runbook.locate(path) };
    };
    if (!settings) {
      issues.push(createIssue('PrivateNotConfigured', site('visibility'), { runbook: runbook.data.id }));
      continue;
    }
    const audiences = runbook.data.audiences ?? chain.find((f) => f.audiences)?.audiences;
    if (!audiences) {
      issues.push(createIssue('PrivateAudienceMissing', site(runbook.data.visibility ? 'visibility' : 'id'), { runbook: runbook.data.id, audiences: known.join(', ') }));
      continue;
    }
    const unknown = audiences.filter((a) => !known.includes(a));
    for (const audience of unknown) {
      const i = runbook.data.audiences?.indexOf(audience);
      issues.push(createIssue('AudienceUnknown', i === undefined ? site('id') : site('audiences', i), { audience, audiences: known.join(', '), suggestion: didYouMean(audience, known) }));
    }
    if (unknown.length) continue;
    runbook.access = { slug: await privateSlug(runbook.data.id, settings), audiences: [...new Set(audiences)].sort() };
  }
  return issues;
}
