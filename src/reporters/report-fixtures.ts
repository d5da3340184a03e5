/**
 * Real issues for the reporter tests, built through the catalogue as the checks build them, with
 * the runbook they point into (so code frames have something to show).
 */
import type { ErrorCode } from '../errors/errors-data.ts';
import { createIssue } from '../errors/create-issue.ts';
import { at, noPosition, type Issue } from '../errors/issue.ts';
import type { ReportContext } from './reporter.ts';

export const RESTORE_DB = 'runbooks/payments/restore-db.yaml';

/** The runbook the issues point into. Line numbers are in the comments of the tests. */
export const RESTORE_DB_SOURCE = `id: restore-db
title: Restore the ledger database
service: ledger
steps:
  - id: scale-down
    title: Scale the API down
    commands:
      - run: kubectl -n payments scale deploy/api --replicas={{ facts.dr.lastBackup.ledger-hourly }}
        cluster: disaster
decisions:
  - id: root
    question: Is the primary reachable?
    answers:
      - label: No
        goto: restart-pod
`;

export const issues: Issue[] = [
  createIssue(
    'DanglingGoto',
    { file: RESTORE_DB, path: ['decisions', 0, 'answers', 0, 'goto'], position: at(15, 15) },
    { goto: 'restart-pod', field: 'decisions[0].answers[0]', suggestion: 'restart-pods', known: 'scale-down, restart-pods' },
  ),
  createIssue(
    'UnknownClusterRole',
    { file: RESTORE_DB, path: ['steps', 0, 'commands', 0, 'cluster'], position: at(9, 18) },
    { role: 'disaster', field: 'steps[0].commands[0].cluster', known: 'primary, dr' },
  ),
  createIssue(
    'FactUnavailable',
    { file: RESTORE_DB, path: ['steps', 0, 'commands', 0, 'run'], position: at(8, 14) },
    { name: 'facts.dr.lastBackup.ledger-hourly', field: 'steps[0].commands[0].run', why: 'no snapshot of cluster "dr-euc1" was collected' },
  ),
  createIssue('FactsInvalid', { file: 'facts/dr-euc1.json', path: [], position: noPosition }, { detail: '"version" is 2, and this Lifeboat reads version 1' }),
];

/** A finding whose code the catalogue does not have (yet): reporters must still print it. */
export const uncatalogued: Issue = {
  code: 'StorageClassMissing' as ErrorCode,
  severity: 'error',
  file: 'runbooks/dns-failover.yaml',
  path: ['requires', 0],
  position: at(3, 5),
  message: 'StorageClass "gp3" does not exist in cluster "dr-euc1".',
  hint: 'It has "gp3-csi", "standard".',
};

export const context: ReportContext = {
  toolVersion: '0.1.0',
  runbookCount: 3,
  files: [RESTORE_DB, 'runbooks/dns-failover.yaml', 'runbooks/payments/scale-api.yaml'],
  site: 'https://runbooks.example.com',
  readSource: (file) => (file === RESTORE_DB ? RESTORE_DB_SOURCE : undefined),
};
