/**
 * Astro content loader for the `runbooks` collection. It reuses Lifeboat's own loader (the same
 * code `lifeboat check` runs), so the site and the gate can never disagree about a runbook.
 * MDX entries are handed to Astro's MDX pipeline for rendering (`deferredRender`).
 */
import type { Loader } from 'astro/loaders';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blocksBuild } from '../errors/issue.ts';
import { takeProjectLoad } from '../load/load-project.ts';
import { formatCliReport } from '../reporters/cli.ts';
import { siteConfig } from './site-config.ts';
import { toRunbookEntry } from './runbook-entry.ts';

export function runbookLoader(): Loader {
  return {
    name: 'lifeboat-runbooks',
    load: async ({ store, config: astroConfig, generateDigest, logger, watcher }) => {
      const config = siteConfig();
      const sync = async () => {
        const { runbooks, issues, handedOver } = await takeProjectLoad(config);
        // `lifeboat build` checks first and prints the report; this guards `astro build`/`astro dev` run directly.
        if (issues.some(blocksBuild)) throw new Error(`Runbooks have format errors:\n\n${formatCliReport(issues.filter(blocksBuild))}`);
        const root = fileURLToPath(astroConfig.root);
        store.clear();
        for (const runbook of runbooks) {
          const data = toRunbookEntry(runbook);
          const filePath = relative(root, runbook.absolutePath).split(sep).join('/');
          store.set({
            id: runbook.data.id,
            data: data as unknown as Record<string, unknown>,
            digest: generateDigest(JSON.stringify(data)),
            filePath,
            ...(runbook.format === 'mdx' ? { deferredRender: true } : {}),
          });
        }
        logger.info(`${runbooks.length} runbooks ${handedOver ? 'taken from the build’s check of' : 'loaded from'} ${relative(process.cwd(), config.runbooksDir) || '.'}`);
      };
      await sync();
      watcher?.add(config.runbooksDir);
      watcher?.on('all', (_event, path) => {
        if (path.startsWith(config.runbooksDir)) sync().catch((error) => logger.error(String(error.message ?? error)));
      });
    },
  };
}
