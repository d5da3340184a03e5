/**
 * Ids, titles and services for imported pages. Alert runbooks are named after their alert
 * (`KubePodCrashLooping.md`), so the id comes from the file name (`kube-pod-crash-looping`), which
 * also keeps it stable when a title is reworded. The service comes from the folder the page sits
 * in (`alerts/cluster-etcd-operator/` → `cluster-etcd-operator`), skipping folders every
 * collection has (`docs`, `content`, `alerts`).
 */
import { basename, dirname, extname, relative, sep } from 'node:path';

/** Folder names that say nothing about the service. */
const GENERIC_FOLDERS = new Set(['docs', 'doc', 'content', 'runbooks', 'runbook', 'alerts', 'helpers', 'hierarchy', 'pages', 'src', 'wiki', 'sop', 'sops', 'playbooks', 'troubleshooting', '.', '']);
const INDEX_FILES = new Set(['readme', '_index', 'index']);

/** "KubePodCrashLooping" → "kube-pod-crash-looping", "etcdGRPCRequestsSlow" → "etcd-grpc-requests-slow". */
export function slugFromName(name: string): string {
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/(\d)([A-Z])/g, '$1-$2');
  return words
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 72)
    .replace(/^-+|-+$/g, '');
}

/** The file name without extension; an index page (`README.md`, `_index.md`) is named by its folder. */
export function pageName(file: string): string {
  const stem = basename(file, extname(file));
  return INDEX_FILES.has(stem.toLowerCase()) ? basename(dirname(file)) : stem;
}

/** The id a page asks for, before uniqueness is settled. */
export const idBase = (file: string): string => slugFromName(pageName(file)) || 'runbook';

/**
 * The service from the nearest meaningful folder between the page and the source root, then the
 * root folder itself, then `imported`.
 */
export function serviceFromPath(file: string, root: string): string {
  const folders = relative(root, dirname(file)).split(sep).filter(Boolean);
  for (const folder of [...folders.reverse(), basename(root)]) {
    const slug = slugFromName(folder);
    if (slug && !GENERIC_FOLDERS.has(folder.toLowerCase())) return slug;
  }
  return 'imported';
}

/** "k8s-pvc-resize" → "K8s pvc resize": a readable title when the page has none. */
export function titleFromName(file: string): string {
  const words = slugFromName(pageName(file)).replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1) || 'Imported runbook';
}

/**
 * Gives every page a unique id, in the order given (sorted paths, so runs are repeatable):
 * the page's own id, else qualified by its service, else numbered. `taken` holds ids already used
 * by runbooks in the output folder.
 */
export function allocateIds(pages: readonly { base: string; service: string }[], taken: ReadonlySet<string>): string[] {
  const used = new Set(taken);
  return pages.map(({ base, service }) => {
    const candidates = [base, base.startsWith(`${service}-`) ? '' : `${service}-${base}`.slice(0, 80).replace(/-+$/, '')];
    let id = candidates.find((c) => c && !used.has(c));
    for (let n = 2; !id; n++) if (!used.has(`${base}-${n}`)) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/** The first sentence or two of `text`, at most about 300 characters: the runbook summary. */
export function summarize(text: string): string | undefined {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  const sentences = clean.match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g) ?? [clean];
  let summary = sentences.slice(0, 2).join('').trim();
  if (summary.length > 300) summary = `${summary.slice(0, 297).replace(/\s+\S*$/, '')}…`;
  return summary;
}
