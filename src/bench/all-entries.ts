/** Every benchmark entry, in the order `npm run bench` runs them (test/bench.test.ts checks that each runs). */
import type { BenchEntry } from './bench-entry.ts';
import { binderEntry } from './entries/binder.ts';
import { buildEntry } from './entries/build.ts';
import { checkEntry } from './entries/check.ts';
import { deployEntry } from './entries/deploy.ts';
import { factsEntry } from './entries/facts.ts';
import { growthEntry } from './entries/growth.ts';
import { offlineEntry } from './entries/offline.ts';
import { pageWeightEntry } from './entries/page-weight.ts';
import { privateEntry } from './entries/private.ts';
import { searchEntry } from './entries/search.ts';

export const ENTRIES: readonly BenchEntry[] = [checkEntry, factsEntry, deployEntry, binderEntry, buildEntry, growthEntry, pageWeightEntry, searchEntry, offlineEntry, privateEntry];
