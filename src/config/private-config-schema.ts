/**
 * The `private` block of lifeboat.config.yaml: who may read private runbooks, and how their
 * addresses are kept opaque. Passphrases never live here, only where to read them from
 * (docs/private-runbooks.md). The site build does not use this block yet.
 */
import { z } from 'zod';
import { ID_PATTERN } from '../schema/primitives.ts';

/**
 * An audience's name: a slug like an id (lowercase letters, digits, single hyphens), so that
 * `LIFEBOAT_PASSPHRASE_<NAME>`, with "-" as "_", maps back to exactly one audience.
 */
export const AudienceNameSchema = z
  .string()
  .max(40)
  .regex(ID_PATTERN)
  .describe('Audience name: lowercase letters, digits and hyphens, e.g. "sre". Its passphrase comes from LIFEBOAT_PASSPHRASE_<NAME> (upper case, "-" as "_") or its passphraseFile.');

const VisibilitySchema = z.enum(['public', 'private']);

export const PrivateConfigSchema = z
  .strictObject({
    /**
     * Who may read private runbooks: one passphrase per audience, read at build time.
     * @example { sre: {}, payments: { passphraseFile: "~/.config/lifeboat/payments" } }
     */
    audiences: z
      .record(
        AudienceNameSchema,
        z
          .strictObject({
            passphraseFile: z
              .string()
              .min(1)
              .optional()
              .describe('File holding the passphrase (one trailing newline is ignored), relative to this file; a leading "~/" is the home folder. LIFEBOAT_PASSPHRASE_<NAME> wins over it.'),
          })
          .describe('One audience; {} reads its passphrase from LIFEBOAT_PASSPHRASE_<NAME> only.'),
      )
      .refine((audiences) => Object.keys(audiences).length > 0, 'must name at least one audience')
      .describe('Audiences by name, e.g. { sre: {}, payments: { passphraseFile: "~/.config/lifeboat/payments" } }. Passphrases never go in this file.'),
    /** Visibility of a runbook that neither it nor its folder sets. */
    defaultVisibility: VisibilitySchema.default('public').describe('Visibility of runbooks that neither they nor their folder set: public or private.'),
    /**
     * Defaults per folder of the runbooks folder; a runbook's own setting wins.
     * @example { payments: { visibility: private, audiences: [payments] } }
     */
    folders: z
      .record(
        z.string().min(1),
        z.strictObject({
          visibility: VisibilitySchema.optional().describe('Visibility of the runbooks in this folder and below.'),
          audiences: z.array(AudienceNameSchema).min(1).optional().describe('Audiences that may read the private runbooks in this folder and below.'),
        }).describe('Defaults of one folder and the folders below it.'),
      )
      .default({})
      .describe('Defaults per folder, relative to the runbooks folder, e.g. { payments: { visibility: private, audiences: [payments] } }.'),
    /** Keys the opaque slugs of private runbooks; changing it moves every private page. */
    slugSalt: z
      .string()
      .min(16)
      .optional()
      .describe('At least 16 random characters (e.g. from `openssl rand -base64 24`) that key the opaque addresses of private runbooks. Keep it: changing it moves every private page. Required while idsAreSecret is true.'),
    /** Whether a private runbook's address hides its id. */
    idsAreSecret: z.boolean().default(true).describe('true: private runbooks are published under an opaque slug, never their id. false: under their id, like public runbooks.'),
  })
  .superRefine((value, ctx) => {
    if (value.idsAreSecret && value.slugSalt === undefined) {
      ctx.addIssue({ code: 'custom', path: ['slugSalt'], message: 'is required while idsAreSecret is true' });
    }
  })
  .describe('Private runbooks: audiences with their passphrases, defaults and opaque addresses (docs/private-runbooks.md).');

export type PrivateConfigInput = z.input<typeof PrivateConfigSchema>;
export type PrivateConfig = z.output<typeof PrivateConfigSchema>;
