/** Marks the table-of-contents link of the section being read (`aria-current="true"`). */
export function highlightToc(): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('[data-lb-toc] a[href^="#"]')];
  const targets = links.map((link) => document.getElementById(decodeURIComponent(link.hash.slice(1))));
  let current: HTMLAnchorElement | undefined;
  let queued = false;
  const update = () => {
    queued = false;
    // A heading counts as being read once it has passed under the fixed header.
    const line = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 100;
    let index = 0;
    targets.forEach((target, i) => {
      if (target && target.getBoundingClientRect().top <= line + 1) index = i;
    });
    const next = links[index];
    if (next === current) return;
    current?.removeAttribute('aria-current');
    next?.setAttribute('aria-current', 'true');
    current = next;
  };
  const queue = () => {
    if (!queued) requestAnimationFrame(update);
    queued = true;
  };
  addEventListener('scroll', queue, { passive: true });
  addEventListener('resize', queue, { passive: true });
  update();
}
