/**
 * The one place for site settings: `lifeboat.config.yaml`, overridable by environment variables
 * and command-line flags (flags win, then environment, then the file, then these defaults).
 */
import { z } from 'zod';
import { DurationSchema } from '../schema/primitives.ts';
import { RoleSchema } from '../schema/runbook.ts';
import { PrivateConfigSchema } from './private-config-schema.ts';

export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    /** Site title, shown in the header, the binder cover and the browser tab. */
    title: z.string().min(1).default('Lifeboat runbooks').describe('Site title, shown in the header and on the binder cover.'),
    /** Public URL the site is served from; used for canonical links, the sitemap and printed QR codes. */
    site: z.url().optional().describe('Public URL of the site, e.g. "https://runbooks.example.com". Env: LIFEBOAT_SITE.'),
    /** Folder of runbooks. */
    runbooks: z.string().min(1).default('runbooks').describe('Folder of runbooks (YAML and MDX). Env: LIFEBOAT_RUNBOOKS.'),
    /** Folder of collected facts snapshots. */
    facts: z.string().min(1).default('facts').describe('Folder of facts snapshots, facts/<cluster>.json. Env: LIFEBOAT_FACTS.'),
    /** Folder of drill records. */
    drills: z.string().min(1).optional().describe('Folder of drill records, drills/<runbook-id>/<date>-<kind>.yaml (filed by `lifeboat drill add`). Default: "drills" beside the runbooks folder. Env: LIFEBOAT_DRILLS.'),
    /** Output folder of the build. */
    out: z.string().min(1).default('dist').describe('Output folder of the site build. Env: LIFEBOAT_OUT.'),
    /** Default role → cluster name mapping; runbooks add to or override it. */
    clusters: z.record(RoleSchema, z.string().regex(/^[a-z0-9][a-z0-9._-]*$/)).default({}).describe('Default cluster roles, e.g. { primary: prod-euw1, dr: dr-euc1 }.'),
    /** Site-wide values for `{{ name }}` placeholders. */
    vars: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/), z.string()).default({}).describe('Site-wide values for {{ name }} placeholders.'),
    /** Where the build's facts come from. */
    factsMode: z
      .enum(['snapshot', 'live', 'prefer-live'])
      .default('snapshot')
      .describe('snapshot: use the committed facts/*.json; live: collect first and fail if a cluster is unreachable; prefer-live: collect, and fall back to the last snapshot (the site says it was built on stale facts). Env: LIFEBOAT_FACTS_MODE.'),
    /** Clusters to collect in `live` and `prefer-live` modes. */
    collect: z
      .strictObject({
        kubeconfig: z.string().optional().describe('Kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or in-cluster).'),
        clusters: z.record(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/), z.string().min(1)).describe('Cluster name → kubeconfig context, e.g. { prod-euw1: arn:aws:eks:eu-west-1:…:cluster/prod }.'),
      })
      .optional()
      .describe('What `live` and `prefer-live` builds collect.'),
    /** Reading what backups contain from their buckets (`lifeboat facts`). */
    backups: z
      .strictObject({
        buckets: z
          .record(
            z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
            z.strictObject({
              profile: z.string().min(1).optional().describe('AWS shared-config profile with read access to the bucket; default: the standard AWS credential chain (environment, web identity, instance role).'),
              endpoint: z.url().optional().describe('S3 endpoint to use instead of the location\'s s3Url, which is often an in-cluster address CI cannot reach.'),
              region: z.string().min(1).optional().describe('Region of the bucket, when the location does not say.'),
            }),
          )
          .default({})
          .describe('Per cluster name: how to reach the bucket of its Velero BackupStorageLocations. Credentials never go here: name a profile.'),
        timeout: DurationSchema.default('20s').describe('Per inventory read, from connecting to the last byte.'),
        concurrency: z.int().min(1).max(32).default(4).describe('Inventories read at once, per cluster.'),
      })
      .default({ buckets: {}, timeout: '20s', concurrency: 4 })
      .describe('Velero backup inventories: read from the bucket for the newest backup of each schedule a runbook restores from (docs/backups.md).'),
    /** Facts older than this (when the page is read) get a warning banner. */
    factsMaxAge: DurationSchema.default('24h').describe('Facts older than this, at the moment a page is read, are flagged as stale.'),
    /** Thresholds and severities of the readiness checks. */
    checks: z
      .strictObject({
        reviewMaxAge: DurationSchema.default('180d').describe('`lastReviewed` older than this is a warning.'),
        drillMaxAge: DurationSchema.default('90d').describe('No game day or real recovery within this is a warning.'),
        rtoMargin: z.number().min(1).default(2).describe('The newest drill\'s duration times this must fit the RTO.'),
        stepOverrun: z.number().min(1).default(2).describe('A step measured by a drill record at more than its estimate times this is a warning (StepSlowerThanEstimate).'),
        severity: z
          .record(z.string().regex(/^[A-Z][A-Za-z]+$/), z.enum(['error', 'warning', 'off']))
          .default({})
          .describe('Per finding code: error, warning or off, e.g. { ReviewOverdue: error, NoRecentDrill: off }.'),
      })
      .default({ reviewMaxAge: '180d', drillMaxAge: '90d', rtoMargin: 2, stepOverrun: 2, severity: {} })
      .describe('Readiness checks.'),
    /** Which roles parity compares. */
    parity: z
      .strictObject({ primary: RoleSchema.default('primary'), dr: RoleSchema.default('dr') })
      .default({ primary: 'primary', dr: 'dr' })
      .describe('The two cluster roles `lifeboat parity` and the parity check compare.'),
    /** The site's look: a logo, an accent colour and the team's own stylesheets. */
    theme: z
      .strictObject({
        logo: z.string().min(1).optional().describe('Logo image shown beside the title, relative to this file, e.g. "assets/logo.svg".'),
        accent: z
          .string()
          .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as "#0b6bcb"')
          .optional()
          .describe('Accent colour of links and highlights, as "#rrggbb"; lighter and darker shades are derived for dark and light mode.'),
        css: z.array(z.string().min(1)).default([]).describe('Extra stylesheets, relative to this file, loaded after Lifeboat\'s own, e.g. ["styles/custom.css"].'),
      })
      .default({ css: [] })
      .describe('Logo, accent colour and custom CSS.'),
    /** How runbook Markdown is rendered. */
    markdown: z
      .strictObject({
        /** Let raw HTML and every link target in Markdown through unchanged. Off: both are sanitized. */
        allowHtml: z
          .boolean()
          .default(false)
          .describe('Let raw HTML (scripts included) and every link target in YAML Markdown fields through unchanged. Default false: they are sanitized against an allowlist and `check` warns about what is removed. Only for runbooks whose every author you trust.'),
      })
      .default({ allowHtml: false })
      .describe('Markdown in step and decision bodies.'),
    /** What MDX runbooks may contain. */
    mdx: z
      .strictObject({
        /** Allow any import, export and `{expression}`: MDX as a program, run at build time. */
        allowCode: z
          .boolean()
          .default(false)
          .describe('Allow any import, export, {expression} and HTML element in MDX runbooks. They run as code during `lifeboat build`, with the rights of whoever runs it (a CI job with its secrets). Default false: MDX runbooks are content, and `check` and `build` refuse code.'),
        /** Where MDX runbooks may import components from, when `allowCode` is off. */
        imports: z
          .array(z.string().min(1))
          .default(['@astrojs/starlight/components'])
          .describe('Modules MDX runbooks may import components from: package names as written in the import, or files and folders (ending in "/") relative to this file, e.g. ["@astrojs/starlight/components", "components/"]. Default: Starlight\'s components.'),
      })
      .default({ allowCode: false, imports: ['@astrojs/starlight/components'] })
      .describe('MDX runbooks: content by default, code only when allowed.'),
    /** The home page. */
    home: z
      .strictObject({
        /**
         * Runbooks listed first on the home page under "Region lost — start here", in this order.
         * Each id must name a runbook of the collection (`lifeboat check` says which does not).
         * @example ["dr-full-cluster-restore", "dns-failover"]
         */
        startHere: z
          .array(z.string().min(1))
          .default([])
          .describe('Runbook ids listed first on the home page under "Region lost — start here", in this order, e.g. [dr-full-cluster-restore, dns-failover]. Unknown ids are an error.'),
      })
      .default({ startHere: [] })
      .describe('The home page.'),
    /** Search on the site and in the offline edition. */
    search: z
      .strictObject({
        /**
         * Groups of words or phrases that mean the same to whoever searches: a page that contains
         * one member is found by any other. Matching ignores case; a phrase matches its words in a row.
         * @example [["region down", "region lost", "region outage", "failover"], ["backup", "snapshot"]]
         */
        synonyms: z
          .array(z.array(z.string().trim().min(1)).min(2))
          .default([])
          .describe('Groups of equivalent words or phrases, e.g. [["region down", "region lost", "failover"], ["backup", "snapshot"]]. A page that contains one member is found by searching for any other.'),
      })
      .default({ synonyms: [] })
      .describe('Search on the site and in the offline edition (typos are forgiven without configuration).'),
    /** Private runbooks: audiences, defaults and opaque addresses. Not used by the build yet. */
    private: PrivateConfigSchema.optional(),
    /** Link to the source of a runbook, with `{file}` for its path, e.g. a git forge's edit URL. */
    editUrl: z.string().optional().describe('Edit link for a runbook; "{file}" is replaced by its path, e.g. "https://git.example.com/sre/runbooks/edit/main/{file}".'),
  })
  .describe('Lifeboat site configuration.');

export type ConfigInput = z.input<typeof ConfigSchema>;
export type ConfigFile = z.output<typeof ConfigSchema>;

/** Settings with every path made absolute. */
export interface LifeboatConfig extends ConfigFile {
  /** Absolute path of the config file, or undefined when none was found. */
  configFile?: string;
  /** Folder relative paths in reports start from. */
  cwd: string;
  runbooksDir: string;
  factsDir: string;
  drillsDir: string;
  outDir: string;
}

/** Environment variables that override settings. */
export const ENV_OVERRIDES = {
  LIFEBOAT_RUNBOOKS: 'runbooks',
  LIFEBOAT_FACTS: 'facts',
  LIFEBOAT_DRILLS: 'drills',
  LIFEBOAT_OUT: 'out',
  LIFEBOAT_SITE: 'site',
  LIFEBOAT_TITLE: 'title',
  LIFEBOAT_FACTS_MODE: 'factsMode',
} as const;
