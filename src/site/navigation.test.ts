import { describe, expect, it } from 'vitest';
import { buildSidebar, OTHER_SERVICES_CAP, SERVICE_LINK_CAP, type NavRunbook } from './navigation.ts';

/** 1,000 runbooks over 40 services, one of them with 200. */
function collection(): NavRunbook[] {
  const runbooks: NavRunbook[] = [];
  for (let i = 0; i < 800; i++) runbooks.push({ id: `rb-${i}`, title: `Runbook ${i}`, service: `svc-${i % 39}`, tier: i % 4 });
  for (let i = 0; i < 200; i++) runbooks.push({ id: `big-${i}`, title: `Big ${String(i).padStart(3, '0')}`, service: 'big', tier: 1 });
  return runbooks;
}

const countLinks = (items: unknown): number =>
  (items as { link?: string; items?: unknown[] }[]).reduce((n, item) => n + (item.link ? 1 : 0) + (item.items ? countLinks(item.items) : 0), 0);

describe('buildSidebar', () => {
  it('stays small at 1,000 runbooks: own service (capped) plus one link to the services index', () => {
    const sidebar = buildSidebar(collection(), { service: 'big', id: 'big-150' });
    // All runbooks, readiness + capped service list + "all N in big" + "all 40 services" + 2 fixed links.
    expect(countLinks(sidebar)).toBe(2 + SERVICE_LINK_CAP + 1 + 1 + 2);
    expect(sidebar).toContainEqual({ label: 'All 40 services', link: '/services/' });
    const own = sidebar.find((i) => typeof i === 'object' && 'label' in i && i.label === 'big') as unknown as { items: { label: string; link: string }[] };
    expect(own.items.some((i) => i.link === '/runbooks/big-150/')).toBe(true);
    expect(own.items.at(-1)).toEqual({ label: 'All 200 in big', link: '/services/big/' });
  });

  it('links each other service while there are few of them', () => {
    const few = collection().filter((r) => r.service === 'big' || Number(r.service.slice(4)) < OTHER_SERVICES_CAP);
    const sidebar = buildSidebar(few, { service: 'big', id: 'big-1' });
    const others = sidebar.find((i) => typeof i === 'object' && 'label' in i && i.label === 'Other services') as unknown as { items: { link: string }[] };
    expect(others.items.map((i) => i.link)).toEqual(Array.from({ length: OTHER_SERVICES_CAP }, (_, n) => `/services/svc-${n}/`).sort());
  });

  it('lists every runbook of a small service, most critical first', () => {
    const runbooks: NavRunbook[] = [
      { id: 'b', title: 'B', service: 's', tier: 2 },
      { id: 'a', title: 'A', service: 's', tier: 0 },
      { id: 'c', title: 'C', service: 't', tier: 1 },
    ];
    const sidebar = buildSidebar(runbooks, { service: 's', id: 'b' }, '/docs/');
    expect(sidebar).toEqual([
      { label: 'All runbooks', link: '/docs/' },
      { label: 'Readiness', link: '/docs/readiness/' },
      {
        label: 's',
        items: [
          { label: 'A', link: '/docs/runbooks/a/', badge: 'T0' },
          { label: 'B', link: '/docs/runbooks/b/', badge: 'T2' },
        ],
      },
      { label: 'Other services', collapsed: false, items: [{ label: 't (1)', link: '/docs/services/t/' }] },
      { label: 'Error codes', link: '/docs/errors/' },
      { label: 'Using this site', link: '/docs/about/' },
    ]);
  });
});
