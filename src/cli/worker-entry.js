// @ts-check
/**
 * The first module of a command's worker thread (command-worker.js): the same TypeScript hook,
 * compile cache and crash report as the main thread, then the command itself, which reads its
 * flags from process.argv (the worker's argv) and may end the thread with process.exit.
 */
import { workerData } from 'node:worker_threads';
import './typescript-hooks.js';
import { useCompileCache } from './compile-cache.js';
import { reportCrash } from './start-cli.js';

const { entry, command, verbose } = /** @type {{ entry: string, command: string, verbose: boolean }} */ (workerData);
const crash = (/** @type {unknown} */ error) => reportCrash(command, error, verbose);
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
useCompileCache();
try {
  await import(entry);
} catch (error) {
  crash(error);
}
