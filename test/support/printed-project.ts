/** A one-runbook project built and printed through the real commands (`build`, then `pdf`); returns its dist folder. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runScript } from './run-script.ts';
import { testdir } from './testdir.ts';

export async function buildAndPrintProject(config: string, runbookFile: string, runbook: string): Promise<string> {
  const dir = testdir({ 'lifeboat.config.yaml': config, [`runbooks/${runbookFile}`]: runbook });
  mkdirSync(join(dir, 'facts'));
  const flags = ['--config', join(dir, 'lifeboat.config.yaml')];
  const built = await runScript('build', flags);
  expect(built.code, built.stderr).toBe(0);
  const printed = await runScript('pdf', flags);
  expect(printed.code, printed.stderr).toBe(0);
  return join(dir, 'dist');
}
