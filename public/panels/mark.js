/**
 * Marks a term in a context sentence: the first occurrence (ignoring case) of the first of `forms` found, in a
 * <mark class="context-term">, as DOM nodes (never innerHTML). Used by the lookup cards and the extract table.
 */
export function markFirst(el, sentence, forms) {
  const lower = sentence.toLowerCase();
  // a case change that alters the length would shift offsets: then nothing is marked
  if (lower.length === sentence.length) {
    for (const form of forms) {
      const at = form ? lower.indexOf(form.toLowerCase()) : -1;
      if (at >= 0) {
        return [
          document.createTextNode(sentence.slice(0, at)),
          el('mark', { class: 'context-term' }, sentence.slice(at, at + form.length)),
          document.createTextNode(sentence.slice(at + form.length)),
        ];
      }
    }
  }
  return [document.createTextNode(sentence)];
}
