// @ts-check
/**
 * Runs a command in a worker thread whose young generation is capped. `lifeboat facts` parses
 * thousands of list pages whose objects all live until their page is reduced; V8 answers that by
 * growing the young generation to its maximum (~100 MB here, sized from the machine's memory),
 * which is committed memory the command never needs at once. A worker is the only way to set that
 * cap from inside the process (`v8.setFlagsFromString` is too late once the heap exists; a second
 * process would add its own footprint). Measured on the bench's large-CRD cluster, 4 runs each:
 * peak RSS 274–292 MB in the main thread, 221–236 MB in a worker capped at 16 MB, same wall time.
 */
import { Worker } from 'node:worker_threads';

/**
 * @param {URL} entry the command's module
 * @param {string[]} args its arguments
 * @param {{ command: string, verbose: boolean, youngGenerationMb: number }} options
 * @returns {Promise<void>} settles when the worker has ended; its exit code becomes the process's
 */
export function runInWorker(entry, args, { command, verbose, youngGenerationMb }) {
  const worker = new Worker(new URL('./worker-entry.js', import.meta.url), {
    argv: args,
    workerData: { entry: entry.href, command, verbose },
    resourceLimits: { maxYoungGenerationSizeMb: youngGenerationMb },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => {
      process.exitCode ||= code;
      resolve();
    });
  });
}
