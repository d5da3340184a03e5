/**
 * What reporters read from the error catalogue: titles, descriptions and docs pages. Read at call
 * time, so codes added to `errors-data.ts` later appear without touching the reporters, and a code
 * that is not (yet) in the catalogue still prints, just without a title or docs link.
 */
import { errorsData } from '../errors/errors-data.ts';
import type { Severity } from '../errors/issue.ts';
import { docsUrl } from './docs-url.ts';

/** The catalogue entry of one code, as reporters use it. */
export interface CodeInfo {
  code: string;
  title: string;
  description: string;
  fix: string;
  severity: Severity;
}

type CatalogueEntry = { title: string; description: string; fix: string; severity: Severity };
const catalogue: Readonly<Record<string, CatalogueEntry>> = errorsData;

/** The catalogue entry for `code`, or `undefined` for a code the catalogue does not know. */
export function describeCode(code: string): CodeInfo | undefined {
  // `Object.hasOwn`, so that "constructor" or "toString" are not mistaken for codes.
  if (!Object.hasOwn(catalogue, code)) return undefined;
  const { title, description, fix, severity } = catalogue[code]!;
  return { code, title, description, fix, severity };
}

/** Every code in the catalogue, in catalogue order. */
export function catalogueCodes(): string[] {
  return Object.keys(catalogue);
}

/** The docs page of `code`, when the site URL is known and the catalogue has a page for it. */
export function docsFor(code: string, site: string | undefined): string | undefined {
  return site && describeCode(code) ? docsUrl(site, code) : undefined;
}
