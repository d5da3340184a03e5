import { describe, expect, it } from 'vitest';
import { buildSidebar, groupByService, OTHER_SERVICES_CAP, SERVICE_LINK_CAP, starlightSidebar, type NavEntry, type NavRunbook } from './navigation.ts';

/** 1,000 runbooks over 40 services, one of them with 200. */
function collection(): NavRunbook[] {
  const runbooks: NavRunbook[] = [];
  for (let i = 0; i < 800; i++) runbooks.push({ id: `rb-${i}`, title: `Runbook ${i}`, service: `svc-${i % 39}`, tier: i % 4 });
  for (let i = 0; i < 200; i++) runbooks.push({ id: `big-${i}`, title: `Big ${String(i).padStart(3, '0')}`, service: 'big', tier: 1 });
  return runbooks;
}

const countLinks = (entries: readonly NavEntry[]): number => entries.reduce((n, e) => n + (e.type === 'link' ? 1 : countLinks(e.entries)), 0);
const group = (entries: readonly NavEntry[], label: string) => entries.find((e) => e.type === 'group' && e.label === label) as Extract<NavEntry, { type: 'group' }>;

describe('buildSidebar', () => {
  it('stays small at 1,000 runbooks: own service (capped) plus one link to the services index', () => {
    const sidebar = buildSidebar(groupByService(collection()), { service: 'big', id: 'big-150' });
    // All runbooks, readiness + capped service list + "all N in big" + "all 40 services" + 2 fixed links.
    expect(countLinks(sidebar)).toBe(2 + SERVICE_LINK_CAP + 1 + 1 + 2);
    expect(sidebar).toContainEqual({ type: 'link', label: 'All 40 services', href: '/#services', isCurrent: false });
    const own = group(sidebar, 'big').entries;
    // The current runbook is listed (and marked) even past the cap.
    expect(own.filter((e) => e.type === 'link' && e.isCurrent)).toEqual([
      { type: 'link', label: 'Big 150', href: '/runbooks/big-150/', isCurrent: true, badge: { text: 'T1' } },
    ]);
    expect(own.at(-1)).toEqual({ type: 'link', label: 'All 200 in big', href: '/#service-big', isCurrent: false });
  });

  it('links each other service while there are few of them', () => {
    const few = collection().filter((r) => r.service === 'big' || Number(r.service.slice(4)) < OTHER_SERVICES_CAP);
    const others = group(buildSidebar(groupByService(few), { service: 'big', id: 'big-1' }), 'Other services');
    expect(others.entries.map((e) => e.type === 'link' && e.href)).toEqual(Array.from({ length: OTHER_SERVICES_CAP }, (_, n) => `/#service-svc-${n}`).sort());
  });

  it('lists every runbook of a small service, most critical first, and hands Starlight the same links', () => {
    const runbooks: NavRunbook[] = [
      { id: 'b', title: 'B', service: 's', tier: 2 },
      { id: 'a', title: 'A', service: 's', tier: 0 },
      { id: 'c', title: 'C', service: 't', tier: 1 },
    ];
    const sidebar = buildSidebar(groupByService(runbooks), { service: 's', id: 'b' }, '/docs/');
    expect(group(sidebar, 's').entries.map((e) => e.type === 'link' && [e.label, e.href, e.isCurrent, e.badge?.text])).toEqual([
      ['A', '/docs/runbooks/a/', false, 'T0'],
      ['B', '/docs/runbooks/b/', true, 'T2'],
    ]);
    expect(starlightSidebar(sidebar)).toEqual([
      { label: 'All runbooks', link: '/docs/' },
      { label: 'Readiness', link: '/docs/readiness/' },
      {
        label: 's',
        collapsed: false,
        items: [
          { label: 'A', link: '/docs/runbooks/a/', badge: 'T0' },
          { label: 'B', link: '/docs/runbooks/b/', badge: 'T2' },
        ],
      },
      { label: 'Other services', collapsed: false, items: [{ label: 't (1)', link: '/docs/#service-t' }] },
      { label: 'Error codes', link: '/docs/errors/' },
      { label: 'Using this site', link: '/docs/about/' },
    ]);
  });
});
