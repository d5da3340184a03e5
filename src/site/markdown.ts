import { markdownToHtml } from 'satteri';

/**
 * Markdown text from YAML runbooks (step bodies, decision help) to HTML, with the same parser
 * Astro uses for MDX, so prose looks the same in both formats. Runbooks are reviewed source in
 * the team's repository; text that came from a cluster never passes through here.
 */
export function renderMarkdown(text: string | undefined): string {
  if (!text?.trim()) return '';
  return markdownToHtml(text).html;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
