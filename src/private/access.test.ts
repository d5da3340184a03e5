import { describe, expect, it } from 'vitest';
import { formatLocation } from '../errors/issue.ts';
import { loadRunbooks } from '../load/load-runbooks.ts';
import { RUNBOOK_HEAD, testdir } from '../../test/support/testdir.ts';
import { PrivateConfigSchema, type PrivateConfigInput } from '../config/private-config-schema.ts';
import { resolveAccess } from './access.ts';

const STEP = 'steps:\n  - { id: one, title: One }\n';

/** Loads `files` (under runbooks/) and resolves access with `settings`; returns access by id and the issues, one line each. */
async function resolve(files: Record<string, string>, settings?: PrivateConfigInput) {
  const cwd = testdir(Object.fromEntries(Object.entries(files).map(([name, text]) => [`runbooks/${name}`, text])));
  const { runbooks } = await loadRunbooks('runbooks', { cwd, clusters: { primary: 'prod' } });
  const issues = await resolveAccess(runbooks, { runbooksDir: `${cwd}/runbooks`, ...(settings ? { private: PrivateConfigSchema.parse(settings) } : {}) });
  return {
    access: Object.fromEntries(runbooks.map((r) => [r.data.id, r.access ?? 'public'])),
    issues: issues.map((i) => `${formatLocation(i)} ${i.code}: ${i.message}${i.hint ? ` | ${i.hint}` : ''}`),
  };
}

const SETTINGS = { audiences: { sre: {}, payments: {} }, slugSalt: 'a-salt-of-sixteen-chars' };

describe('which runbooks are private, and for whom', () => {
  it('takes the runbook\'s own setting, else its nearest folder\'s, else the default', async () => {
    const { access, issues } = await resolve(
      {
        'a.yaml': `${RUNBOOK_HEAD('a')}${STEP}`,
        'vault/b.yaml': `${RUNBOOK_HEAD('b')}${STEP}`,
        'vault/keys/c.yaml': `${RUNBOOK_HEAD('c')}audiences: [payments]\n${STEP}`,
        'vault/d.yaml': `${RUNBOOK_HEAD('d')}visibility: public\n${STEP}`,
      },
      { ...SETTINGS, folders: { vault: { visibility: 'private', audiences: ['sre'] }, 'vault/keys': { audiences: ['sre', 'payments'] } } },
    );
    expect(issues).toEqual([]);
    expect(access.a).toBe('public');
    expect(access.b).toEqual({ slug: expect.stringMatching(/^[a-z2-7]{16}$/), audiences: ['sre'] });
    // Visibility from vault/, audiences from the runbook itself.
    expect(access.c).toMatchObject({ audiences: ['payments'] });
    expect(access.d).toBe('public');
    expect(new Set([access.b, access.c].map((x) => (x as { slug: string }).slug)).size).toBe(2);
  });

  it('makes every runbook private when the default says so, with ids kept as addresses when they are not secret', async () => {
    const { access } = await resolve({ 'a.yaml': `${RUNBOOK_HEAD('a')}audiences: [sre]\n${STEP}` }, { audiences: { sre: {} }, defaultVisibility: 'private', idsAreSecret: false });
    expect(access.a).toEqual({ slug: 'a', audiences: ['sre'] });
  });

  it('reports a private runbook nobody may read, an unknown audience, and a private runbook with no private block', async () => {
    const files = {
      'nobody.yaml': `${RUNBOOK_HEAD('nobody')}visibility: private\n${STEP}`,
      'typo.yaml': `${RUNBOOK_HEAD('typo')}visibility: private\naudiences: [sre, payment]\n${STEP}`,
    };
    expect((await resolve(files, SETTINGS)).issues).toEqual([
      'runbooks/nobody.yaml:10:13 PrivateAudienceMissing: Runbook "nobody" is private but names no audience, and neither does its folder in private.folders: nobody could unlock it. Audiences: sre, payments. | Add `audiences: [<name>]` to the runbook, or `audiences` to its folder under private.folders.',
      'runbooks/typo.yaml:11:18 AudienceUnknown: "payment" is not an audience of private.audiences in lifeboat.config.yaml (sre, payments). | Did you mean "payments"?',
    ]);
    const none = await resolve(files);
    expect(none.issues.map((i) => i.split(' ').slice(0, 2).join(' '))).toEqual(['runbooks/nobody.yaml:10:13 PrivateNotConfigured:', 'runbooks/typo.yaml:10:13 PrivateNotConfigured:']);
    expect(Object.values(none.access)).toEqual(['public', 'public']);
  });
});
