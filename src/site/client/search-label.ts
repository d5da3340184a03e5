/**
 * Starlight's search button is labelled "Search runbooks" but also shows its shortcut ("Ctrl K",
 * "⌘ K" on Apple devices) as text; a control's accessible name must contain the words it shows
 * (WCAG 2.5.3, "label in name"), or voice-control users cannot say what they see. The shortcut's
 * keys are also separated by spaces, so the shown text reads as words ("Ctrl K", not "CtrlK").
 */
export function nameSearchButtonWithShortcut(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-open-modal]')) {
    const shortcut = button.querySelector(':scope > kbd');
    const keys = [...(shortcut?.querySelectorAll('kbd') ?? [])];
    const label = button.getAttribute('aria-label');
    if (!shortcut || !label || keys.length === 0) continue;
    shortcut.before(' ');
    keys.slice(1).forEach((key) => key.before(' '));
    button.setAttribute('aria-label', `${label} ${keys.map((k) => k.textContent?.trim()).join(' ')}`);
  }
}
