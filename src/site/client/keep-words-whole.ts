/**
 * Wraps each word of every command line (a run of characters between spaces, a marked fact
 * value included) in an element the stylesheet keeps on one row, so a long command wraps only
 * at its spaces. Left alone, Chromium also breaks after `-`, `/` and `,`, which splits
 * `--details` into `--` and `details` and reads like two words. A word longer than the whole line
 * still wraps inside, indented. Only elements are added around the text: the command's text,
 * which the copy button copies, stays the same.
 */
export function keepWordsWhole(root: ParentNode = document): void {
  for (const line of root.querySelectorAll<HTMLElement>('.lb-line:not([data-words])')) {
    line.dataset.words = '';
    line.innerHTML = wrapWords(line.innerHTML);
  }
}

/**
 * The HTML of one line (escaped text and `<mark>`s, as command-html.ts writes it) with its words
 * wrapped. A mark is never cut, even around a space inside it. Letters and digits alone never
 * break, and the element's indent would widen a one-character word: those stay as they are.
 */
export function wrapWords(html: string): string {
  return html.replace(/(?:<mark[^>]*>[^<]*<\/mark>|[^\s<])+/g, (word) => {
    // An escaped character (`&amp;`, `&lt;`, `&quot;`) is one character, and one a line may break at.
    const text = word.replace(/<[^>]*>/g, '').replace(/&\w+;/g, '#');
    return text.length > 1 && /\W/.test(text) ? `<span class="lb-word">${word}</span>` : word;
  });
}
