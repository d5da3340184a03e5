/**
 * Problems of `lifeboat import`. What the importer did with each page (mapped, kept as prose,
 * dropped) is its report, not an error; these are the cases where it could not do its job: a
 * source that does not exist, an unusable defaults file (exit 2), or a runbook file it would not
 * or could not write (exit 1, after every other page was imported). Same shape as `errors-data.ts`.
 */
import type { ErrorData } from './errors-data.ts';

export const importErrorsData = {
  ImportSourceMissing: {
    title: 'Import source not found',
    severity: 'error',
    message: (p: { path: string }) => `"${p.path}" does not exist, so nothing was imported.`,
    hint: () => 'Pass Markdown files, or folders that hold them (read recursively), after `lifeboat import`.',
    description: 'A source given to `lifeboat import` is neither a file nor a folder. Nothing is written when a source is missing, so a typo never produces half an import.',
    example: 'lifeboat import ./wiki-exprot --out runbooks/imported',
    fix: 'Correct the path.',
  },
  ImportNothingFound: {
    title: 'No Markdown pages to import',
    severity: 'error',
    message: (p: { sources: string }) => `No Markdown pages were found in ${p.sources}.`,
    hint: () =>
      'Pass .md or .markdown files, or folders holding them. A file without an extension is read when it starts with a heading or front matter; dot-folders and node_modules are skipped.',
    description: 'The sources exist but hold no page the importer reads.',
    example: 'lifeboat import ./images --out runbooks/imported',
    fix: 'Point the import at the folder with the Markdown pages.',
  },
  ImportDefaultsInvalid: {
    title: 'Invalid import defaults',
    severity: 'error',
    message: (p: { detail: string }) => `The defaults file cannot be used: ${p.detail}. Nothing was imported.`,
    hint: () =>
      'The file may set service, owners, escalation, tier, rto, rpo, lastReviewed, tags and clusters, each with the same rules as in a runbook (runbook.schema.json describes them).',
    description: '`--defaults FILE` gives the fields imported pages lack (owners, escalation, objectives). It is checked before anything is written.',
    example: 'owners: payments-team   # must be a list\nrto: 30 minutes         # must be a duration such as 30m',
    fix: 'Write `owners: [payments-team]` and `rto: 30m`.',
  },
  ImportOutputExists: {
    title: 'Runbook file already exists',
    severity: 'error',
    message: (p: { target: string; source: string }) => `${p.target} already exists, so ${p.source} was not written over it — skipping this file.`,
    hint: () => 'Pass --force to replace it (each file is replaced atomically), or import into another --out folder.',
    description: 'The importer never overwrites a file unless told to: a runbook edited after an earlier import would otherwise be lost.',
    example: 'lifeboat import ./wiki --out runbooks   # run twice',
    fix: 'Run again with --force when replacing the earlier import is what you want.',
  },
  ImportWriteFailed: {
    title: 'Runbook file not written',
    severity: 'error',
    message: (p: { target: string; detail: string }) => `${p.target} could not be written: ${p.detail} — skipping this file.`,
    hint: () => 'Check that the output folder is writable and the disk has space, then import again.',
    description: 'Writing a runbook failed. Files are written to a temporary name and renamed, so a failed write never leaves half a runbook behind.',
    example: 'lifeboat import ./wiki --out /read-only/runbooks',
    fix: 'Fix the file system problem named in the message.',
  },
} as const satisfies Record<string, ErrorData<never>>;
