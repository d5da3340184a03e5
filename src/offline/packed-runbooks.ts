/**
 * The runbooks of the offline edition travel as one gzip-compressed JSON document, base64-encoded
 * in a script element: 1,000 runbooks' HTML is ~25 MB as markup and ~2 MB packed, because every
 * runbook repeats the same markup. The browser unpacks it with DecompressionStream.
 */
import { gzipSync } from 'node:zlib';
import type { ExtractedRunbook } from './extract-runbook.ts';

export type PackedRunbook = ExtractedRunbook;

export function packRunbooks(runbooks: readonly PackedRunbook[]): string {
  return gzipSync(JSON.stringify(runbooks), { level: 9 }).toString('base64');
}
