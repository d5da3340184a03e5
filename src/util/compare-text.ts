/**
 * Orders strings by their UTF-16 code units, the order `Array.prototype.sort` and the file
 * listing use. Not `localeCompare`: ids, paths and ISO dates need no language, and reports must
 * list them in the same order on every machine, whatever its locale.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
