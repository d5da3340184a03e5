import type { ErrorCode } from '../errors/errors-data.ts';

/** URL path segment of an error's docs page: `UnknownKey` → `unknown-key`. */
export function errorSlug(code: ErrorCode | string): string {
  return code.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The docs page of an error on the published site. */
export function docsUrl(site: string, code: ErrorCode | string): string {
  return `${site.replace(/\/+$/, '')}/errors/${errorSlug(code)}/`;
}
