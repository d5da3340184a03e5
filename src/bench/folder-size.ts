/** Size of a built site: bytes and files in all, and bytes per top-level entry (to see which part grows). */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface FolderSize {
  bytes: number;
  files: number;
  /** Bytes under each top-level file or folder, e.g. `{ "runbooks": 7_900_000, "sw.js": 116_000 }`. */
  parts: Record<string, number>;
}

/** Every file below `dir` (paths relative to it, `/`-separated), with its size. */
export async function listFiles(dir: string): Promise<{ path: string; bytes: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return files.map((file, i) => ({ path: file.slice(dir.length + 1), bytes: sizes[i]! }));
}

export async function measureFolder(dir: string): Promise<FolderSize> {
  const files = await listFiles(dir);
  const parts: Record<string, number> = {};
  for (const f of files) {
    const top = f.path.split('/')[0]!;
    parts[top] = (parts[top] ?? 0) + f.bytes;
  }
  return { bytes: files.reduce((sum, f) => sum + f.bytes, 0), files: files.length, parts };
}

/** Megabytes (10^6 bytes, as `du --si` and the budgets count them), one decimal. */
export const toMb = (bytes: number) => Math.round(bytes / 1e5) / 10;
/** Kilobytes (10^3 bytes), one decimal. */
export const toKb = (bytes: number) => Math.round(bytes / 100) / 10;
