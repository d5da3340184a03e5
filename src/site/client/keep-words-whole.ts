/**
 * Wraps each word of every command line (a run of characters between spaces) in an element the
 * stylesheet keeps on one row, so a long command wraps only at its spaces. Left alone, Chromium
 * also breaks after `-`, `/` and `,`, which splits `--details` into `--` and `details` and reads
 * like two words. A word longer than the whole line still wraps inside, indented. Only elements
 * are added around the text: the command's text, which the copy button copies, stays the same.
 */
export function keepWordsWhole(root: ParentNode = document): void {
  for (const line of root.querySelectorAll<HTMLElement>('.lb-line:not([data-words])')) {
    line.dataset.words = '';
    const parts: Node[] = [];
    let word: (Node | string)[] = [];
    const endWord = () => {
      const text = word.map((w) => (typeof w === 'string' ? w : w.textContent)).join('');
      // Letters and digits alone never break, and the element's indent would widen a one-character word.
      if (text.length > 1 && /\W/.test(text)) {
        const element = document.createElement('span');
        element.className = 'lb-word';
        element.append(...word);
        parts.push(element);
      } else parts.push(...word.map((w) => (typeof w === 'string' ? document.createTextNode(w) : w)));
      word = [];
    };
    for (const node of [...line.childNodes]) {
      // A marked fact value stays whole, inside its word.
      for (const piece of node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '').split(/(\s+)/) : [node]) {
        if (typeof piece !== 'string' || !/^\s*$/.test(piece)) word.push(piece);
        else if (piece) {
          endWord();
          parts.push(document.createTextNode(piece));
        }
      }
    }
    endWord();
    line.replaceChildren(...parts);
  }
}
