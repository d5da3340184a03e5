/** Fills the narrow-screen "On this page" menu from the desktop table of contents and closes it on use. */
export function initMobileToc(): void {
  const nav = document.querySelector<HTMLElement>('[data-lb-mobile-toc]');
  const list = document.querySelector('[data-lb-toc] > ul');
  if (!nav || !list) return;
  const details = nav.querySelector('details')!;
  nav.querySelector('.lb-mobile-toc-list')!.append(list.cloneNode(true));
  nav.hidden = false;
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
    if (inside) nav.querySelector('summary')!.focus();
  });
}
