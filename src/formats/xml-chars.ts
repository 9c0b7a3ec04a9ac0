/** Characters XML 1.0 cannot hold (C0 controls except tab/LF/CR, U+FFFE/FFFF, lone surrogates). */
// eslint-disable-next-line no-control-regex
export const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Removes characters XML cannot hold; `onDrop` is told how many were removed. */
export function stripInvalidXml(text: string, onDrop?: (n: number) => void): string {
  let n = 0;
  const out = text.replace(INVALID_XML_CHARS, () => {
    n++;
    return '';
  });
  if (n && onDrop) onDrop(n);
  return out;
}
