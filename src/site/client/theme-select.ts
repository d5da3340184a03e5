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

export function defineThemeSelect(): void {
  if (customElements.get('starlight-theme-select')) return;
  matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => {
    if (stored() === 'auto') apply('auto');
  });
  customElements.define(
    'starlight-theme-select',
    class extends HTMLElement {
      connectedCallback() {
        const select = this.querySelector('select');
        if (!select) return;
        select.value = stored();
        select.addEventListener('change', () => apply(parse(select.value)));
      }
    },
  );
  // The narrow-screen menu gets its picker from the header's (see chrome/MobilePreferences.astro).
  const picker = document.querySelector('starlight-theme-select');
  for (const slot of document.querySelectorAll('[data-lb-mobile-theme]')) {
    if (picker && !slot.querySelector('starlight-theme-select')) slot.append(picker.cloneNode(true));
  }
}
