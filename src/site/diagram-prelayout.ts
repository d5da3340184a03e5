/**
 * Decision diagrams laid out ahead of rendering, in a second process, while this one starts
 * Astro and bundles the site (~8 s at 1,000 runbooks in which the second core is mostly idle).
 * Laying out is the largest part of rendering a cold build (~15 ms per diagram, 437 diagrams at
 * 1,000 runbooks). The child writes into the diagram cache (diagram-cache.ts); rendering reads
 * what is there and lays out what is not yet, so the result never depends on the race, only
 * the time does. (Worker threads in this process were measured and gave nothing.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { typescriptNodeArgs } from '../cli/typescript-hooks.js';
import type { Runbook } from '../load/runbook-model.ts';
import { decisionsToMermaid } from './decision-diagram.ts';
import { toRunbookEntry } from './runbook-entry.ts';
import { buildRunbookView, type ViewContext } from './runbook-view.ts';

/** The Mermaid source of every runbook's decision tree, as its page will ask for it. */
export function decisionSources(runbooks: readonly Runbook[], ctx: ViewContext): string[] {
  const sources = runbooks.flatMap((runbook) => {
    if (!runbook.data.decisions?.length) return [];
    const { decisions } = buildRunbookView(toRunbookEntry(runbook), ctx);
    return decisions.length ? [decisionsToMermaid(decisions)] : [];
  });
  return [...new Set(sources)];
}

/**
 * Starts laying out `sources` in a child process. `stop()` ends it (what it drew so far stays
 * cached); `done` settles when it has exited, either way.
 */
export function startDiagramPrelayout(sources: readonly string[]): { stop(): void; done: Promise<void> } {
  if (sources.length === 0) return { stop: () => undefined, done: Promise.resolve() };
  let child: ChildProcess | undefined;
  try {
    child = spawn(process.execPath, [...typescriptNodeArgs(), fileURLToPath(new URL('./diagram-prelayout-child.ts', import.meta.url))], {
      stdio: ['pipe', 'ignore', 'ignore'],
      env: process.env,
    });
  } catch {
    // Best effort throughout: if the child cannot start or dies, rendering lays everything out.
    return { stop: () => undefined, done: Promise.resolve() };
  }
  const done = new Promise<void>((settle) => {
    child.on('error', () => settle());
    child.on('exit', () => settle());
  });
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(JSON.stringify(sources));
  return { stop: () => void child.kill(), done };
}
