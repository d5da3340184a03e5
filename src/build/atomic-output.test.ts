import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRecovery, prepareOutput, recoverOutput, stageOutput } from './atomic-output.ts';

/** A pid no process has any more: a build that was killed. */
const gone = () => spawnSync(process.execPath, ['-e', '']).pid!;

/** A parent folder holding `dist`-like folders, each with a `which` file naming it. */
function parentWith(...names: string[]): string {
  const parent = mkdtempSync(join(tmpdir(), 'lifeboat-atomic-'));
  for (const name of names) {
    if (name.endsWith('.json')) writeFileSync(join(parent, name), '[]');
    else {
      mkdirSync(join(parent, name));
      writeFileSync(join(parent, name, 'which'), name);
    }
  }
  return parent;
}
const which = (parent: string) => readFileSync(join(parent, 'dist', 'which'), 'utf8');

describe('recoverOutput', () => {
  it('switches in the completed build when a kill left no output between the two renames', async () => {
    const pid = gone();
    const parent = parentWith(`dist.new-${pid}-b`, `dist.old-${pid}-b`, `dist.tmp-${pid}-b.findings.json`);
    const recovery = await recoverOutput(join(parent, 'dist'));
    expect(which(parent)).toBe(`dist.new-${pid}-b`);
    expect(readdirSync(parent)).toEqual(['dist']);
    expect(describeRecovery(recovery, 'dist')).toBe(
      `Recovered the output: dist was missing, so the build that was stopped while switching it in (dist.new-${pid}-b) now takes its place; removed 2 folders and files that stopped builds left beside it.`,
    );
  });

  it('puts the newest previous output back when there is no completed build', async () => {
    const pid = gone();
    const parent = parentWith(`dist.old-${pid}-a`, `dist.old-${pid}-c`, `dist.tmp-${pid}-c`);
    await recoverOutput(join(parent, 'dist'));
    expect(which(parent)).toBe(`dist.old-${pid}-c`);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('keeps the output there is, removes killed builds’ leftovers, and never touches a running build’s folders or other names', async () => {
    const pid = gone();
    const running = `dist.tmp-${process.pid}-z`;
    const parent = parentWith('dist', `dist.new-${pid}-a`, `dist.tmp-${pid}-a`, running, 'dist.tmp-notes', `other.tmp-${pid}-a`);
    const recovery = await recoverOutput(join(parent, 'dist'));
    expect(which(parent)).toBe('dist');
    expect(readdirSync(parent).sort()).toEqual(['dist', running, 'dist.tmp-notes', `other.tmp-${pid}-a`].sort());
    expect(recovery).toEqual({ removed: [`dist.new-${pid}-a`, `dist.tmp-${pid}-a`].sort() });
  });

  it('does nothing, and says nothing, when there is nothing to recover', async () => {
    const parent = parentWith('dist');
    expect(describeRecovery(await recoverOutput(join(parent, 'dist')), 'dist')).toBeUndefined();
    expect(await recoverOutput(join(parent, 'missing', 'dist'))).toEqual({ removed: [] });
  });
});

describe('stageOutput and prepareOutput', () => {
  it('creates a missing parent folder, and names a file in the way', async () => {
    const parent = parentWith();
    await prepareOutput(join(parent, 'a', 'b', 'dist'));
    expect(existsSync(join(parent, 'a', 'b'))).toBe(true);
    writeFileSync(join(parent, 'file'), '');
    await expect(prepareOutput(join(parent, 'file', 'dist'))).rejects.toThrow(`${join(parent, 'file')} is a file, not a folder`);
  });

  it('replaces the output with the staged build and leaves nothing beside it', async () => {
    const parent = parentWith('dist');
    const staged = stageOutput(join(parent, 'dist'));
    mkdirSync(staged.dir);
    writeFileSync(join(staged.dir, 'which'), 'new');
    await staged.commit();
    expect(which(parent)).toBe('new');
    expect(readdirSync(parent)).toEqual(['dist']);
  });
});
