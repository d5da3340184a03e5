/**
 * The passphrase form of a locked private runbook, built by the script (without it nothing could
 * be decrypted, so the page's own markup says only that): a labelled password field a password
 * manager can fill, "Remember on this device", and "Unlock". A failure shows one line in an
 * alert and nothing else; while the key is derived (0.1 to 0.5 s) the button says so and waits.
 */

export interface UnlockFormOptions {
  /** The page's audiences, named in the hint so the reader knows which passphrase. */
  audiences: string[];
  /** Shown above the field: why a page that opened before asks again. */
  note?: string;
  /** Tries the passphrase: resolves to the line to show, or `undefined` once the page is open. */
  onSubmit: (passphrase: string, rememberOnDevice: boolean) => Promise<string | undefined>;
  /** False where nothing can be remembered on the device (the single-file edition): no such box. */
  rememberable?: boolean;
}

const list = (names: string[]) => (names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
}

/** Puts the form into the locked block, after the build's explanation. */
export function mountUnlockForm(locked: HTMLElement, options: UnlockFormOptions): HTMLFormElement {
  const id = (part: string) => `lb-unlock-${part}`;
  const field = el('input', { id: id('passphrase'), type: 'password', name: 'passphrase', autocomplete: 'current-password', required: true, spellcheck: false });
  field.setAttribute('autocapitalize', 'none');
  field.setAttribute('aria-describedby', `${id('hint')} ${id('error')}`);
  const remember = el('input', { type: 'checkbox', name: 'remember' });
  const alert = el('p', { id: id('error'), className: 'lb-unlock-error' });
  alert.setAttribute('role', 'alert');
  const button = el('button', { type: 'submit', className: 'lb-button' }, 'Unlock');
  const hint = options.audiences.length ? `The passphrase of ${list(options.audiences)}.` : '';
  const form = el(
    'form',
    { className: 'lb-unlock' },
    ...(options.note ? [el('p', { className: 'lb-unlock-note' }, options.note)] : []),
    el('label', { htmlFor: field.id }, 'Passphrase'),
    el('p', { id: id('hint'), className: 'lb-unlock-hint' }, hint),
    field,
    alert,
    ...(options.rememberable === false ? [] : [el('label', { className: 'lb-unlock-remember' }, remember, ' Remember on this device')]),
    button,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (button.disabled) return;
    alert.textContent = '';
    button.disabled = true;
    button.textContent = 'Unlocking…';
    void options.onSubmit(field.value, remember.checked).then((failure) => {
      if (failure === undefined) return;
      // Emptied first, so the same line twice in a row is announced twice.
      alert.textContent = failure;
      field.setAttribute('aria-invalid', 'true');
      button.disabled = false;
      button.textContent = 'Unlock';
      field.focus();
      field.select();
    });
  });
  const noscript = locked.querySelector(':scope > noscript');
  if (noscript) noscript.before(form);
  else locked.append(form);
  return form;
}
