/**
 * Builds the narrow-screen "On this page" menu (chrome/MobileToc.astro marks its place) from the
 * desktop table of contents, and closes it on use. A chevron (CSS) turns when it opens, and the
 * summary's aria-expanded follows the `toggle` event, so the bar says whether it is open.
 */
export function initMobileToc(): void {
  const slot = document.querySelector<HTMLElement>('[data-lb-mobile-toc]');
  const list = document.querySelector('[data-lb-toc] > ul');
  if (!slot || !list || slot.firstChild) return;
  const nav = document.createElement('nav');
  nav.className = 'lb-mobile-toc';
  nav.setAttribute('aria-labelledby', 'lb-mobile-toc-label');
  nav.innerHTML = '<details><summary id="lb-mobile-toc-label">On this page</summary><div class="lb-mobile-toc-list"></div></details>';
  nav.querySelector('.lb-mobile-toc-list')!.append(list.cloneNode(true));
  slot.append(nav);
  const details = nav.querySelector('details')!;
  const summary = details.querySelector('summary')!;
  const expanded = () => summary.setAttribute('aria-expanded', String(details.open));
  expanded();
  details.addEventListener('toggle', expanded);
  const close = () => (details.open = false);
  nav.addEventListener('click', (event) => {
    if ((event.target as Element).closest('a')) close();
  });
  document.addEventListener('click', (event) => {
    if (!nav.contains(event.target as Node)) close();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !details.open) return;
    const inside = nav.contains(document.activeElement);
    close();
    if (inside) summary.focus();
  });
}
