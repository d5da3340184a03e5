/**
 * The child process of diagram-prelayout.ts: reads a JSON array of Mermaid sources on stdin and
 * puts each diagram into the cache, in the order of the runbooks.
 */
import { text } from 'node:stream/consumers';
import { diagramFor } from './diagram-cache.ts';

for (const source of JSON.parse(await text(process.stdin)) as string[]) diagramFor(source);
