/**
 * Runs a command and measures its whole process tree, sampled from /proc: a script that starts
 * Chromium is the script plus every browser process, which the largest process alone (what
 * measure.ts reports) would understate. RSS counts shared pages once per process that maps them (Chromium's
 * processes share much), so it errs high; PSS splits them and is what the tree really uses.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { Measurement } from './measure.ts';

/** A measurement of a whole process tree. */
export interface TreeMeasurement extends Measurement {
  /** Highest sum of the tree's resident set sizes seen, in MB (shared pages counted in every process). */
  peakRssMb: number;
  /** Highest sum of the tree's proportional set sizes: memory really used, shared pages counted once. */
  peakPssMb: number;
  /** CPU time of the tree (user + system, last sample of each process); other load does not inflate it. */
  cpuMs: number;
}

const PAGE_BYTES = 4096;
/** Kernel clock ticks per second (USER_HZ), 100 on Linux. */
const TICKS = 100;

/**
 * Resident bytes of `root` and its descendants right now (RSS, and PSS: shared pages split
 * between the processes that share them), and CPU ticks used so far by each process.
 */
export function sampleTree(root: number): { rssBytes: number; pssBytes: number; cpuTicks: Map<number, number> } {
  const stats = new Map<number, string[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command name (field 2) may hold spaces: split what follows its closing parenthesis.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      stats.set(Number(name), stat.slice(stat.lastIndexOf(')') + 2).split(' '));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, fields] of stats) {
      if (tree.has(Number(fields[1])) && !tree.has(pid)) grew = tree.add(pid).size > 0;
    }
  }
  let rssBytes = 0;
  let pssBytes = 0;
  const cpuTicks = new Map<number, number>();
  for (const pid of tree) {
    const fields = stats.get(pid);
    if (!fields) continue;
    // Fields 14 and 15 (utime, stime) and 24 (rss, in pages), counted from field 3 here.
    cpuTicks.set(pid, Number(fields[11]) + Number(fields[12]));
    rssBytes += Number(fields[21]) * PAGE_BYTES;
    try {
      pssBytes += Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // Gone already, or a kernel without smaps_rollup.
    }
  }
  return { rssBytes, pssBytes, cpuTicks };
}

/** Runs `command` and samples its process tree every `sampleMs` (100) until it exits. */
export function measureTree(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; sampleMs?: number } = {}): Promise<TreeMeasurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peak = 0;
    let peakPss = 0;
    const cpu = new Map<number, number>();
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const sample = () => {
      if (child.pid === undefined || process.platform !== 'linux') return;
      const now = sampleTree(child.pid);
      peak = Math.max(peak, now.rssBytes);
      peakPss = Math.max(peakPss, now.pssBytes);
      for (const [pid, ticks] of now.cpuTicks) cpu.set(pid, Math.max(cpu.get(pid) ?? 0, ticks));
    };
    const timer = setInterval(sample, options.sampleMs ?? 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const cpuMs = ([...cpu.values()].reduce((n, t) => n + t, 0) * 1000) / TICKS;
      resolve({ code, wallMs: performance.now() - started, peakRssMb: peak / 1048576, peakPssMb: peakPss / 1048576, cpuMs, stdout, stderr });
    });
  });
}
