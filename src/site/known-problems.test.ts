import { describe, expect, it } from 'vitest';
import type { Issue } from '../errors/issue.ts';
import { knownProblems } from './known-problems.ts';

const issue = (code: Issue['code'], severity: Issue['severity']): Issue => ({ code, severity, file: 'runbooks/a.yaml', path: [], position: { type: 'unavailable' }, message: 'm' });

describe('knownProblems', () => {
  it('names each kind once by its catalogue title, counts repeats, errors before warnings', () => {
    const found = knownProblems([issue('NoRecentDrill', 'warning'), issue('RpoBreached', 'error'), issue('StorageClassNotFound', 'error'), issue('RpoBreached', 'error')]);
    expect(found.map((p) => [p.title, p.count, p.severity])).toEqual([
      ['Recovery point objective breached', 2, 'error'],
      ['StorageClass not found', 1, 'error'],
      [expect.any(String), 1, 'warning'],
    ]);
  });

  it('falls back to the code for a code the catalogue does not know', () => {
    expect(knownProblems([{ ...issue('RpoBreached', 'warning'), code: 'SomethingNew' as Issue['code'] }])[0]!.title).toBe('SomethingNew');
  });
});
