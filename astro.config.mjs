// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './src/config/load-config.ts';
import { formatCliReport } from './src/reporters/cli.ts';
import { mdxCommandPlugin } from './src/site/mdx-command-plugin.ts';

// One configuration place: lifeboat.config.yaml, overridden by LIFEBOAT_* variables
// (which `npm run build` sets from its flags).
const result = loadConfig();
if (!result.config) throw new Error(`\n${formatCliReport(result.issues)}`);
const config = result.config;

export default defineConfig({
  site: config.site,
  outDir: config.outDir,
  trailingSlash: 'always',
  markdown: { processor: satteri({ mdastPlugins: [mdxCommandPlugin] }) },
  vite: {
    // Runbooks may live outside this project (LIFEBOAT_RUNBOOKS); their MDX imports of
    // Starlight's components must still resolve to this project's copy.
    resolve: {
      alias: [
        { find: /^@astrojs\/starlight\/components$/, replacement: fileURLToPath(import.meta.resolve('@astrojs/starlight/components')) },
        // Starlight's base stylesheets, which its package does not export: runbook pages have their
        // own layout (src/components/RunbookLayout.astro) and import them as Starlight's page does.
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
      customCss: ['./src/styles/lifeboat.css'],
      // Alert runbooks (and what `npm run import` brings in) quote PromQL queries and PlantUML;
      // the highlighter has no grammar for them, so show them as plain text instead of warning.
      expressiveCode: { shiki: { langAlias: { promql: 'txt', plantuml: 'txt' } } },
      // Lighter chrome: the same features with less repeated markup per page (see each file).
      components: {
        Footer: './src/components/overrides/Footer.astro',
        Head: './src/components/overrides/Head.astro',
        LanguageSelect: './src/components/overrides/LanguageSelect.astro',
        Search: './src/components/overrides/Search.astro',
        Sidebar: './src/components/overrides/Sidebar.astro',
        MobileMenuToggle: './src/components/overrides/MobileMenuToggle.astro',
        MobileTableOfContents: './src/components/overrides/MobileTableOfContents.astro',
        TableOfContents: './src/components/overrides/TableOfContents.astro',
        ThemeProvider: './src/components/overrides/ThemeProvider.astro',
        ThemeSelect: './src/components/overrides/ThemeSelect.astro',
      },
      lastUpdated: false,
      disable404Route: true,
      pagination: false,
    }),
    mdx(),
  ],
});
