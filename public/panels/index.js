/**
 * The panels of the page, in tab order. A panel is public/panels/<name>.js exporting
 * `mount(root, ctx)`; its strings live in public/locales/{en,zh}/<name>.json with at least a `tab` key
 * (the tab label). Elements with data-i18n="<ns>:<key>" (and data-i18n-placeholder / -title /
 * -aria-label) are re-translated automatically when the language changes.
 * To add a panel: create the module and its two catalogues, then add its name below.
 */
export const panels = [
  'lookup',
  'annotate',
  'check',
  'extract',
  'glossary',
];
