/** Tells Chinese from English text for `--lang auto`: Chinese when Han characters are ≥ 20% of the letters. */
export function detectLang(sample: string): 'zh' | 'en' {
  let han = 0;
  let letters = 0;
  for (const ch of sample.slice(0, 200_000)) {
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
      letters++;
    } else if (/\p{L}/u.test(ch)) letters++;
  }
  return letters > 0 && han / letters >= 0.2 ? 'zh' : 'en';
}
