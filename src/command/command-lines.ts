/**
 * A command as the page shows it: its exact text, cut into the lines a shell reads, each a run
 * of pieces, some of them values filled in from the cluster facts. The page marks those values
 * and each real line; the pieces always join back to the text the copy button copies.
 */
import { FACT_PLACEHOLDER } from '../facts/fact-placeholders.ts';
import { fillPieces, type PlaceholderScope } from '../load/placeholders.ts';

/** Where a filled-in value came from: a facts snapshot of one cluster. */
export interface FactOrigin {
  /** The placeholder, e.g. `facts.primary.lastBackup.payments-hourly`. */
  name: string;
  cluster: string;
  /** When the snapshot was collected (ISO 8601). */
  collectedAt: string;
}

export interface CommandPiece {
  text: string;
  /** Set when the text is a value read from the cluster facts. */
  fact?: FactOrigin;
}

/** Filled text of a command and its lines; `lines` joined with `\n` is `run`. */
export interface CommandLines {
  run: string;
  lines: CommandPiece[][];
}

/** Snapshot time of each cluster's facts, by cluster role. */
export type FactTimes = Readonly<Record<string, { cluster: string; collectedAt: string } | undefined>>;

/**
 * Fills `text` and cuts it into lines. Trailing whitespace goes (a YAML `|` block ends in a
 * newline, and a command pasted with one would run before the on-call presses Enter).
 */
export function commandLines(text: string, scope: PlaceholderScope, factTimes: FactTimes): CommandLines {
  const pieces: CommandPiece[] = fillPieces(text, scope).map(({ text: t, name }) => {
    const role = name === undefined ? undefined : FACT_PLACEHOLDER.exec(name)?.[1];
    const origin = role === undefined ? undefined : factTimes[role];
    return origin ? { text: t, fact: { name: name!, ...origin } } : { text: t };
  });
  const run = pieces.map((p) => p.text).join('').replace(/\s+$/, '');
  let left = run.length;
  const lines: CommandPiece[][] = [[]];
  for (const piece of pieces) {
    if (left <= 0) break;
    const kept = piece.text.slice(0, left);
    left -= kept.length;
    kept.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ ...piece, text: part });
    });
  }
  return { run, lines };
}
