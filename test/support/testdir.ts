/** Writes a small file tree into a fresh temporary folder, for inline fixtures. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function testdir(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'lifeboat-test-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A valid runbook header; tests append the part they are about. */
export const RUNBOOK_HEAD = (id: string) => `id: ${id}
title: Runbook ${id}
service: fixtures
tier: 2
owners: [sre]
escalation: [{ name: On-call, chat: "#sre" }]
lastReviewed: 2026-11-01
rto: 1h
rpo: 15m
`;
