/**
 * The runbook layout's sidebar (`<lb-sidebar-pane popover>`): a popover menu on narrow screens
 * that opens and closes without JavaScript, a plain column from 50em. As Starlight's own pane:
 * the popover attribute is dropped on wide screens (so Escape or a click elsewhere cannot hide
 * the column), and while the menu is open the page behind it is inert, keeping keyboard focus
 * in the header and menu.
 */
export function defineSidebarPane(): void {
  if (customElements.get('lb-sidebar-pane')) return;
  customElements.define(
    'lb-sidebar-pane',
    class extends HTMLElement {
      connectedCallback() {
        const wide = matchMedia('(min-width: 50em)');
        const reset = () => (this.popover = wide.matches ? null : 'auto');
        reset();
        wide.addEventListener('change', reset);
        this.addEventListener('toggle', (event) => {
          const open = (event as ToggleEvent).newState === 'open';
          for (const el of document.querySelectorAll<HTMLElement>('.main-frame, .sl-skip-link')) el.toggleAttribute('inert', open);
        });
      }
    },
  );
}
