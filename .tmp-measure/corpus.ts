import { writeFileSync, mkdirSync } from 'node:fs';
import { writeRunbookCorpus, writeScaleFacts } from '/work/main/src/bench/corpus.ts';
const dir = '/tmp/ab';
mkdirSync(dir, { recursive: true });
await writeScaleFacts(`${dir}/facts`, ['prod', 'dr']);
writeFileSync(`${dir}/lifeboat.config.yaml`, 'clusters: { primary: prod, dr: dr }\nfacts: facts\n');
await writeRunbookCorpus(`${dir}/runbooks`, 1000);
