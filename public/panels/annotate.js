/** Lookup panel (placeholder; filled in below). */
export function mount(root, ctx) {
  root.append(ctx.el('p', {}, ctx.t('tab')));
}
