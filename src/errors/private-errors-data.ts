/**
 * Problems of private runbooks' passphrases (`private.audiences` in lifeboat.config.yaml, read
 * by src/private/passphrases.ts). No message or hint ever quotes a passphrase, or its length:
 * they end up in CI logs. Same shape as `errors-data.ts`.
 */
import type { ErrorData } from './errors-data.ts';

export const privateErrorsData = {
  PassphraseMissing: {
    title: 'No passphrase for an audience',
    severity: 'error',
    message: (p: { audience: string; detail: string }) =>
      `Audience "${p.audience}" has no passphrase: ${p.detail}. Its private runbooks cannot be encrypted without one.`,
    hint: (p: { audience: string; variable: string; empty?: boolean }) =>
      `Set ${p.variable} in the environment of the build (from your CI's secret store), or point private.audiences.${p.audience}.passphraseFile at a file that holds it.` +
      (p.empty ? ' CI systems hand empty secrets to jobs they do not trust, such as pull requests from forks.' : ''),
    description: 'Every audience named under `private.audiences` needs its passphrase at build time, from `LIFEBOAT_PASSPHRASE_<AUDIENCE>` (the name in upper case, "-" as "_") or from its `passphraseFile`. The configuration file never holds passphrases.',
    example: 'private:\n  audiences:\n    sre: {}   # and LIFEBOAT_PASSPHRASE_SRE is not set',
    fix: 'Export `LIFEBOAT_PASSPHRASE_SRE` from a secret, or set `passphraseFile` to a file readable by the build only.',
  },
  PassphraseTooShort: {
    title: 'Passphrase too short',
    severity: 'error',
    message: (p: { audience: string; source: string; min: number }) =>
      `The passphrase of audience "${p.audience}" (from ${p.source}) is shorter than ${p.min} characters. The encrypted keyring is published with the site, so a short passphrase can be guessed offline at leisure.`,
    hint: () => 'Use a generated passphrase of five or more random words (or 20 random characters), kept in a password manager and your CI secret store.',
    description: 'Private runbooks are as safe as their passphrase: anyone can download the keyring and try passphrases on their own hardware, with no rate limit. Leading and trailing spaces do not count.',
    example: 'LIFEBOAT_PASSPHRASE_SRE=letmein',
    fix: 'Choose a longer, random passphrase and give it to the audience.',
  },
  PassphraseControlCharacter: {
    title: 'Passphrase nobody can type',
    severity: 'error',
    message: (p: { audience: string; source: string }) =>
      `The passphrase of audience "${p.audience}" (from ${p.source}) contains a line break or another control character, which cannot be typed into the unlock field.`,
    hint: (p: { source: string }) =>
      p.source.startsWith('passphraseFile') ? 'Keep the passphrase on the first line of the file, alone (one trailing newline is fine).' : 'Set the variable to the passphrase alone, on one line.',
    description: 'Readers type the passphrase (or paste it) into a single-line field, so a passphrase with a line break, tab or other control character could never unlock its runbooks.',
    example: 'printf "first line\\nsecond line" > secrets/sre-passphrase',
    fix: 'Write the passphrase on one line.',
  },
  PassphraseShared: {
    title: 'Two audiences share a passphrase',
    severity: 'warning',
    message: (p: { audiences: string }) =>
      `Audiences ${p.audiences} have the same passphrase, so whoever can read the private runbooks of one can read those of the others.`,
    hint: () => 'Give each audience its own passphrase, or merge them into one audience.',
    description: 'Audiences exist to keep readers of one set of private runbooks out of another; one passphrase for several undoes that.',
    example: 'LIFEBOAT_PASSPHRASE_SRE=same-long-passphrase LIFEBOAT_PASSPHRASE_PAYMENTS=same-long-passphrase',
    fix: 'Generate a separate passphrase per audience.',
  },
  PrivateNotConfigured: {
    title: 'Private runbook without a private block',
    severity: 'error',
    message: (p: { runbook: string }) =>
      `Runbook "${p.runbook}" is private, but lifeboat.config.yaml has no \`private\` block: there is no audience whose passphrase could unlock it.`,
    hint: () => 'Add `private: { audiences: { sre: {} }, slugSalt: "<openssl rand -base64 24>" }` to lifeboat.config.yaml and name the audiences on the runbook, or make it public.',
    description: 'A private runbook is encrypted for its audiences; the audiences and the salt that hides the addresses of private runbooks are configured in the `private` block (docs/private-runbooks.md).',
    example: 'visibility: private   # and no private: block in lifeboat.config.yaml',
    fix: 'Configure `private.audiences` and `private.slugSalt`.',
  },
  PrivateAudienceMissing: {
    title: 'Private runbook nobody may read',
    severity: 'error',
    message: (p: { runbook: string; audiences: string }) =>
      `Runbook "${p.runbook}" is private but names no audience, and neither does its folder in private.folders: nobody could unlock it. Audiences: ${p.audiences}.`,
    hint: () => 'Add `audiences: [<name>]` to the runbook, or `audiences` to its folder under private.folders.',
    description: 'Each private runbook is readable by the audiences it names (or its folder names). Without one it would be published encrypted for nobody.',
    example: 'visibility: private   # no audiences:',
    fix: 'Name the audiences that may read it: `audiences: [sre]`.',
  },
  AudienceUnknown: {
    title: 'Unknown audience',
    severity: 'error',
    message: (p: { audience: string; audiences: string; suggestion?: string }) =>
      `"${p.audience}" is not an audience of private.audiences in lifeboat.config.yaml (${p.audiences}).`,
    hint: (p: { suggestion?: string }) => (p.suggestion ? `Did you mean "${p.suggestion}"?` : 'Add the audience under private.audiences, with its passphrase in LIFEBOAT_PASSPHRASE_<NAME>.'),
    description: 'A runbook (or a folder under private.folders) names an audience the configuration does not define, so no passphrase exists for it.',
    example: 'audiences: [sres]   # the audience is "sre"',
    fix: 'Use an audience defined under private.audiences.',
  },
} as const satisfies Record<string, ErrorData<never>>;
