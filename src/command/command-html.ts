/**
 * The inside of a command's `<code>`: one element per real line (the page draws a marker
 * before each and indents a wrapped continuation, in CSS, so nothing extra is copied), and each
 * value that came from the cluster facts in a `<mark>`. The element's text is the command, byte
 * for byte: each line but the last keeps its newline inside its element.
 */
import type { CommandPiece } from './command-lines.ts';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "2026-11-20 06:07 UTC": how a snapshot time is shown before the page script adds its age. */
export const shownTime = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/** `noteId` is the element that says where the marked values came from and how old they are. */
export function commandHtml(lines: readonly (readonly CommandPiece[])[], noteId: string): string {
  return lines
    .map((line, i) => {
      const text = line.map((piece) => (piece.fact ? mark(piece.text, noteId) : escape(piece.text))).join('');
      return `<span class="lb-line">${text}${i < lines.length - 1 ? '\n' : ''}</span>`;
    })
    .join('');
}

function mark(text: string, noteId: string): string {
  // Focusable, so the age shows for the keyboard as it does on hover (the note below the command,
  // which also says it to screen readers, and is always shown without scripts or on paper).
  return `<mark class="lb-fact" tabindex="0" aria-describedby="${escape(noteId)}">${escape(text)}</mark>`;
}

/** The clusters (with their snapshot times) the command's marked values came from, once each. */
export function factOrigins(lines: readonly (readonly CommandPiece[])[]): { cluster: string; collectedAt: string }[] {
  const byCluster = new Map<string, string>();
  for (const piece of lines.flat()) if (piece.fact) byCluster.set(piece.fact.cluster, piece.fact.collectedAt);
  return [...byCluster].map(([cluster, collectedAt]) => ({ cluster, collectedAt }));
}
