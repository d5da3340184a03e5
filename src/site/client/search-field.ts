/**
 * The home page's search field (issue 27, item 12): on a phone the header's search is only an
 * icon, so the home page shows a field that opens the same search dialog.
 */
export function initSearchField(): void {
  document.querySelector('[data-lb-search-field]')?.addEventListener('click', (event) => {
    // The dialog closes on any click outside it that reaches the window: this one must not.
    event.stopPropagation();
    document.querySelector<HTMLButtonElement>('button[data-open-modal]')?.click();
  });
}
