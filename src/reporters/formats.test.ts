import { describe, expect, it } from 'vitest';
import { formats, isReportFormat, REPORT_FORMATS } from './formats.ts';
import { context, issues, uncatalogued } from './report-fixtures.ts';

describe('formats', () => {
  it('offers the five --format names, and nothing inherited from Object', () => {
    expect(REPORT_FORMATS).toEqual(['text', 'json', 'junit', 'sarif', 'github']);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('xml')).toBe(false);
    expect(isReportFormat('constructor')).toBe(false);
  });

  it.each(REPORT_FORMATS)('%s reports a code the catalogue does not know, next to catalogued ones, ending with a newline', (name) => {
    const { stdout } = formats[name]([...issues, uncatalogued], context);
    expect(stdout).toContain('StorageClassMissing');
    expect(stdout).toContain('DanglingGoto');
    expect(stdout.endsWith('\n')).toBe(true);
  });

  it.each(REPORT_FORMATS)('%s reports a clean run without failing', (name) => {
    const { stdout } = formats[name]([], { toolVersion: '0.1.0', runbookCount: 0 });
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout).not.toMatch(/undefined|NaN|\[object Object\]/);
  });

  it('gives a job summary only for github', () => {
    const withSummary = REPORT_FORMATS.filter((name) => formats[name](issues, context).stepSummary !== undefined);
    expect(withSummary).toEqual(['github']);
  });
});
