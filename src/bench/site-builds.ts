/**
 * The sites one `npm run bench` builds, shared by the entries that read them: `build` and
 * `growth` time Lifeboat at a size once, and `page-weight` and `search` read that same output
 * instead of building again (they build once, untimed, when run alone). Everything lives in one
 * temporary folder, removed by `dispose()`.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { measure, measureRuns, type Measurement } from './measure.ts';
import type { PeerOptions, SiteTool } from './sites/site-tool.ts';

export interface SiteBuild {
  tool: SiteTool;
  size: number;
  /** The built site. */
  out: string;
  /** Median wall time and highest peak RSS of the timed runs; absent when built once, untimed. */
  timing?: Measurement & { runs: number[] };
}

/** A tool that could not be built here, and why. */
export interface SkippedSite {
  skipped: string;
}

export class SiteBuilds {
  readonly #ready = new Map<string, Promise<string | undefined>>();
  readonly #prepared = new Map<string, Promise<void>>();
  readonly #builds = new Map<string, SiteBuild | SkippedSite>();

  readonly work: string;
  readonly runs: number;
  readonly log: (line: string) => void;
  readonly peers: PeerOptions;

  /**
   * Builds in `work` (a folder of its own), `runs` timed builds a measurement, progress to `log`.
   * `peers.install` false: a peer that is not installed is skipped rather than installed.
   */
  constructor(work: string, runs: number, log: (line: string) => void, peers: PeerOptions = { install: true }) {
    this.work = work;
    this.runs = runs;
    this.log = log;
    this.peers = peers;
  }

  /**
   * The site `tool` builds from `size` runbooks. `timed`: measured over `runs` builds (reused
   * when already measured); otherwise any existing build will do. A peer that cannot be
   * installed or fails to build comes back skipped, with the reason; Lifeboat failing throws.
   */
  async build(tool: SiteTool, size: number, { timed }: { timed: boolean }): Promise<SiteBuild | SkippedSite> {
    const key = `${tool.key}-${size}`;
    const known = this.#builds.get(key);
    if (known && (!isBuilt(known) || known.timing || !timed)) return known;
    if (!this.#ready.has(tool.key)) this.#ready.set(tool.key, tool.ready((line) => this.log(`${tool.name}: ${line}`), this.peers));
    const notReady = await this.#ready.get(tool.key);
    if (notReady) return { skipped: notReady };

    const dir = join(this.work, key);
    if (!this.#prepared.has(key)) {
      this.log(`${tool.name}: writing ${size} runbooks…`);
      this.#prepared.set(key, mkdir(dir, { recursive: true }).then(() => tool.prepare(dir, size)));
    }
    await this.#prepared.get(key);
    const out = join(dir, 'out');
    const { command, args, cache, ...options } = tool.command(dir, out);
    const once = async () => {
      await rm(out, { recursive: true, force: true });
      if (cache) await rm(cache, { recursive: true, force: true });
      return measure(command, args, options);
    };
    this.log(`${tool.name}: building ${size} runbooks${timed ? ` (${this.runs} timed run${this.runs === 1 ? '' : 's'})` : ''}…`);
    try {
      const build: SiteBuild = { tool, size, out, ...(timed ? { timing: await measureRuns(this.runs, once) } : {}) };
      if (!timed) {
        const result = await once();
        if (result.code !== 0) throw new Error(`exit ${result.code}:\n${result.stderr.slice(-2000)}`);
      }
      this.#builds.set(key, build);
      return build;
    } catch (error) {
      if (tool.key === 'lifeboat') throw error;
      const skipped = { skipped: `its build failed: ${failureLine((error as Error).message)}` };
      this.#builds.set(key, skipped);
      return skipped;
    }
  }

  /** Removes every project and output this run wrote. */
  async dispose(): Promise<void> {
    await rm(this.work, { recursive: true, force: true });
  }
}

/** The line of a failed build's output that says what went wrong: the last one that is not part of a stack trace. */
export function failureLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l && !/^at\s/.test(l) && !/^(Stack trace|Traceback)/.test(l));
  return lines.at(-1) ?? 'no output';
}

/** True when `site` was built (not skipped). */
export const isBuilt = (site: SiteBuild | SkippedSite): site is SiteBuild => !('skipped' in site);
