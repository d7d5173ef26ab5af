// Chart tooltips: progressive enhancement for the build-time SVG charts. Without this script the
// marks still show their native <title> on hover; with it, a styled tooltip follows hover and
// keyboard focus (links and tabindex marks), and Escape hides it.

const tooltip = document.createElement('div');
tooltip.className = 'chart-tooltip';
tooltip.setAttribute('role', 'status');
tooltip.hidden = true;
document.body.append(tooltip);

function markOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest('.chart [data-tip]') : null;
}

function show(mark: Element): void {
  tooltip.textContent = mark.getAttribute('data-tip');
  tooltip.hidden = false;
  const box = mark.getBoundingClientRect();
  const left = Math.min(window.scrollX + box.left + box.width / 2, window.scrollX + document.documentElement.clientWidth - tooltip.offsetWidth - 8);
  tooltip.style.left = `${Math.max(window.scrollX + 8, left)}px`;
  tooltip.style.top = `${window.scrollY + box.top - tooltip.offsetHeight - 6}px`;
}

function hide(): void {
  tooltip.hidden = true;
}

for (const [type, handler] of [
  ['pointerover', (e: Event) => { const m = markOf(e.target); if (m) show(m); }],
  ['focusin', (e: Event) => { const m = markOf(e.target) ?? (e.target instanceof Element ? e.target.querySelector('[data-tip]') : null); if (m && m.closest('.chart')) show(m); }],
  ['pointerout', (e: Event) => { if (markOf(e.target)) hide(); }],
  ['focusout', hide],
] as const) {
  document.addEventListener(type, handler as EventListener);
}
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') hide();
});
