import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { failureLine, isBuilt, SiteBuilds } from './site-builds.ts';
import type { SiteTool } from './sites/site-tool.ts';

/** A tool whose "build" is a shell script; every run adds a line to `runs` next to the output. */
function fakeTool(key: string, script: string, notReady?: string) {
  return {
    key,
    name: `fake ${key}`,
    ready: async () => notReady,
    prepare: vi.fn(async () => {}),
    command: (_dir: string, out: string) => ({ command: 'sh', args: ['-c', `echo run >> "${dirname(out)}/runs"; ${script}`, 'sh', out] }),
  } satisfies SiteTool;
}
const builds = () => new SiteBuilds(mkdtempSync(join(tmpdir(), 'lifeboat-site-builds-')), 2, () => {});
const runsOf = (sites: SiteBuilds, key: string) => readFileSync(join(sites.work, key, 'runs'), 'utf8').trim().split('\n').length;

describe('SiteBuilds', () => {
  it('times a build over --runs runs once, and hands the same build to later readers', async () => {
    const sites = builds();
    const tool = fakeTool('ok', 'mkdir -p "$1" && echo hi > "$1/index.html"');
    const first = await sites.build(tool, 10, { timed: true });
    expect(isBuilt(first) && first.timing?.runs).toHaveLength(2);
    expect(await sites.build(tool, 10, { timed: false })).toBe(first);
    expect(await sites.build(tool, 10, { timed: true })).toBe(first);
    expect(runsOf(sites, 'ok-10')).toBe(2);
    expect(tool.prepare).toHaveBeenCalledTimes(1);
    await sites.dispose();
    expect(existsSync(sites.work)).toBe(false);
  });

  it('builds once untimed for a reader, and again with timing when an entry needs times', async () => {
    const sites = builds();
    const tool = fakeTool('lazy', 'mkdir -p "$1"');
    const untimed = await sites.build(tool, 5, { timed: false });
    expect(isBuilt(untimed) && untimed.timing).toBeUndefined();
    const timed = await sites.build(tool, 5, { timed: true });
    expect(isBuilt(timed) && timed.timing?.runs).toHaveLength(2);
    expect(runsOf(sites, 'lazy-5')).toBe(3);
    await sites.dispose();
  });

  it('skips a peer that is not ready or fails, says why, and does not try it again', async () => {
    const sites = builds();
    const missing = fakeTool('missing', 'true', 'not installed (run apt-get install hugo)');
    expect(await sites.build(missing, 5, { timed: true })).toEqual({ skipped: 'not installed (run apt-get install hugo)' });
    expect(missing.prepare).not.toHaveBeenCalled();
    const broken = fakeTool('broken', 'echo "Error: theme material not found" >&2; echo "  at load (x.js:1)" >&2; exit 3');
    expect(await sites.build(broken, 5, { timed: true })).toEqual({ skipped: 'its build failed: Error: theme material not found' });
    await sites.build(broken, 5, { timed: false });
    expect(runsOf(sites, 'broken-5')).toBe(1);
    await sites.dispose();
  });

  it('tells each peer whether it may install what it lacks (--no-install: it may not)', async () => {
    for (const install of [true, false]) {
      const sites = new SiteBuilds(mkdtempSync(join(tmpdir(), 'lifeboat-site-builds-')), 1, () => {}, { install });
      const ready = vi.fn(async () => 'not installed');
      await sites.build({ ...fakeTool('peer', 'true'), ready }, 5, { timed: true });
      expect(ready).toHaveBeenCalledWith(expect.any(Function), { install });
      await sites.dispose();
    }
    expect(builds().peers).toEqual({ install: true });
  });

  it('stops the benchmark when Lifeboat itself fails to build', async () => {
    const sites = builds();
    await expect(sites.build(fakeTool('lifeboat', 'exit 1'), 5, { timed: true })).rejects.toThrow(/exit 1/);
    await sites.dispose();
  });
});

describe('failureLine', () => {
  it('keeps the last line that is not part of a stack trace', () => {
    expect(failureLine('[ERROR] Build failed\nNo cached compile metadata found\n  Stack trace:\n    at handler (index.js:109:19)\n')).toBe('No cached compile metadata found');
    expect(failureLine('')).toBe('no output');
  });
});
