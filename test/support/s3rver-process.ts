/**
 * Child-process entry of a local S3 server (s3rver 3.7.1) on 127.0.0.1 and a random free port.
 * Runs under `node --openssl-legacy-provider`: s3rver's ListObjectsV2 continuation tokens use DES.
 * Prints `{"port":N}` once listening; exits when its parent goes away (stdin closes).
 */
import { createRequire } from 'node:module';

const S3rver = createRequire(import.meta.url)('s3rver') as new (options: object) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};

const directory = process.argv[2];
if (!directory) throw new Error('usage: s3rver-process.ts DIRECTORY');
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on('close', () => void server.close().finally(() => process.exit(0)));
