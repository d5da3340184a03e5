import { describe, expect, it } from 'vitest';
import { formatJsonReport, jsonReporter } from './json.ts';
import { context, issues, uncatalogued } from './report-fixtures.ts';

describe('json reporter', () => {
  it('keeps the version 1 report and adds the catalogue title and docs page to each issue', () => {
    const report = JSON.parse(jsonReporter(issues, context).stdout);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ errors: 3, warnings: 1, filesWithIssues: 2, runbookFiles: 3 });
    expect(report.issues[0]).toEqual({
      code: 'DanglingGoto',
      severity: 'error',
      file: 'runbooks/payments/restore-db.yaml',
      line: 15,
      column: 15,
      path: ['decisions', 0, 'answers', 0, 'goto'],
      message: 'decisions[0].answers[0] goes to "restart-pod", but no step or decision in this runbook has that id.',
      hint: 'Did you mean "restart-pods"?',
      title: 'Goto points nowhere',
      docs: 'https://runbooks.example.com/errors/dangling-goto/',
    });
    expect(report.issues[3]).toMatchObject({ code: 'FactsInvalid', line: null, column: null, title: 'Facts snapshot cannot be used' });
  });

  it('gives null title and docs for a code the catalogue does not know, and null docs without a site', () => {
    const { site: _, ...noSite } = context;
    const [unknown] = JSON.parse(jsonReporter([uncatalogued], context).stdout).issues;
    expect(unknown).toMatchObject({ code: 'StorageClassMissing', title: null, docs: null });
    const [known] = JSON.parse(jsonReporter(issues, noSite).stdout).issues;
    expect(known).toMatchObject({ title: 'Goto points nowhere', docs: null });
  });

  it('prints the same report as before for callers of formatJsonReport without options', () => {
    const report = JSON.parse(formatJsonReport(issues, { runbookFiles: 3 }));
    expect(Object.keys(report.issues[0])).toEqual(['code', 'severity', 'file', 'line', 'column', 'path', 'message', 'hint']);
    expect(jsonReporter(issues, context).stdout.endsWith('}\n')).toBe(true);
  });
});
