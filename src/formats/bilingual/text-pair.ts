/**
 * Line-aligned plain text pairs: two files, line n of one translates line n of the other
 * (`policy.en.txt` + `policy.zh.txt`). Languages from the file names (`.en.`, `.zh-CN.`), else from the text.
 * Both files are read line by line in step (streaming). Lines present in one file only are notices.
 */
import { ShuyuError } from '../../core/errors.js';
import { normalizeLang } from '../../core/lang.js';
import { resolveLimits } from '../limits.js';
import type { BilingualFormat, BilingualInfo, BilingualReadOptions, BilingualUnit, FileInput, Limits } from '../types.js';
import { inputChunks } from './input.js';
import { guessLang, langFromFileName } from './langs.js';
import { plainSegment } from './segment.js';

async function* lines(input: FileInput, limits: Limits): AsyncGenerator<string> {
  let rest = '';
  for await (const chunk of inputChunks(input, limits)) {
    rest += chunk;
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield rest.slice(0, nl).replace(/\r$/, '');
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  if (rest) yield rest.replace(/\r$/, '');
}

/** Line-aligned text pair reader: exactly two inputs. */
export const textPairFormat: BilingualFormat = {
  kind: 'bilingual',
  id: 'text-pair',
  name: 'Line-aligned text pair',
  extensions: ['txt'],
  mediaTypes: ['text/plain'],
  readUnits(inputs: FileInput[], options: BilingualReadOptions = {}) {
    const info: BilingualInfo = { notices: [] };
    const limits = resolveLimits(options.limits);
    async function* units(): AsyncIterable<BilingualUnit> {
      if (inputs.length !== 2) {
        throw new ShuyuError('usage', `A text pair is two files (source and target), got ${inputs.length}`, { params: { count: inputs.length } });
      }
      let [a, b] = inputs as [FileInput, FileInput];
      let la = langFromFileName(a.name);
      let lb = langFromFileName(b.name);
      const want = options.sourceLang ? normalizeLang(options.sourceLang) : undefined;
      // the source is the file in the source language, else the non-Chinese one, else the first
      if ((want && lb === want && la !== want) || (!want && lb && la && la.startsWith('zh') && !lb.startsWith('zh'))) {
        [a, b] = [b, a];
        [la, lb] = [lb, la];
      }
      const ia = lines(a, limits);
      const ib = lines(b, limits);
      const buffered: [string | undefined, string | undefined][] = [];
      let sourceLang = options.sourceLang ? normalizeLang(options.sourceLang) : la;
      let targetLang = options.targetLang ? normalizeLang(options.targetLang) : lb;
      let n = 0;
      let aDone = false;
      let bDone = false;
      const next = async (): Promise<[string | undefined, string | undefined] | undefined> => {
        const x = aDone ? undefined : await ia.next();
        const y = bDone ? undefined : await ib.next();
        if (!x || x.done) aDone = true;
        if (!y || y.done) bDone = true;
        if (aDone && bDone) return undefined;
        return [x && !x.done ? x.value : undefined, y && !y.done ? y.value : undefined];
      };
      if (!sourceLang || !targetLang) {
        for (let k = 0; k < 50; k++) {
          const p = await next();
          if (!p) break;
          buffered.push(p);
        }
        sourceLang ??= guessLang(buffered.map((p) => p[0] ?? ''));
        targetLang ??= guessLang(buffered.map((p) => p[1] ?? ''));
        if (targetLang === sourceLang) targetLang = sourceLang.startsWith('zh') ? 'en' : 'zh-Hans';
      }
      info.sourceLang = sourceLang;
      info.targetLang = targetLang;
      let extraA = 0;
      let extraB = 0;
      for (;;) {
        const p = buffered.length ? buffered.shift() : await next();
        if (!p) break;
        n++;
        if (n > limits.maxRows) throw new ShuyuError('too_large', `${a.name} has more than ${limits.maxRows} lines`, { params: { file: a.name } });
        const [s, t] = p;
        if (s === undefined) {
          extraB++;
          continue;
        }
        if (t === undefined) extraA++;
        if (!s.trim() && !(t ?? '').trim()) continue;
        const u: BilingualUnit = { id: String(n), file: b.name, line: n, source: plainSegment(s), sourceLang, targetLang };
        if (t !== undefined) u.target = plainSegment(t);
        yield u;
      }
      if (extraA) info.notices.push({ code: 'line_count_mismatch', message: `${a.name} has ${extraA} more lines than ${b.name}`, file: b.name });
      if (extraB) info.notices.push({ code: 'line_count_mismatch', message: `${b.name} has ${extraB} more lines than ${a.name}`, file: b.name });
    }
    return { units: units(), info };
  },
};
