/**
 * Loaded with `node --import` by run-bounded.ts: when the process ends, appends its pid and peak
 * resident memory (kB, from getrusage) to LIFEBOAT_TEST_RSS_FILE. Processes forked from it inherit
 * the flag and record theirs too; processes spawned without it are not measured.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.LIFEBOAT_TEST_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`));
