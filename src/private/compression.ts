/**
 * gzip through the Compression Streams API (Node 18+, Chrome 80+, Firefox 113+, Safari 16.4+).
 * Pages are compressed before they are padded and sealed: ciphertext is random and does not
 * compress, so without this a private page would cost four or five times a public one to load.
 * Compressing secrets is only a risk when an attacker can add text of their choosing next to
 * them and watch the length (CRIME); a page's plaintext is written by its authors alone.
 */

/** `data`, gzipped. */
export function gzip(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return through(data, new CompressionStream('gzip'));
}

/** `data`, gunzipped. Rejects on data that is not gzip. */
export function gunzip(data: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return through(data, new DecompressionStream('gzip'));
}

async function through(data: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([data]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
