/** The child process of finish-pages.ts: input as JSON on stdin, the file hashes as JSON on stdout. */
import { text } from 'node:stream/consumers';
import { writeOfflineEdition } from '../offline/build-offline-edition.ts';
import { hashFiles } from './build-manifest.ts';
import type { FinishPagesInput } from './finish-pages.ts';

try {
  const { dir, offline } = JSON.parse(await text(process.stdin)) as FinishPagesInput;
  await writeOfflineEdition(dir, offline);
  process.stdout.write(JSON.stringify(await hashFiles(dir)));
} catch (error) {
  // The parent words the failure (and shows the stack only with --verbose): hand it both as data,
  // not as Node's report of an uncaught error, which prints source lines.
  const { name = 'Error', message = String(error), stack = undefined } = error instanceof Error ? error : {};
  process.stderr.write(JSON.stringify({ name, message, stack }));
  process.exitCode = 1;
}
