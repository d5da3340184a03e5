/**
 * Copy buttons. Copies the command element's text exactly (multi-line intact), or the one-line
 * form the build found safe (`data-one-line`, src/command/one-line.ts). Some copies need a
 * second, explicit click within a few seconds, the first click only arming the button: every
 * copy of a destructive command, and the first copy of a command filled in from cluster facts
 * older than the site accepts (fact-age.ts marks those), so the on-call checks the value first.
 */
const ARM_MS = 8000;
const timers = new WeakMap<HTMLButtonElement, number>();

/**
 * Gives every command block under `root` its copy button (and "Copy as one line" where the
 * build offers it). The pages leave the buttons out: they need a script to copy anything, and
 * would cost ~90 bytes per command on every page.
 */
export function addCopyButtons(root: ParentNode = document): void {
  for (const block of root.querySelectorAll<HTMLElement>('.lb-command')) {
    const bar = block.querySelector('.lb-command-bar');
    const code = block.querySelector('.lb-command-code > code');
    if (!bar || !code?.id || bar.querySelector('.lb-copy')) continue;
    const description = block.querySelector('.lb-command-desc');
    for (const label of block.dataset.oneLine ? ['Copy', 'Copy as one line'] : ['Copy']) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'lb-copy';
      button.dataset.copy = code.id;
      button.dataset.label = label;
      if (label !== 'Copy') button.dataset.oneLine = 'true';
      if (block.classList.contains('lb-destructive')) button.dataset.destructive = 'true';
      if (description?.id) button.setAttribute('aria-describedby', description.id);
      button.textContent = label;
      bar.append(button);
    }
  }
}

export async function handleCopyClick(event: MouseEvent): Promise<void> {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button.lb-copy');
  if (!button) return;
  const code = document.getElementById(button.dataset.copy ?? '');
  const block = button.closest<HTMLElement>('.lb-command');
  if (!code || !block) return;
  // Warned once per command: the on-call has seen the facts' age by then.
  const oldFacts = block.classList.contains('lb-facts-old') && block.dataset.factsWarned !== 'true';
  if ((button.dataset.destructive === 'true' || oldFacts) && button.dataset.armed !== 'true') {
    button.dataset.armed = 'true';
    setLabel(button, oldFacts ? 'Old facts: confirm copy' : 'Confirm copy');
    button.setAttribute('aria-live', 'polite');
    timers.set(button, window.setTimeout(() => reset(button), ARM_MS));
    return;
  }
  window.clearTimeout(timers.get(button));
  if (oldFacts) block.dataset.factsWarned = 'true';
  const text = button.dataset.oneLine ? (block.dataset.oneLine ?? '') : (code.textContent ?? '');
  const ok = await copyText(text);
  setLabel(button, ok ? 'Copied' : 'Select and copy');
  // For incident mode's timeline (incident-ui.ts), which records destructive copies.
  if (ok) button.dispatchEvent(new CustomEvent('lb:copied', { bubbles: true, detail: { text, destructive: button.dataset.destructive === 'true' } }));
  delete button.dataset.armed;
  timers.set(button, window.setTimeout(() => reset(button), 2000));
}

function reset(button: HTMLButtonElement): void {
  delete button.dataset.armed;
  setLabel(button, button.dataset.label ?? 'Copy');
}

function setLabel(button: HTMLButtonElement, text: string): void {
  button.textContent = text;
}

/** Clipboard API where allowed; the selection fallback covers file:// and old browsers. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}
