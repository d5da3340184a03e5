/**
 * What a fenced block is: a command to run, the output a command should print, or code to read
 * (a PromQL query, a YAML manifest). Commands keep their text byte for byte, with one exception:
 * a shell prompt (`$ `) in front of a command is not part of it — pasting it into a terminal would
 * fail — so prompt lines are split into the command and the output shown under them.
 */

/** A command to run, the output of the command above, or code to read. */
export type CodeKind = 'command' | 'output' | 'code';

const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'zsh', 'console', 'shell-session', 'shellsession', 'terminal', 'ksh', 'fish']);
const OUTPUT_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'output', 'log', 'console']);
/** Tools whose name at the start of an un-labelled block says it is a command. */
const TOOLS = new Set(
  (
    'kubectl oc helm velero etcdctl etcdutl curl wget gcloud gsutil aws az ssh scp sudo cd export echo cat grep awk sed jq yq ls df du ' +
    'find rm mv cp mkdir chmod chown tail head watch for while if systemctl journalctl docker podman crictl git gitlab-ctl gitlab-rake ' +
    'gitlab-psql psql pg_ctl redis-cli mysql ceph rados rbd radosgw-admin ps kill tar base64 openssl nslookup dig ping nc ip mount ' +
    'lsblk kustomize argocd flux istioctl virtctl vault terraform tf consul tk jb make python3 odf ocm rosa osdctl chef-client knife dmesg'
  ).split(' '),
);
const PROMPT = /^\s*\$ (?=\S)/;

/** A PromQL query or selector, which shell-labelled blocks sometimes hold. */
function looksLikeQuery(text: string): boolean {
  const first = firstLine(text);
  return /^[a-zA-Z_:][\w:]*\s*[{([]/.test(first) || /^(sum|avg|max|min|count|rate|irate|increase|topk|bottomk|histogram_quantile)\b/.test(first);
}

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim() && !l.trim().startsWith('#'))?.trim() ?? '';
}

/** Whether an un-labelled block starts like a shell command. */
export function looksLikeCommand(text: string): boolean {
  const first = firstLine(text);
  const word = /^(?:[A-Z_][A-Z0-9_]*=\S*\s+)*([\w./-]+)/.exec(first)?.[1] ?? '';
  return TOOLS.has(word) || word.startsWith('./') || /^[A-Z_][A-Z0-9_]*=/.test(first);
}

/** Whether any line carries a `$ ` prompt. */
export const hasPrompts = (text: string): boolean => text.split('\n').some((l) => PROMPT.test(l));

/**
 * Classifies a block. `afterCommand`: the block follows a command of the same step, either right
 * after it (`adjacent`) or after prose that announces output (`cue`: "should show", "Example
 * output"). Announced output may even be labelled as shell; output right after a command may not.
 */
export function classifyCode(lang: string | null | undefined, text: string, afterCommand: false | 'adjacent' | 'cue'): CodeKind {
  const label = (lang ?? '').toLowerCase();
  if (!SHELL_LANGS.has(label) && !OUTPUT_LANGS.has(label)) return 'code';
  if (hasPrompts(text)) return 'command';
  const outputLabel = OUTPUT_LANGS.has(label) || afterCommand === 'cue';
  if (afterCommand && outputLabel && !looksLikeCommand(text)) return 'output';
  if (looksLikeQuery(text)) return 'code';
  // A console block without prompts is a command when it starts with a word, not with log output.
  if (label === 'console') return /^[\w./-]+(\s|$)/.test(firstLine(text)) ? 'command' : 'code';
  if (SHELL_LANGS.has(label)) return 'command';
  return looksLikeCommand(text) ? 'command' : 'code';
}

/** Prose that announces the output of the command above it. */
export const EXPECT_CUE =
  /\b(should (now )?(\w+ )?(show|look|return|print|output|display|see|read|contain|resemble|list|be similar)|expected output|example output|sample output|output (should|will|looks|is similar)|you (should|will|may) see|similar to|looks? (something )?like|will (show|print|return|output|display))\b/i;

/** A command taken from behind `$ ` prompts, with the lines printed under it. */
export interface PromptedCommand {
  run: string;
  expect?: string;
}

/**
 * Splits a block with `$ ` prompts into commands and their output. Lines continued with `\` stay
 * with their command; consecutive commands with no output between them stay one command; lines
 * before the first prompt (comments) belong to the first command.
 */
export function splitPrompts(text: string): PromptedCommand[] {
  const out: { run: string[]; expect: string[] }[] = [];
  let continued = false;
  for (const line of text.split('\n')) {
    const current = out.at(-1);
    if (PROMPT.test(line) && !continued) {
      const run = line.replace(PROMPT, '');
      // Blank lines between two prompts belong to the script, not to an output.
      if (current && current.expect.every((l) => !l.trim())) current.run.push(...current.expect.splice(0), run);
      else out.push({ run: [run], expect: [] });
      continued = run.endsWith('\\');
    } else if (!current || continued) {
      if (current) current.run.push(line);
      else out.push({ run: [line], expect: [] });
      continued = line.endsWith('\\');
    } else current.expect.push(line);
  }
  return out.map(({ run, expect }) => {
    const output = trimBlankLines(expect);
    return { run: trimBlankLines(run), ...(output ? { expect: output } : {}) };
  });
}

function trimBlankLines(lines: string[]): string {
  return lines.join('\n').replace(/^(\s*\n)+/, '').replace(/\s+$/, '');
}
