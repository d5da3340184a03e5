/**
 * Dark, light or follow the system: the choice is kept in localStorage under Starlight's own key
 * (`starlight-theme`) and applied to `<html data-theme>`, which all of Starlight's and Lifeboat's
 * colours follow.
 */
type Theme = 'auto' | 'dark' | 'light';

declare global {
  interface Window {
    StarlightThemeProvider: { updatePickers(theme?: string): void };
  }
}

const KEY = 'starlight-theme';
const parse = (value: unknown): Theme => (value === 'dark' || value === 'light' ? value : 'auto');
const stored = (): Theme => parse(localStorage.getItem(KEY));
const system = (): 'dark' | 'light' => (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');

function apply(theme: Theme): void {
  window.StarlightThemeProvider.updatePickers(theme);
  document.documentElement.dataset.theme = theme === 'auto' ? system() : theme;
  localStorage.setItem(KEY, theme === 'auto' ? '' : theme);
}

const PICKER =
  '<label><span class="sr-only">Select theme</span><select autocomplete="off">' +
  '<option value="dark">Dark</option><option value="light">Light</option><option value="auto">Auto</option></select></label>';

export function defineThemeSelect(): void {
  if (customElements.get('starlight-theme-select')) return;
  matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => {
    if (stored() === 'auto') apply('auto');
  });
  customElements.define(
    'starlight-theme-select',
    class extends HTMLElement {
      connectedCallback() {
        if (this.querySelector('select')) return; // moved, not new: already wired
        this.innerHTML = PICKER;
        const select = this.querySelector('select')!;
        select.value = stored();
        select.addEventListener('change', () => apply(parse(select.value)));
      }
    },
  );
  // The narrow-screen menu gets a picker too (see chrome/MobilePreferences.astro).
  for (const slot of document.querySelectorAll('[data-lb-mobile-theme]')) {
    if (!slot.querySelector('starlight-theme-select')) slot.append(Object.assign(document.createElement('starlight-theme-select'), { className: 'lb-theme-select' }));
  }
}
