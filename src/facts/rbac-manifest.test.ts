import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { COLLECTOR_PATHS } from './fact-kinds.ts';

const manifest = new URL('../../kubernetes/lifeboat-facts-rbac.yaml', import.meta.url);

/** `group/resource` pairs a path lists: `/apis/velero.io/v1/backups` → `velero.io/backups`. */
const resourceOf = (path: string) => {
  const parts = path.split('/').filter(Boolean);
  return parts[0] === 'api' ? `/${parts[2]}` : `${parts[1]}/${parts[3]}`;
};

describe('the shipped RBAC manifest', () => {
  const docs = parseAllDocuments(readFileSync(manifest, 'utf8')).map((d) => d.toJS());
  const role = docs.find((d) => d.kind === 'ClusterRole');
  const granted = role.rules.flatMap((r: { apiGroups: string[]; resources: string[]; verbs: string[] }) =>
    r.apiGroups.flatMap((g) => r.resources.map((res) => ({ resource: `${g}/${res}`, verbs: r.verbs }))),
  );

  it('grants get and list on exactly the kinds the collector reads', () => {
    const needed = COLLECTOR_PATHS.filter((p) => p.split('/').length > 3).map(resourceOf).sort();
    expect(granted.map((g: { resource: string }) => g.resource).sort()).toEqual(needed);
  });

  it('grants no write verbs and nothing on Secrets or ConfigMaps', () => {
    for (const g of granted) expect(g.verbs.sort()).toEqual(['get', 'list']);
    expect(granted.some((g: { resource: string }) => /secrets|configmaps/.test(g.resource))).toBe(false);
    expect(COLLECTOR_PATHS.some((p) => /secrets|configmaps/.test(p))).toBe(false);
  });

  it('binds the role to the lifeboat-facts service account', () => {
    const binding = docs.find((d) => d.kind === 'ClusterRoleBinding');
    expect(binding.roleRef.name).toBe(role.metadata.name);
    expect(binding.subjects).toEqual([{ kind: 'ServiceAccount', name: 'lifeboat-facts', namespace: 'lifeboat' }]);
  });
});
