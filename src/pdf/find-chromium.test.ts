import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testdir } from '../../test/support/testdir.ts';
import { findChromium } from './find-chromium.ts';

/** A folder holding an executable file called `name`. */
function binDir(name: string): string {
  const dir = testdir({});
  writeFileSync(join(dir, name), '#!/bin/sh\n');
  chmodSync(join(dir, name), 0o755);
  return dir;
}

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it points at an executable', () => {
    const dir = binDir('my-chrome');
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'my-chrome'), PATH: '' }, [])).toEqual({ path: join(dir, 'my-chrome') });
  });

  it('reports a CHROMIUM_PATH that points nowhere instead of quietly using another browser', () => {
    const dir = binDir('chromium');
    const { issue } = findChromium({ CHROMIUM_PATH: '/nowhere/chrome', PATH: dir }, []);
    expect(issue).toMatchObject({ code: 'ChromiumNotFound', file: 'CHROMIUM_PATH' });
    expect(issue?.message).toBe('The binder is printed by headless Chromium, and no Chromium executable was found (looked at CHROMIUM_PATH (/nowhere/chrome)).');
  });

  it('finds chromium, chromium-browser or google-chrome on PATH', () => {
    const dir = binDir('chromium-browser');
    expect(findChromium({ PATH: `/nonexistent:${dir}` }, [])).toEqual({ path: join(dir, 'chromium-browser') });
  });

  it('ignores a file of that name that is not executable', () => {
    const dir = testdir({ chromium: 'not a program' });
    expect(findChromium({ PATH: dir }, []).issue?.code).toBe('ChromiumNotFound');
  });

  it('says where it looked and how to install Chromium when there is none', () => {
    const { issue } = findChromium({ PATH: '' }, ['/opt/none/chromium']);
    expect(issue?.message).toBe(
      'The binder is printed by headless Chromium, and no Chromium executable was found (looked at CHROMIUM_PATH, PATH (chromium, chromium-browser, google-chrome, google-chrome-stable), /opt/none/chromium).',
    );
    expect(issue?.hint).toContain('apt-get install -y chromium');
  });
});
