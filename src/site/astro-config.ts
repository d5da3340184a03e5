/**
 * The Astro configuration of a Lifeboat site, made from the Lifeboat configuration. A team's
 * project has no astro.config file: `lifeboat build`, `dev` and `preview` pass this inline, with
 * Lifeboat's own src/ as the pages wherever the package is installed (see astroRoot).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import starlight from '@astrojs/starlight';
import type { AstroInlineConfig, AstroIntegration } from 'astro';
import type { LifeboatConfig } from '../config/config-schema.ts';
import { mdxCommandPlugin } from './mdx-command-plugin.ts';
import { PACKAGE_ROOT } from '../cli/compile-cache.js';

const own = (path: string) => join(PACKAGE_ROOT, path);

export interface AstroConfigOptions {
  /** Where Astro writes the site (a staging folder during `lifeboat build`). */
  outDir?: string;
  /** The project's cache folder (LIFEBOAT_CACHE_DIR). */
  cacheDir: string;
  integrations?: AstroIntegration[];
  logLevel?: 'info' | 'warn';
}

/** The team's project folder: where its configuration file is, or the working directory. */
export const projectRoot = (config: LifeboatConfig) => (config.configFile ? dirname(config.configFile) : config.cwd);

export function astroConfig(config: LifeboatConfig, options: AstroConfigOptions): AstroInlineConfig {
  const root = projectRoot(config);
  const teamPublic = join(root, 'public');
  return {
    configFile: false,
    root: astroRoot(root),
    srcDir: own('src'),
    publicDir: existsSync(teamPublic) ? teamPublic : own('public'),
    outDir: options.outDir ?? config.outDir,
    cacheDir: join(options.cacheDir, 'astro'),
    site: config.site,
    trailingSlash: 'always',
    logLevel: options.logLevel ?? 'warn',
    markdown: { processor: satteri({ mdastPlugins: [mdxCommandPlugin] }) },
    vite: {
      // `lifeboat dev` serves Lifeboat's pages, the team's files and the packages both use.
      server: { fs: { allow: [root, PACKAGE_ROOT, config.runbooksDir, dependencies()] } },
      resolve: {
        alias: [
          // Runbooks live in the team's folder; their MDX imports of Starlight's components must
          // resolve to the copy Lifeboat uses, wherever npm put it.
          { find: /^@astrojs\/starlight\/components$/, replacement: fileURLToPath(import.meta.resolve('@astrojs/starlight/components')) },
          // Starlight's base stylesheets, which its package does not export: runbook pages have their
          // own layout (src/components/PageLayout.astro) and import them as Starlight's page does.
          { find: /^lifeboat:starlight-style\//, replacement: fileURLToPath(new URL('./style/', import.meta.resolve('@astrojs/starlight/components'))) },
        ],
      },
      build: {
        // Ship scripts as shared, cacheable files instead of inlining small ones into every page.
        assetsInlineLimit: 0,
        rollupOptions: {
          // MDX modules carry Astro's "use astro:head-inject" directive; the bundler's notice about
          // it is expected (see STACK.md) and would only bury real warnings.
          onwarn(warning, warn) {
            if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
          },
        },
      },
    },
    integrations: [
      starlight({
        title: config.title,
        // Small and fixed on purpose: runbook pages pass their own per-service sidebar,
        // so no page carries a link to every runbook (see src/site/navigation.ts).
        sidebar: [
          { label: 'All runbooks', link: '/' },
          { label: 'Readiness', link: '/readiness/' },
          { label: 'Error codes', link: '/errors/' },
          { label: 'Using this site', link: '/about/' },
        ],
        ...(config.theme.logo ? { logo: { src: join(root, config.theme.logo), alt: config.title } } : {}),
        customCss: [
          own('src/styles/lifeboat.css'),
          ...(config.theme.accent ? [writeAccentCss(config.theme.accent, options.cacheDir)] : []),
          ...config.theme.css.map((file) => join(root, file)),
        ],
        // Alert runbooks (and what `lifeboat import` brings in) quote PromQL queries and PlantUML;
        // the highlighter has no grammar for them, so show them as plain text instead of warning.
        expressiveCode: { shiki: { langAlias: { promql: 'txt', plantuml: 'txt' } } },
        // Lighter chrome: the same features with less repeated markup per page (see each file).
        components: Object.fromEntries(OVERRIDES.map((name) => [name, own(`src/components/overrides/${name}.astro`)])),
        lastUpdated: false,
        disable404Route: true,
        pagination: false,
      }),
      mdx(),
      ownPublicFiles(teamPublic),
      ...(options.integrations ?? []),
    ],
  };
}

/**
 * Astro's root: the team's folder when Lifeboat's packages are installed inside it (the usual
 * case: `npm install` in the project), else the folder that holds Lifeboat's node_modules. Astro
 * resolves the routes integrations inject (Starlight's pages) as packages from its root, and
 * mistakes a module outside its root for a root-relative path, so the packages must sit under it.
 * Astro writes only `.astro/` there; outputs and caches have their own settings.
 */
function astroRoot(project: string): string {
  const deps = dependencies();
  return deps.startsWith(`${project}${sep}`) ? project : dirname(deps);
}

/** The node_modules folder that holds Starlight as Lifeboat resolves it. */
function dependencies(): string {
  let dir = fileURLToPath(import.meta.resolve('@astrojs/starlight/components'));
  while (basename(dir) !== 'node_modules') dir = dirname(dir);
  return dir;
}

/**
 * A stylesheet that sets Starlight's three accent shades from one colour: in dark mode the text
 * shade is lighter and the background shade darker, in light mode the other way round.
 */
function writeAccentCss(accent: string, cacheDir: string): string {
  const file = join(cacheDir, 'theme', `accent-${accent.slice(1).toLowerCase()}.css`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    `:root {\n  --sl-color-accent-low: color-mix(in oklab, ${accent} 35%, black);\n  --sl-color-accent: ${accent};\n  --sl-color-accent-high: color-mix(in oklab, ${accent} 35%, white);\n}\n` +
      `:root[data-theme='light'] {\n  --sl-color-accent-low: color-mix(in oklab, ${accent} 20%, white);\n  --sl-color-accent: ${accent};\n  --sl-color-accent-high: color-mix(in oklab, ${accent} 55%, black);\n}\n`,
  );
  return file;
}

const OVERRIDES = [
  'Footer',
  'Head',
  'LanguageSelect',
  'Search',
  'Sidebar',
  'MobileMenuToggle',
  'MobileTableOfContents',
  'TableOfContents',
  'ThemeProvider',
  'ThemeSelect',
] as const;

/**
 * Lifeboat's own public files (favicon, robots.txt that keeps the site out of search engines) for
 * every name the team's public/ does not provide itself.
 */
function ownPublicFiles(teamPublic: string): AstroIntegration {
  return {
    name: 'lifeboat:own-public-files',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        if (!existsSync(teamPublic)) return;
        const out = fileURLToPath(dir);
        for (const name of ['favicon.svg', 'robots.txt']) {
          if (existsSync(join(teamPublic, name))) continue;
          await mkdir(out, { recursive: true });
          await copyFile(own(`public/${name}`), join(out, name));
        }
      },
    },
  };
}
