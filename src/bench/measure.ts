/**
 * Runs a command and measures it: wall time, and peak resident memory of the largest process in
 * its tree (the kernel's `ru_maxrss` for waited-for children, read through a tiny Python
 * wrapper because Node does not expose a child's rusage). Works for Node scripts and for peers
 * (kubectl, hugo, mkdocs) alike.
 */
import { spawn, spawnSync } from 'node:child_process';

export interface Measurement {
  code: number | null;
  wallMs: number;
  /** Peak RSS in MB, or undefined where it cannot be measured (no python3). */
  peakRssMb?: number;
  stdout: string;
  stderr: string;
}

const WRAPPER = [
  'import resource, subprocess, sys, time',
  't = time.monotonic()',
  'p = subprocess.run(sys.argv[1:])',
  'w = (time.monotonic() - t) * 1000',
  'print(f"\\n@@lifeboat-measure {p.returncode} {w:.1f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}", file=sys.stderr)',
  'sys.exit(p.returncode)',
].join('\n');

let python: string | null | undefined;
function findPython(): string | null {
  if (python !== undefined) return python;
  python = spawnSync('python3', ['-c', 'import resource'], { stdio: 'ignore' }).status === 0 ? 'python3' : null;
  return python;
}

export function measure(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Measurement> {
  const py = findPython();
  const [cmd, argv] = py ? [py, ['-c', WRAPPER, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30 * 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const marker = /\n@@lifeboat-measure (-?\d+) ([\d.]+) (\d+)\n?$/.exec(stderr);
      if (marker) {
        stderr = stderr.slice(0, marker.index);
        resolve({ code: Number(marker[1]), wallMs: Number(marker[2]), peakRssMb: Number(marker[3]) / 1024, stdout, stderr });
      } else {
        resolve({ code, wallMs: performance.now() - started, stdout, stderr });
      }
    });
  });
}

/** Median of numbers (the middle run, or the mean of the two middle ones). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Runs `times` measurements and keeps the median wall time and the highest peak RSS. */
export async function measureRuns(times: number, run: () => Promise<Measurement>): Promise<Measurement & { runs: number[] }> {
  const results: Measurement[] = [];
  for (let i = 0; i < times; i++) {
    const result = await run();
    if (result.code !== 0) throw new Error(`benchmark run failed (exit ${result.code}):\n${result.stderr.slice(-2000)}`);
    results.push(result);
  }
  const rss = results.map((r) => r.peakRssMb).filter((v): v is number => v !== undefined);
  return {
    ...results.at(-1)!,
    wallMs: median(results.map((r) => r.wallMs)),
    ...(rss.length ? { peakRssMb: Math.max(...rss) } : {}),
    runs: results.map((r) => r.wallMs),
  };
}
