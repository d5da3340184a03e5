/** Lifeboat itself: `lifeboat build` (src/cli/commands/build.ts) over the generated YAML and MDX runbooks and the large facts snapshots. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeRunbookCorpus, writeScaleFacts } from '../corpus.ts';
import { BENCH_CLUSTERS } from '../corpus-markdown.ts';
import { npmScriptArgs } from '../../cli/npm-script.ts';
import { REPO, type SiteTool } from './site-tool.ts';

export const lifeboatSite: SiteTool = {
  key: 'lifeboat',
  name: 'Lifeboat',
  ready: async () => undefined,
  async prepare(dir, count) {
    await writeRunbookCorpus(join(dir, 'runbooks'), count);
    await writeScaleFacts(join(dir, 'facts'), Object.values(BENCH_CLUSTERS));
    await writeFile(
      join(dir, 'lifeboat.config.yaml'),
      `title: Bench runbooks\nsite: https://runbooks.example\nfacts: facts\nclusters: ${JSON.stringify(BENCH_CLUSTERS)}\n`,
    );
  },
  // The project's folder is the configuration's, which SiteBuilds keeps inside the checkout.
  // The project's caches (LIFEBOAT_CACHE_DIR: the decision diagrams', src/site/diagram-cache.ts,
  // and Astro's) get a folder of their own, emptied before each run: cold builds.
  command: (dir, out) => ({
    command: process.execPath,
    args: [...npmScriptArgs(REPO, 'build'), '--config', join(dir, 'lifeboat.config.yaml'), '--runbooks', join(dir, 'runbooks'), '--out', out],
    cwd: REPO,
    env: { ...process.env, LIFEBOAT_CACHE_DIR: join(dir, 'cache') },
    cache: join(dir, 'cache'),
  }),
};
