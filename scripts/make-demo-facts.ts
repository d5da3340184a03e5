/**
 * `npm run demo-facts`: regenerates the committed demo facts (facts/prod-euw1.json and
 * facts/dr-euc1.json) by running the real collector against the two fake clusters of the example
 * company (test/support/demo-clusters.ts). The fake servers listen on 127.0.0.1 with a random
 * port, so the recorded server becomes the EKS endpoint the example pretends to use.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, loadConfigOrExit, parseFlags } from '../src/cli/cli-kit.ts';
import { collectDemoFacts } from '../test/support/demo-facts.ts';
import { writeSnapshot } from '../src/facts/snapshot-file.ts';

const USAGE = `Usage: npm run demo-facts -- [--out DIR]

Collects the example company's two fake clusters with the real collector and writes their
snapshots into the facts folder (default: LIFEBOAT_FACTS or facts/).`;

const flags = parseFlags({ out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
const config = loadConfigOrExit({ facts: flags.out });
const work = mkdtempSync(join(tmpdir(), 'lifeboat-demo-'));
try {
  for (const snapshot of await collectDemoFacts(work)) {
    process.stdout.write(`Wrote ${writeSnapshot(config.factsDir, snapshot)}\n`);
  }
  process.exitCode = EXIT.ok;
} finally {
  rmSync(work, { recursive: true, force: true });
}
