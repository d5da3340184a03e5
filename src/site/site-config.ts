import type { LifeboatConfig } from '../config/config-schema.ts';
import { loadConfig } from '../config/load-config.ts';
import { InternalError } from '../errors/create-issue.ts';

let cached: LifeboatConfig | undefined;

/** The resolved configuration for code running inside the Astro build (read once). */
export function siteConfig(): LifeboatConfig {
  if (cached) return cached;
  const result = loadConfig();
  // astro.config.mjs already refused to start on a bad configuration.
  if (!result.config) throw new InternalError('The configuration became invalid during the build.');
  cached = result.config;
  return cached;
}
