/**
 * The theme, set inline and first to avoid a flash (components/overrides/ThemeProvider.astro).
 * Kept here, byte for byte as the page carries it, so its hash can go into every page's
 * Content-Security-Policy (content-security-policy.ts). Reads as:
 *   stored = localStorage 'starlight-theme'; theme = stored, else the system's preference;
 *   <html data-theme> = theme; updatePickers(value) shows `value` (default: stored or auto) in every picker.
 */
export const THEME_SCRIPT =
  "window.StarlightThemeProvider=(()=>{const s=typeof localStorage<'u'&&localStorage.getItem('starlight-theme'),t=s||(matchMedia('(prefers-color-scheme: light)').matches?'light':'dark');document.documentElement.dataset.theme=t==='light'?'light':'dark';return{updatePickers(v=s||'auto'){for(const e of document.querySelectorAll('starlight-theme-select select'))e.value=v}}})();";
