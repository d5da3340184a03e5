/**
 * Lifeboat over the same corpus with 3 runbooks in 10 private (issue 24's "300 of 1,000"), split
 * between two audiences, so the bench can say what sealing them costs the build.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { corpusHead } from '../corpus-model.ts';
import { lifeboatSite } from './lifeboat.ts';
import type { SiteTool } from './site-tool.ts';

/** Bench-only passphrases, in the build's environment like a CI secret. */
export const BENCH_PASSPHRASES = { LIFEBOAT_PASSPHRASE_SRE: 'bench passphrase for sre', LIFEBOAT_PASSPHRASE_PAYMENTS: 'bench passphrase for payments' };

export const isPrivateInBench = (i: number) => i % 10 < 3;

export const lifeboatPrivateSite: SiteTool = {
  ...lifeboatSite,
  key: 'lifeboat-private',
  name: 'Lifeboat, 30% private',
  async prepare(dir, count) {
    await lifeboatSite.prepare(dir, count);
    const config = join(dir, 'lifeboat.config.yaml');
    await writeFile(config, `${await readFile(config, 'utf8')}private:\n  audiences: { sre: {}, payments: {} }\n  slugSalt: bench-salt-0123456789\n`);
    for (let i = 0; i < count; i++) {
      if (!isPrivateInBench(i)) continue;
      const head = corpusHead(i);
      const fields = `visibility: private\naudiences: [${i % 2 ? 'sre' : 'sre, payments'}]\n`;
      for (const ext of ['yaml', 'mdx']) {
        const file = join(dir, 'runbooks', head.service, `${head.id}.${ext}`);
        const text = await readFile(file, 'utf8').catch(() => undefined);
        if (text === undefined) continue;
        // MDX: into the frontmatter, before its closing line; YAML: a top-level key at the end.
        await writeFile(file, ext === 'mdx' ? text.replace(/\n---\n/, `\n${fields}---\n`) : `${text.replace(/\n*$/, '\n')}${fields}`);
      }
    }
  },
  command: (dir, out) => {
    const command = lifeboatSite.command(dir, out);
    return { ...command, env: { ...command.env, ...BENCH_PASSPHRASES } };
  },
};
