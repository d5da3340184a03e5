/** The child process of finish-pages.ts: input as JSON on stdin, the file hashes as JSON on stdout. */
import { text } from 'node:stream/consumers';
import { writeOfflineEdition } from '../offline/build-offline-edition.ts';
import { hashFiles } from './build-manifest.ts';
import type { FinishPagesInput } from './finish-pages.ts';

const { dir, offline } = JSON.parse(await text(process.stdin)) as FinishPagesInput;
await writeOfflineEdition(dir, offline);
process.stdout.write(JSON.stringify(await hashFiles(dir)));
