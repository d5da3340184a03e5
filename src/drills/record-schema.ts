/**
 * A drill record: what one game day, tabletop or real recovery measured, step by step. Written by
 * the page's drill mode (or incident mode's export), filed by `lifeboat drill add` as
 * `drills/<runbook-id>/<date>-<kind>.yaml`, one file per drill so that two teams never edit the
 * same file, and read by the gate in place of a duration typed in after the fact.
 */
import { z } from 'zod';
import { IdSchema } from '../schema/primitives.ts';

/** A moment, ISO 8601 with a time zone (`Z` or an offset): records travel between time zones. */
const TimeSchema = z.iso.datetime({ offset: true }).describe('A moment with its time zone, e.g. "2026-11-28T09:14:03Z".');

export const DrillStepSchema = z
  .strictObject({
    /** The step's id in the runbook. */
    id: IdSchema.describe('The step\'s id in the runbook (its anchor on the page is "step-<id>").'),
    /** When the step was started; a skipped step may leave it out. */
    start: TimeSchema.optional().describe('When the step was started. A skipped step may leave it out.'),
    /** When the step was finished, failed or skipped. */
    end: TimeSchema.describe('When the step was finished, failed or skipped.'),
    /** How the step ended. */
    outcome: z.enum(['done', 'failed', 'skipped']).describe('done, failed or skipped.'),
    /** What the operator noted. */
    note: z.string().optional().describe('What the operator noted at this step.'),
  })
  .describe('One step as the drill ran it.');

export const DrillAnswerSchema = z
  .strictObject({
    /** The decision's id in the runbook. */
    decision: IdSchema.describe('The decision\'s id in the runbook.'),
    /** The answer's label, as the page showed it. */
    answer: z.string().min(1).describe('The answer taken, as the page showed it.'),
    /** When it was answered. */
    at: TimeSchema.optional().describe('When the answer was taken.'),
  })
  .describe('One answer taken in the decision tree.');

export const DrillRecordSchema = z
  .strictObject({
    /** JSON Schema reference for editors; ignored by Lifeboat. */
    $schema: z.string().optional().describe('JSON Schema reference for editors; ignored by Lifeboat.'),
    /** Format version of this file. */
    version: z.literal(1).describe('Format version of drill records: 1.'),
    /** The runbook the drill ran. */
    runbook: IdSchema.describe('The id of the runbook the drill ran.'),
    /** The build of the site it was read from (the build id the page's footer shows). */
    build: z.string().min(1).optional().describe('The build of the site the runbook was read from, as its footer shows it.'),
    /** `game-day` and `incident` measure a recovery; a `tabletop` walk-through does not. */
    kind: z.enum(['game-day', 'tabletop', 'incident']).describe('game-day (a real restore), tabletop (a walk-through: measures nothing) or incident (a real recovery).'),
    /** Who ran it. */
    who: z.array(z.string().min(1)).min(1).describe('Who ran it, e.g. ["Ana (SRE)", "Raj (payments)"].'),
    /** Role → cluster the drill ran against. */
    clusters: z.record(z.string().min(1), z.string().min(1)).optional().describe('Which cluster each role stood for, e.g. { primary: prod-euw1, dr: dr-euw1 }.'),
    /** When the drill started. */
    startedAt: TimeSchema.describe('When the drill started.'),
    /** When the recovery was verified, or the drill stopped. */
    endedAt: TimeSchema.describe('When the recovery was verified, or the drill stopped.'),
    /** `pass`: recovered as written; `partial`: with workarounds; `fail`: not recovered. */
    result: z.enum(['pass', 'partial', 'fail']).describe('pass: recovered as written; partial: recovered with workarounds; fail: not recovered.'),
    /** Every step the drill reached, in the order they ended. */
    steps: z.array(DrillStepSchema).describe('The steps the drill reached.'),
    /** The answers taken through the decision tree, in order. */
    path: z.array(DrillAnswerSchema).optional().describe('The path taken through the decision tree, in order.'),
    /** What was learned; a link to the postmortem. */
    notes: z.string().optional().describe('What was learned; link the postmortem.'),
  })
  .describe('A Lifeboat drill record: one drill or real recovery, measured step by step.');

export type DrillRecordInput = z.input<typeof DrillRecordSchema>;
export type DrillRecord = z.output<typeof DrillRecordSchema>;
