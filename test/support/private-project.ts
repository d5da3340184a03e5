/**
 * A copy of the example project with two private runbooks (one YAML, one MDX) whose every field
 * holds a marker string, and a public runbook that links to one of them, built through the real
 * `lifeboat build` with each audience's passphrase in the environment. The leak scan looks for
 * the markers in every byte of the output; the browser tests unlock the pages.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runScript } from './run-script.ts';

/** In every field of the private runbooks; none of them occurs anywhere in the public example. */
export const MARKERS = {
  id: 'zqxmark-id-breakglass',
  title: 'ZQXMARK title Break glass into the root account',
  summary: 'ZQXMARK summary of when to break the glass',
  service: 'zqxmark-svc-vault',
  owner: 'ZQXMARK owners team',
  escalation: 'ZQXMARK escalation Dana Vault-Keeper',
  tag: 'zqxmark-tag',
  varValue: 'zqxmark-host.internal.example',
  stepTitle: 'ZQXMARK step title Fetch the root token',
  stepBody: 'ZQXMARK step body the sealed envelope sits in safe 3',
  command: 'vault login -method=zqxmark-command',
  expect: 'ZQXMARK expected output Success! You are now authenticated',
  question: 'ZQXMARK question Is the HSM answering?',
  answer: 'ZQXMARK answer Yes, it blinks green',
  outcome: 'ZQXMARK outcome Use the offline share',
  mdxId: 'zqxmark-id-mdx-dns',
  mdxTitle: 'ZQXMARK mdx title Move DNS to the secondary provider',
  mdxBody: 'ZQXMARK mdx body the registrar account is 4471-ZQX',
  mdxCommand: 'dnsctl switch --provider zqxmark-secondary',
  /** A word only the private YAML runbook's body has: search must find it after unlock only. */
  searchWord: 'quorumbreaker',
} as const;

export const PASSPHRASES = { sre: 'correct horse battery staple sre', payments: 'payments lantern orbit meadow 42' } as const;

const PRIVATE_YAML = `id: ${MARKERS.id}
title: ${MARKERS.title}
summary: ${MARKERS.summary}
service: ${MARKERS.service}
tier: 0
owners: ["${MARKERS.owner}"]
escalation:
  - { name: "${MARKERS.escalation}", chat: "#zqxmark-chat" }
tags: [${MARKERS.tag}]
lastReviewed: 2026-11-01
rto: 30m
rpo: "0"
visibility: private
audiences: [sre]
vars:
  vault_host: ${MARKERS.varValue}
requires:
  - kind: StorageClass
    name: zqxmark-sc-missing
    cluster: primary
    why: ZQXMARK why the vault needs its own disks
steps:
  - id: zqxmark-step-fetch
    title: ${MARKERS.stepTitle}
    estimate: 5m
    body: "${MARKERS.stepBody}; if the ${MARKERS.searchWord} alarm fires, stop."
    commands:
      - run: "${MARKERS.command} -address=https://{{ vault_host }}"
        expect: "${MARKERS.expect}"
decisions:
  - id: hsm-up
    question: "${MARKERS.question}"
    answers:
      - { label: "${MARKERS.answer}", goto: zqxmark-step-fetch }
      - { label: "No", outcome: "${MARKERS.outcome}" }
`;

const PRIVATE_MDX = `---
id: ${MARKERS.mdxId}
title: ${MARKERS.mdxTitle}
service: edge-dns
tier: 1
owners: [edge-team]
escalation:
  - { name: Edge on-call, chat: "#edge" }
lastReviewed: 2026-11-01
rto: 1h
rpo: "0"
visibility: private
audiences: [payments, sre]
---

${MARKERS.mdxBody}.

<Step id="switch" title="Switch the provider" estimate="5m">
  <Command run="${MARKERS.mdxCommand}" />
</Step>
`;

/** A public runbook that points at the private one: its page must not spell the private title. */
const PUBLIC_LINKING = `id: public-links-private
title: Public runbook that links to a private one
service: checkout-web
tier: 2
owners: [sre]
escalation: [{ name: On-call, chat: "#sre" }]
lastReviewed: 2026-11-01
rto: 1h
rpo: 15m
related: [${MARKERS.id}]
steps:
  - { id: look, title: Look around, estimate: 1m }
decisions:
  - id: which
    question: Is it the root account?
    answers:
      - { label: "Yes", runbook: ${MARKERS.id}, goto: zqxmark-step-fetch }
      - { label: "No", goto: look }
`;

export interface PrivateProject {
  dir: string;
  out: string;
  config: string;
  env: Record<string, string | undefined>;
}

/** Writes the project into a new temporary folder (the example plus the private runbooks). */
export function writePrivateProject(): Omit<PrivateProject, 'out'> {
  const dir = mkdtempSync(join(tmpdir(), 'lifeboat-private-'));
  for (const part of ['runbooks', 'facts', 'drills', 'lifeboat.config.yaml']) cpSync(join(REPO, part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, 'runbooks/vault'), { recursive: true });
  writeFileSync(join(dir, 'runbooks/vault/break-glass.yaml'), PRIVATE_YAML);
  writeFileSync(join(dir, 'runbooks/edge/dns-secondary.mdx'), PRIVATE_MDX);
  writeFileSync(join(dir, 'runbooks/checkout/public-links-private.yaml'), PUBLIC_LINKING);
  const config = join(dir, 'lifeboat.config.yaml');
  writeFileSync(
    config,
    `${readFileSync(config, 'utf8')}
private:
  audiences:
    sre: {}
    payments: {}
  slugSalt: test-salt-0123456789abcdef
`,
  );
  return {
    dir,
    config,
    env: {
      LIFEBOAT_PASSPHRASE_SRE: PASSPHRASES.sre,
      LIFEBOAT_PASSPHRASE_PAYMENTS: PASSPHRASES.payments,
      LIFEBOAT_BUILD_TIME: '2026-11-22T08:00:00.000Z',
      LIFEBOAT_RUNBOOKS: undefined,
      LIFEBOAT_FACTS: undefined,
      LIFEBOAT_OUT: undefined,
      LIFEBOAT_DRILLS: undefined,
    },
  };
}

/** Writes and builds the project (from the tool's checkout, with the copy's configuration). */
export async function buildPrivateProject(): Promise<PrivateProject> {
  const project = writePrivateProject();
  const out = join(project.dir, 'site');
  const built = await runScript('build', ['--config', project.config, '--out', out], { env: project.env });
  if (built.code !== 0) throw new Error(`The private project did not build:\n${built.stderr}\n${built.stdout}`);
  return { ...project, out };
}

/** The opaque slugs of a build of the project: the YAML runbook is for sre only, the MDX one for payments and sre. */
export function privateSlugs(out: string): { yaml: string; mdx: string } {
  const slugs = { yaml: '', mdx: '' };
  for (const slug of readdirSync(join(out, 'runbooks'))) {
    const html = readFileSync(join(out, 'runbooks', slug, 'index.html'), 'utf8');
    const audiences = /data-lb-locked[^>]*data-audiences="([^"]*)"/.exec(html)?.[1];
    if (audiences === '[&quot;sre&quot;]') slugs.yaml = slug;
    if (audiences === '[&quot;payments&quot;,&quot;sre&quot;]') slugs.mdx = slug;
  }
  if (!slugs.yaml || !slugs.mdx) throw new Error(`The build in ${out} does not hold both private runbooks.`);
  return slugs;
}
