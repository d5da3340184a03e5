/**
 * For the entries that read built sites rather than time them (page-weight, search): a figure
 * read off Lifeboat's site and off plain Starlight's for the same runbooks, each built once if
 * no entry built it yet.
 */
import type { BenchContext } from './bench-entry.ts';
import { isBuilt } from './site-builds.ts';
import { lifeboatSite } from './sites/lifeboat.ts';
import { starlightSite } from './sites/starlight.ts';

/** The figure from both sites; plain Starlight's may be missing, with the reason. */
export interface BothSites<T> {
  ours: T;
  starlight: T | { skipped: string };
}

/**
 * Applies `read` to Lifeboat's and plain Starlight's sites of `size` runbooks. `read` gives
 * undefined when the site lacks what it measures (`what`, e.g. "runbook pages"); for Lifeboat
 * that is an error, for the peer a reason.
 */
export async function readBothSites<T>(ctx: BenchContext, size: number, what: string, read: (site: string) => Promise<T | undefined>): Promise<BothSites<T>> {
  const ours = await ctx.sites.build(lifeboatSite, size, { timed: false });
  const figure = isBuilt(ours) ? await read(ours.out) : undefined;
  if (figure === undefined) throw new Error(`The Lifeboat site for ${size} runbooks has no ${what}.`);
  const peer = await ctx.sites.build(starlightSite, size, { timed: false });
  if (!isBuilt(peer)) return { ours: figure, starlight: peer };
  return { ours: figure, starlight: (await read(peer.out)) ?? { skipped: `no ${what}` } };
}

/** True when plain Starlight's figure is there. */
export const hasFigure = <T extends object>(figure: T | { skipped: string }): figure is T => !('skipped' in figure);
