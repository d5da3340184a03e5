import { describe, expect, it, vi } from 'vitest';
import { ensureDebianPackages } from './debian.ts';

describe('ensureDebianPackages', () => {
  it('uses a tool that is there, and with install: false skips a missing one with the command to run, installing nothing', () => {
    const log = vi.fn();
    expect(ensureDebianPackages(['hugo'], () => true, log, { install: false })).toBeUndefined();
    expect(ensureDebianPackages(['mkdocs', 'mkdocs-material'], () => false, log, { install: false })).toBe(
      'not installed, and this run installs nothing (--no-install; run apt-get install mkdocs mkdocs-material)',
    );
    expect(log).not.toHaveBeenCalled();
  });
});
