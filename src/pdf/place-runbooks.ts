/**
 * Runs inside the print page, after `collectRunbookPages` (and like it, uses nothing from its
 * module scope). Puts the kept runbooks into one document in binder order and adapts the web
 * rendering to paper: ids made unique per runbook, links between runbooks turned into links
 * inside the PDF, other site links pointed at the public site, external addresses printed after
 * their text, every <details> opened, and an invisible self-link on each
 * heading so Chromium records a named destination (the page it landed on) for every heading.
 */

/** One runbook to place, in binder order. */
export interface Placement {
  path: string;
  id: string;
  /** CSS named page: gives the runbook its running header and starts it on a new page. */
  pageName: string;
  /** Escaped HTML shown under the title (online address, QR code). */
  bannerHtml: string;
}

/** A heading as printed: its destination name in the PDF and its text for the outline. */
export interface PlacedHeading {
  dest: string;
  level: number;
  text: string;
  /** For step titles: the step's section (`prechecks`, `steps`, `verify`, `rollback`). */
  section?: string;
}

/** What `placeRunbooks` needs from Node. */
export interface PlaceInput {
  /** The runbooks of this print, in binder order. */
  placements: Placement[];
  /** Every runbook of the binder, printed here or in another part. */
  binderIds: string[];
  /** Origin of the public site, for links to its other pages. */
  siteOrigin?: string;
}

/** Places the kept runbooks (see `collectRunbookPages`) and returns each one's printed headings. */
export async function placeRunbooks(input: PlaceInput): Promise<PlacedHeading[][]> {
  const kept = (window as unknown as { lifeboatPages: Map<string, { title: Element; body: Element }> }).lifeboatPages;
  const host = document.getElementById('lb-runbooks')!;
  const inBinder = new Set(input.binderIds);
  const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  const result: PlacedHeading[][] = [];

  for (const placement of input.placements) {
    const page = kept.get(placement.path)!;
    const prefix = `${placement.id}--`;
    const article = document.createElement('article');
    article.className = 'lb-print-runbook';
    article.style.setProperty('page', placement.pageName);
    const content = document.createElement('div');
    content.className = 'sl-markdown-content';
    content.append(document.importNode(page.body, true));
    article.append(document.importNode(page.title, true));
    article.insertAdjacentHTML('beforeend', placement.bannerHtml);
    article.append(content);

    for (const el of article.querySelectorAll<HTMLElement>('[id]')) el.id = prefix + el.id;
    for (const attr of ['aria-labelledby', 'aria-describedby', 'aria-controls', 'for']) {
      for (const el of article.querySelectorAll(`[${attr}]`)) {
        el.setAttribute(attr, el.getAttribute(attr)!.split(/\s+/).map((ref) => prefix + ref).join(' '));
      }
    }
    for (const a of article.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href')!;
      if (href.startsWith('#')) {
        a.setAttribute('href', `#${prefix}${href.slice(1)}`);
        continue;
      }
      if (/^(mailto|tel):/i.test(href)) continue;
      const url = new URL(href, location.href);
      if (url.origin === location.origin) {
        const other = /^\/runbooks\/([^/]+)\/$/.exec(url.pathname)?.[1];
        if (other && inBinder.has(other)) a.setAttribute('href', `#${other}--${url.hash.slice(1) || '_top'}`);
        else if (input.siteOrigin) a.setAttribute('href', input.siteOrigin + url.pathname + url.hash);
        else a.removeAttribute('href');
        continue;
      }
      // On paper a link is only its text: print the address unless the text already is it.
      if (squash(a.textContent) !== href) {
        const shown = document.createElement('span');
        shown.className = 'lb-print-href';
        shown.textContent = ` (${href})`;
        a.after(shown);
      }
    }
    for (const details of article.querySelectorAll('details')) details.open = true;
    host.append(article);
  }

  // A link to a runbook printed in another part has no target here, and Chromium would drop it.
  // A stand-in target keeps the link (and its destination name); merging the parts points the
  // name at the real heading.
  const standIns = document.createElement('div');
  standIns.className = 'lb-print-stand-ins';
  const missing = new Set<string>();
  for (const a of host.querySelectorAll('a[href^="#"]')) {
    const id = a.getAttribute('href')!.slice(1);
    if (id && !document.getElementById(id) && !missing.has(id)) {
      missing.add(id);
      const target = document.createElement('span');
      target.id = id;
      standIns.append(target);
    }
  }
  document.body.prepend(standIns);

  // Which headings are printed is read in one go, once everything is placed: asking for layout
  // between DOM changes would lay the whole growing document out again each time.
  const printed = new Set([...host.querySelectorAll<HTMLElement>('h1[id], h2[id], h3[id], h4[id]')].filter((h) => h.getClientRects().length > 0));
  for (const article of host.querySelectorAll('.lb-print-runbook')) {
    const headings: PlacedHeading[] = [];
    for (const h of article.querySelectorAll<HTMLElement>('h1[id], h2[id], h3[id], h4[id]')) {
      if (!printed.has(h)) continue;
      const anchor = document.createElement('a');
      anchor.className = 'lb-print-anchor';
      anchor.setAttribute('href', `#${h.id}`);
      anchor.setAttribute('aria-hidden', 'true');
      h.append(anchor);
      const number = h.querySelector('.lb-step-number');
      // A step heading is number, title (its own text) and estimate; the outline shows "1.2 Title".
      const title = [...h.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
      const text = number ? `${squash(number.textContent)} ${squash(title)}` : squash(h.textContent);
      const section = number ? h.closest<HTMLElement>('.lb-step')?.dataset.section : undefined;
      headings.push({ dest: h.id, level: Number(h.tagName[1]), text, ...(section ? { section } : {}) });
    }
    result.push(headings);
  }
  await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
  await document.fonts.ready;
  return result;
}
