/**
 * Copy buttons. Copies the command element's text exactly (multi-line intact). A destructive
 * command needs a second, explicit click within a few seconds: the first click only arms it.
 */
const ARM_MS = 8000;
const timers = new WeakMap<HTMLButtonElement, number>();

/**
 * Gives every command block under `root` its copy button. The pages leave the button out: it
 * needs a script to copy anything, and it would cost ~90 bytes per command on every page.
 */
export function addCopyButtons(root: ParentNode = document): void {
  for (const block of root.querySelectorAll<HTMLElement>('.lb-command')) {
    const bar = block.querySelector('.lb-command-bar');
    const code = block.querySelector('.lb-command-code > code');
    if (!bar || !code?.id || bar.querySelector('.lb-copy')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'lb-copy';
    button.dataset.copy = code.id;
    if (block.classList.contains('lb-destructive')) button.dataset.destructive = 'true';
    const description = block.querySelector('.lb-command-desc');
    if (description?.id) button.setAttribute('aria-describedby', description.id);
    button.textContent = 'Copy';
    bar.append(button);
  }
}

export async function handleCopyClick(event: MouseEvent): Promise<void> {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button.lb-copy');
  if (!button) return;
  const code = document.getElementById(button.dataset.copy ?? '');
  if (!code) return;
  if (button.dataset.destructive === 'true' && button.dataset.armed !== 'true') {
    button.dataset.armed = 'true';
    setLabel(button, 'Confirm copy');
    button.setAttribute('aria-live', 'polite');
    timers.set(button, window.setTimeout(() => reset(button), ARM_MS));
    return;
  }
  window.clearTimeout(timers.get(button));
  const ok = await copyText(code.textContent ?? '');
  setLabel(button, ok ? 'Copied' : 'Select and copy');
  delete button.dataset.armed;
  timers.set(button, window.setTimeout(() => reset(button), 2000));
}

function reset(button: HTMLButtonElement): void {
  delete button.dataset.armed;
  setLabel(button, 'Copy');
}

function setLabel(button: HTMLButtonElement, text: string): void {
  button.textContent = text;
}

/** Clipboard API where allowed; the selection fallback covers file:// and old browsers. */
async function copyText(text: string): Promise<boolean> {
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
