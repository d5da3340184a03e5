/**
 * The runbook format: one schema for YAML runbooks and for MDX frontmatter.
 *
 * It checks shape only. Rules that need other runbooks (unique ids, gotos across runbooks) or
 * configuration (cluster roles, placeholders) live in `src/validate/`; rules that need cluster
 * facts live in `src/checks/`. Every `.describe()` text flows into `runbook.schema.json`, which
 * gives authors hover help and autocompletion in their editor.
 */
import { z } from 'zod';
import { AudienceNameSchema } from '../config/private-config-schema.ts';
import { DateSchema, DurationSchema, IdSchema } from './primitives.ts';

/** A cluster role such as `primary` or `dr`, mapped to a cluster name in `clusters:`. */
export const RoleSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/)
  .describe('A cluster role such as "primary" or "dr"; `clusters:` (or the site configuration) maps it to a cluster name.');

/** Kinds of cluster resource a runbook can declare it depends on. */
export const RESOURCE_KINDS = [
  'Namespace',
  'StorageClass',
  'CustomResourceDefinition',
  'Service',
  'VolumeSnapshotClass',
  'IngressClass',
  'PriorityClass',
  'BackupStorageLocation',
  'Schedule',
  'CronJob',
] as const;
/** Kinds that live in a namespace; Velero kinds default to the `velero` namespace. */
export const NAMESPACED_KINDS = new Set(['Service', 'BackupStorageLocation', 'Schedule', 'CronJob']);

export const ContactSchema = z
  .strictObject({
    /** Person or rotation to call, e.g. `"Payments on-call"`. */
    name: z.string().min(1).describe('Person or rotation to contact, e.g. "Payments on-call".'),
    /** What they do in this incident, e.g. `"Incident commander"`. */
    role: z.string().min(1).optional().describe('Their role in the incident, e.g. "Database owner".'),
    /** Pager service or rotation id. */
    pager: z.string().min(1).optional().describe('Pager service or rotation, e.g. "pagerduty:PAYMENTS".'),
    /** Phone number, written the way it should be dialled. */
    phone: z.string().min(1).optional().describe('Phone number, as it should be dialled, e.g. "+44 20 7946 0000".'),
    /** Chat channel, e.g. `"#inc-payments"`. */
    chat: z.string().min(1).optional().describe('Chat channel or handle, e.g. "#inc-payments".'),
    /** E-mail address. */
    email: z.string().min(1).optional().describe('E-mail address.'),
    /** Escalate to this contact when the previous one has not answered after this long. */
    after: DurationSchema.optional().describe('Escalate to this contact when the previous one has not answered after this long, e.g. "15m".'),
  })
  .describe('A contact in the escalation chain, in the order to try them.');

export const CommandSchema = z
  .strictObject({
    /** The exact command to run. Multi-line commands and heredocs are kept byte for byte. */
    run: z.string().min(1).describe('The exact command; multi-line commands and heredocs are kept byte for byte. `{{ name }}` placeholders are filled from `vars`.'),
    /** What good output looks like, so the on-call can tell success from failure. */
    expect: z.string().optional().describe('What good output looks like, shown under the command.'),
    /** Cluster role the command runs against. */
    cluster: RoleSchema.optional(),
    /** Marks a command that deletes, overwrites or fails over; the site asks before copying it. */
    destructive: z.boolean().optional().describe('True for commands that delete, overwrite or fail over; shown with a warning and confirmed before copying.'),
    /** One line on what the command does, shown above it. */
    description: z.string().min(1).optional().describe('One line on what the command does, shown above it.'),
  })
  .describe('A command to run, with its expected output.');

export const StepSchema = z
  .strictObject({
    /** Anchor and goto target: `#step-<id>`. */
    id: IdSchema,
    /** Imperative title, e.g. `"Scale the API to zero"`. */
    title: z.string().min(1).describe('Imperative title, e.g. "Scale the API to zero".'),
    /** How long this step usually takes. */
    estimate: DurationSchema.optional().describe('How long the step usually takes, e.g. "5m".'),
    /** Markdown shown before the commands. */
    body: z.string().optional().describe('Markdown explaining the step; shown before its commands.'),
    /** Commands in the order to run them. */
    commands: z.array(CommandSchema).optional().describe('Commands in the order to run them.'),
  })
  .describe('One step: a title, an estimate, an explanation and the commands to run.');

export const AnswerSchema = z
  .strictObject({
    /** The answer as the on-call would say it, e.g. `"Yes"` or `"Pods are Pending"`. */
    label: z.string().min(1).describe('The answer, e.g. "Yes" or "Pods are Pending".'),
    /** Id of a step or decision in this runbook (or in `runbook`, when set). */
    goto: IdSchema.optional().describe('Id of a step or decision to continue with; in another runbook when `runbook` is set.'),
    /** Id of another runbook to continue in. */
    runbook: IdSchema.optional().describe('Id of another runbook to continue in.'),
    /** Where the path ends, e.g. `"Resolved: close the incident"`. */
    outcome: z.string().min(1).optional().describe('Text that ends this path, e.g. "Resolved: close the incident".'),
  })
  .describe('An answer: where to go next (goto, runbook) or how the path ends (outcome).');

export const DecisionSchema = z
  .strictObject({
    id: IdSchema,
    /** A yes/no or multiple-choice question the on-call can answer from what they see. */
    question: z.string().min(1).describe('A question the on-call can answer from what they see.'),
    /** Markdown with how to find the answer, e.g. the command to look. */
    body: z.string().optional().describe('Markdown on how to find the answer.'),
    answers: z.array(AnswerSchema).min(1).describe('Possible answers, each leading somewhere.'),
  })
  .describe('A decision-tree node. The first decision is the root of the tree.');

export const RequirementSchema = z
  .strictObject({
    /** Resource kind. */
    kind: z.enum(RESOURCE_KINDS).describe('Kind of cluster resource this runbook depends on.'),
    /** Resource name, e.g. `"gp3-csi"` or `"backups.velero.io"`. */
    name: z.string().min(1).describe('Resource name, e.g. "gp3-csi" or "backups.velero.io".'),
    /** Namespace, for namespaced kinds. Velero kinds default to `velero`. */
    namespace: z.string().min(1).optional().describe('Namespace, for Service and CronJob (required), BackupStorageLocation and Schedule (default "velero").'),
    /** Cluster role where it must exist. */
    cluster: RoleSchema,
    /** For a Service: the fewest ready endpoints that count as healthy. */
    minReadyEndpoints: z.int().min(1).optional().describe('For a Service: the fewest ready endpoints that count as available (default 1).'),
    /** For a CronJob: it makes the backup this runbook restores, so its runs must meet the runbook's RPO. */
    backup: z.boolean().optional().describe('For a CronJob: it makes the backup this runbook restores (an etcd snapshot, a pg_dump), so its newest successful run must be younger than the rpo and its recent runs must not be failing.'),
    /** Why the runbook needs it; shown when it is missing. */
    why: z.string().min(1).optional().describe('Why the runbook needs it; shown next to a finding.'),
  })
  .describe('A cluster resource the runbook relies on, checked against collected facts.');

export const DrillSchema = z
  .strictObject({
    /** Day of the drill or real recovery. */
    date: DateSchema,
    /** Measured time from start to verified recovery. */
    duration: DurationSchema.describe('Measured time from start to verified recovery, e.g. "42m".'),
    /** `pass`: recovered within RTO; `partial`: recovered with gaps; `fail`: not recovered. */
    result: z.enum(['pass', 'partial', 'fail']).describe('pass: recovered as written; partial: recovered with workarounds; fail: not recovered.'),
    /** Kind of exercise. */
    kind: z.enum(['game-day', 'tabletop', 'incident']).optional().describe('game-day (real restore), tabletop (walk-through) or incident (real event).'),
    /** What was learned, links to the postmortem. */
    notes: z.string().optional().describe('What was learned; link the postmortem.'),
  })
  .describe('A tested recovery.');

/** Runbook fields, shared by YAML runbooks and MDX frontmatter. */
export const RunbookSchema = z
  .strictObject({
    /** JSON Schema reference for editors; ignored by Lifeboat. */
    $schema: z.string().optional().describe('JSON Schema reference for editors; ignored by Lifeboat.'),
    /** Unique across all runbooks; the page lives at `/runbooks/<id>/`. */
    id: IdSchema.describe('Unique across all runbooks; the page is /runbooks/<id>/. Keep it stable.'),
    /** What the runbook recovers, e.g. `"Restore a deleted namespace from Velero"`. */
    title: z.string().min(1).describe('What the runbook does, e.g. "Restore a deleted namespace from Velero".'),
    /** One or two sentences: when to use this runbook. */
    summary: z.string().min(1).optional().describe('When to use this runbook, in one or two sentences. Shown in lists and search results.'),
    /** Service it belongs to; the site groups runbooks by service. */
    service: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('Service the runbook belongs to, e.g. "payments-api"; the site groups runbooks by it.'),
    /** Criticality of the service: 0 (most critical) to 3. */
    tier: z.int().min(0).max(3).describe('Criticality of the service: 0 (the business stops) to 3 (can wait).'),
    /** Teams that own and maintain the runbook. */
    owners: z.array(z.string().min(1)).min(1).describe('Teams that own and maintain this runbook.'),
    /** Contacts in the order to try them. */
    escalation: z.array(ContactSchema).min(1).describe('Escalation contacts, in the order to try them.'),
    /** Free-form tags for search. */
    tags: z.array(z.string().min(1)).optional().describe('Free-form tags, used by search.'),
    /** Date of the last review or game day. */
    lastReviewed: DateSchema.describe('Date of the last review, YYYY-MM-DD.'),
    /** Recovery time objective. */
    rto: DurationSchema.describe('Recovery time objective: the longest acceptable outage, e.g. "1h".'),
    /** Recovery point objective. */
    rpo: DurationSchema.describe('Recovery point objective: the most data loss acceptable, e.g. "15m", or "0".'),
    /** Roles mapped to cluster names; overrides the site default. */
    clusters: z.record(RoleSchema, z.string().regex(/^[a-z0-9][a-z0-9._-]*$/)).optional().describe('Cluster roles mapped to cluster names (facts/<name>.json); adds to or overrides the site default.'),
    /** Values for `{{ name }}` placeholders in commands and text. */
    vars: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/), z.string()).optional().describe('Values for {{ name }} placeholders in commands, expected output and text.'),
    /** Cluster resources this runbook relies on. */
    requires: z.array(RequirementSchema).optional().describe('Cluster resources this runbook relies on; `lifeboat check` verifies them against collected facts.'),
    /** Checks before starting: access, backups present, blast radius. */
    prechecks: z.array(StepSchema).optional().describe('Checks before starting: access, backups, blast radius.'),
    /** The recovery procedure. */
    steps: z.array(StepSchema).optional().describe('The recovery procedure, in order. MDX runbooks may write their steps in the body instead.'),
    /** How to confirm the recovery worked. */
    verify: z.array(StepSchema).optional().describe('How to confirm the recovery worked.'),
    /** How to undo the procedure if it makes things worse. */
    rollback: z.array(StepSchema).optional().describe('How to back out if the procedure makes things worse.'),
    /** Decision tree; the first node is the root. */
    decisions: z.array(DecisionSchema).optional().describe('Decision tree for diagnosis; the first node is the root.'),
    /** Tested recoveries, newest first or in any order. */
    drills: z.array(DrillSchema).optional().describe('History of drills and real recoveries.'),
    /** Observed Velero restores measure this runbook's recovery time (it restores and does nothing else). */
    rtoFromRestores: z
      .boolean()
      .optional()
      .describe('The runbook is a Velero restore and little else: a successful restore of a backup it restores from, observed in a cluster, stands for a drill in the RTO check (its duration against the rto). Default false: observed restores only prove that restores worked recently (NoRecentDrill).'),
    /** `private`: published encrypted, readable by its audiences (docs/private-runbooks.md). */
    visibility: z
      .enum(['public', 'private'])
      .optional()
      .describe('private: published encrypted, readable only with the passphrase of one of its audiences. Default: its folder\'s setting in private.folders, else private.defaultVisibility, else public.'),
    /** Audiences (private.audiences) that may read this runbook when it is private. */
    audiences: z
      .array(AudienceNameSchema)
      .min(1)
      .optional()
      .describe('Audiences (named under private.audiences in lifeboat.config.yaml) whose passphrase unlocks this runbook when it is private, e.g. [sre, payments].'),
    /** Ids of runbooks to read next. */
    related: z.array(IdSchema).optional().describe('Ids of related runbooks, linked at the end of the page.'),
    /** Runbooks that run before this one; what their restores bring back counts as present. */
    after: z
      .array(IdSchema)
      .optional()
      .describe('Ids of runbooks this one follows (e.g. the restore it troubleshoots): namespaces their Velero restores bring back count as present when this runbook\'s commands are checked.'),
  })
  .describe('A Lifeboat disaster-recovery runbook.');

/** What authors write. */
export type RunbookInput = z.input<typeof RunbookSchema>;
/** What code sees after validation (durations normalised to strings). */
export type RunbookData = z.output<typeof RunbookSchema>;
export type Step = z.output<typeof StepSchema>;
export type Command = z.output<typeof CommandSchema>;
export type Decision = z.output<typeof DecisionSchema>;
export type Answer = z.output<typeof AnswerSchema>;
export type Requirement = z.output<typeof RequirementSchema>;
export type Drill = z.output<typeof DrillSchema>;
export type Contact = z.output<typeof ContactSchema>;

/** The four step sections, in reading order. */
export const STEP_SECTIONS = ['prechecks', 'steps', 'verify', 'rollback'] as const;
export type StepSection = (typeof STEP_SECTIONS)[number];
