/**
 * Runs inside the print page after `placeRunbooks` (and like it, uses nothing from its module
 * scope). Decision diagrams are drawn for the screen, where a wide one scrolls sideways; fitted
 * to the paper's width, a large tree printed its answer labels at 3–6 pt (issue 27, item 13).
 * On paper each diagram is printed at a fixed scale, never shrunk to fit, so its labels stay
 * legible (runbook-print.css sets them in 9 pt and more) and, when it is larger than a page at
 * that scale, in tiles of at most a page each, read left to right, top to bottom. Tiles are cut in the
 * gaps between questions and labels whenever there is one, so no text is cut in two.
 *
 * It also points the arrowheads back at their markers: `placeRunbooks` prefixes every id with the
 * runbook's, and the lines' `url(#…)` references still named the old ids, so no arrowhead printed.
 */

/** What `fitDiagramsToPaper` needs from Node. */
export interface PaperDiagramInput {
  /** Printable width of a page, CSS px. */
  widthPx: number;
  /** Printable height of a page, CSS px, for one tile (leave room for its caption). */
  heightPx: number;
  /** Paper size of one unit of the drawing (1: a CSS px of the drawing is a CSS px on paper). */
  scale: number;
}

/** Fits every decision diagram of the print page to paper; returns how many tiles were printed. */
export function fitDiagramsToPaper(input: PaperDiagramInput): number {
  /** Where to cut [start, start + length] into pieces of at most `max`, avoiding `spans` if it can. */
  const cutsOf = (start: number, length: number, max: number, spans: [number, number][]): number[] => {
    const cuts = [start];
    let at = start;
    while (start + length - at > max) {
      let cut = at + max;
      for (let moved = true; moved; ) {
        moved = false;
        const crossing = spans.find(([a, b]) => a < cut && cut < b);
        if (crossing) {
          cut = crossing[0] - 2;
          moved = true;
        }
      }
      // Nowhere to cut cleanly in the last three quarters of the piece: cut through, at full size.
      if (cut <= at + max / 4) cut = at + max;
      cuts.push(cut);
      at = cut;
    }
    cuts.push(start + length);
    return cuts;
  };

  let tiles = 0;
  for (const svg of document.querySelectorAll<SVGSVGElement>('#lb-runbooks svg.lb-diagram')) {
    for (const attr of ['marker-start', 'marker-end']) {
      for (const line of svg.querySelectorAll(`[${attr}]`)) {
        const id = /^url\(#(.+)\)$/.exec(line.getAttribute(attr)!)?.[1];
        const marker = id && !svg.querySelector(`marker[id="${CSS.escape(id)}"]`) ? svg.querySelector(`marker[id$="--${CSS.escape(id)}"]`) : null;
        if (marker) line.setAttribute(attr, `url(#${marker.id})`);
      }
    }

    const view = svg.viewBox.baseVal;
    const boxes = [...svg.querySelectorAll<SVGGraphicsElement>('.node, .edge-label')].map((g) => g.getBBox());
    if (boxes.length === 0) continue;
    // Rows first (a tree's layers leave gaps across the whole width), then each row's own columns,
    // cut between the boxes in that row only.
    const rows = cutsOf(view.y, view.height, input.heightPx / input.scale, boxes.map((b) => [b.y, b.y + b.height]));
    const tilesOf: { x: number; y: number; w: number; h: number; row: number }[] = [];
    for (let r = 0; r + 1 < rows.length; r++) {
      const [top, bottom] = [rows[r]!, rows[r + 1]!];
      const inRow = boxes.filter((b) => b.y < bottom && b.y + b.height > top);
      const columns = cutsOf(view.x, view.width, input.widthPx / input.scale, inRow.map((b) => [b.x, b.x + b.width]));
      for (let c = 0; c + 1 < columns.length; c++) {
        const [left, right] = [columns[c]!, columns[c + 1]!];
        // A piece with no question, answer or outcome in it (margin, lines passing by) is left out.
        if (!inRow.some((b) => b.x < right && b.x + b.width > left)) continue;
        tilesOf.push({ x: left, y: top, w: right - left, h: bottom - top, row: r });
      }
    }
    const count = tilesOf.length;
    tiles += count;
    const pieces = tilesOf.map((t, i) => {
      const piece = count === 1 ? svg : (svg.cloneNode(true) as SVGSVGElement);
      piece.setAttribute('viewBox', `${t.x} ${t.y} ${t.w} ${t.h}`);
      piece.setAttribute('width', String(t.w * input.scale));
      piece.setAttribute('height', String(t.h * input.scale));
      piece.classList.add('lb-paper-diagram');
      if (count > 1) piece.setAttribute('aria-label', `Decision tree diagram, part ${i + 1} of ${count}`);
      return piece;
    });
    if (count === 1) continue;
    const shownRows = [...new Set(tilesOf.map((t) => t.row))];
    const figure = svg.parentElement!;
    figure.replaceChildren();
    pieces.forEach((piece, i) => {
      const tile = document.createElement('div');
      tile.className = 'lb-paper-tile';
      const caption = document.createElement('p');
      caption.className = 'lb-paper-tile-caption';
      const { row } = tilesOf[i]!;
      const inRow = tilesOf.filter((t) => t.row === row);
      const where = inRow.length > 1 ? `, piece ${inRow.indexOf(tilesOf[i]!) + 1} of ${inRow.length} from the left` : '';
      caption.textContent = `Diagram, part ${i + 1} of ${count}: row ${shownRows.indexOf(row) + 1} of ${shownRows.length}${where}`;
      tile.append(caption, piece);
      figure.append(tile);
    });
  }
  return tiles;
}
