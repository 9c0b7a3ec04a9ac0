/**
 * Chinese candidate spans from jieba-tagged segments: sequences of one to several segments that fit
 * noun-phrase patterns (n, nz, vn, ns, nt, eng, a/b + n …), bounded by punctuation, function words, numbers
 * and a stop list. Every valid sub-span is a candidate (C-value decides between nested ones). A few fixed patterns
 * outside those runs are candidates too: N 和 N (盟友和伙伴), numeral + 大 + noun (三大支柱), quoted names (“创新主导”).
 */
import type { Span } from './en-candidates.js';
import type { Token, ZhTagger } from './types.js';

/** Segments that can head a term (end a candidate). */
const HEAD_TAGS = new Set(['n', 'nz', 'vn', 'ng', 'nt', 'ns', 'nrt', 'eng', 'j', 'an', 'l', 'i']);
/** Segments that can modify inside a term (before the head). */
const MODIFIER_TAGS = new Set([...HEAD_TAGS, 'a', 'b', 'v', 'ad', 'vd', 's', 'nr']);
/** One-character noun-forming suffixes jieba often splits off (数据/集, 解释/性, 情报/界). */
const SUFFIXES = new Set([...'集性化率度者界业类型式法']);
/** One-character prefixes that start a term (可解释性, 非营利, 高安全性, 伪创新). */
const PREFIXES = new Set([...'可非高低超伪反多']);

/**
 * Whether a segment is a one-character prefix (at the start of a phrase) or suffix (at its end) that does not
 * stand alone: 伪|创新, 数据|集, 情报|界. Keyness estimates such derivations without the collocation floor.
 */
export function isZhBoundAffix(word: string, position: 'first' | 'last'): boolean {
  return word.length === 1 && (position === 'first' ? PREFIXES.has(word) : SUFFIXES.has(word));
}

/** Nouns that are never terms on their own (too general). */
export const ZH_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '我们 其他 其中 同时 时候 时间 年 月 日 人 者 性 化 等 之一 一方面 另一方面 总的来看 ' +
    '近日 阅读 文件 指示 核心 举措 思路 关注 意味 问题 基础 全面 主要 重要 明确 相关 新 多方 ' +
    '推动 加强 促进 提出 确保 鼓励 构建 支持 推进 实施 发布 建立 提升 维护 保障 消除 降低 培养 恢复 简化 投资 撤销 宣布 ' +
    '调整 取代 采用 应对 制定 利用 通过 包括 提供 进行 实现 成为 对抗 输出 打压 挤压 迫使 堵塞 领导 建设 发展 加速 ' +
    '旨在 围绕 转向 列为 视为 力图 重塑 获得 做出 给予 入手 发挥 还 特别 提到 愿意 加入 试图 导致 带来 出现 存在 深化 ' +
    '加深 承诺 集中 偏向 想 倡导 可能 短期内 进而 或将 进一步 使 让 将 把 ' +
    '需要 可以 应当 应该 必须 能够 是 有 没有 具有 包含 涉及 属于 覆盖 面临 正在 已经 ' +
    '对 对于 关于 分析 整理 贯彻落实 落实 贯彻 拟 借助 分别 保持 保护 刺激 解除 依赖 匹配 简述 梳理 表面 实则 充满 ' +
    // words by which a document names its own kind or parts (简析, 内容要点, 前言): the genre, not the subject
    '简析 浅析 试析 评析 述评 综述 概述 概要 摘要 提要 要点 要旨 简介 导读 引言 前言 绪论 结语 小结 总结 附录 目录'
  ).split(' '),
);

/**
 * A grade attribute (世界级, 国家级, 企业级): like a descriptive adjective it only says what class of thing
 * follows (世界级|科学数据集), so before a compound it is a free modifier.
 */
function isGradeAttribute(word: string): boolean {
  return word.length >= 3 && word.endsWith('级') && hasHan(word);
}

/** General nouns that may modify inside a term (国家安全) but never head one or stand alone (领域, 方面). */
export const ZH_GENERIC_NOUNS: ReadonlySet<string> = new Set(
  (
    '方面 问题 时期 部分 内容 特点 影响 背景 目标 途径 领域 层面 方式 情况 工作 本身 手段 空间 作用 重点 要求 方向 ' +
    '意义 过程 结果 原因 条件 国家 基础 核心 全球 国际 行业 产品 技术 政策 方式 地位 能力 水平 环境'
  ).split(' '),
);

function isTermSegment(word: string, tag: string): boolean {
  // Latin inside Chinese text: only acronyms and model-like names (AI, GPU, ChatGPT), not English prose
  if (tag === 'eng') {
    const w = word.normalize('NFKC');
    return /^[A-Za-z][A-Za-z0-9]*$/.test(w) && /[A-Z].*[A-Z0-9]/.test(w);
  }
  return hasHan(word);
}

/** Whether a word has a Han character (\p{Script=Han} by code ranges: per-token regexes are a hot spot). */
function hasHan(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (
      (c >= 0x3400 && c <= 0x9fff) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xd840 && c <= 0xd87f) || // high surrogates of planes 2–3 (extensions B–H)
      (c >= 0x2e80 && c <= 0x2fdf) ||
      c === 0x3005 || c === 0x3007 || (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303b)
    )
      return true;
  }
  return false;
}

/**
 * Segments and tags one sentence with the injected tagger and returns tokens with offsets. jieba's output
 * concatenates to the input; if a tagger ever drops characters, offsets are re-synchronised by search.
 */
export function tagZh(sentence: string, tagger: ZhTagger): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const { word, tag } of tagger.tag(sentence)) {
    let start = sentence.startsWith(word, pos) ? pos : sentence.indexOf(word, pos);
    if (start < 0) start = pos;
    out.push({ text: word, tag, start, end: start + word.length });
    pos = start + word.length;
  }
  return out;
}

/**
 * Tags many sentences with one tagger call (joined by line breaks, which jieba keeps as separate tokens)
 * and returns each sentence's tokens with offsets relative to that sentence.
 */
export function tagZhBatch(sentences: readonly string[], tagger: ZhTagger): Token[][] {
  if (sentences.length === 0) return [];
  const joined = sentences.join('\n');
  const all = tagZh(joined, tagger);
  const out: Token[][] = sentences.map(() => []);
  let s = 0;
  let base = 0;
  for (const t of all) {
    while (s < sentences.length - 1 && t.start >= base + sentences[s]!.length + 1) {
      base += sentences[s]!.length + 1;
      s++;
    }
    if (t.start >= base + sentences[s]!.length) continue; // the joining line break
    if (t.end > base + sentences[s]!.length) {
      // a token across the break (never with jieba): cut it at the sentence end
      out[s]!.push({ text: t.text.slice(0, base + sentences[s]!.length - t.start), tag: t.tag, start: t.start - base, end: sentences[s]!.length });
      continue;
    }
    t.start -= base; // the token objects are ours: shift them in place rather than copy
    t.end -= base;
    out[s]!.push(t);
  }
  return out;
}

/** Longest Chinese candidate in segments and in characters unless an option says otherwise. */
export const ZH_MAX_WORDS = 4;
export const ZH_MAX_CHARS = 16;

/** Options for Chinese spans. */
export interface ZhSpanOptions {
  /** Longest candidate in segments. @default 4 (fixed patterns such as quoted names: only when given) */
  maxWords?: number;
  /** Longest candidate in characters. @default 16 (fixed patterns: only when given) */
  maxChars?: number;
}

/**
 * All candidate spans of a tagged Chinese sentence. A span ends with a noun-like segment, starts with a
 * noun, adjective, distinguishing word or verb that is not in the stop list, and lies within one run of
 * term-like segments (punctuation, particles, numbers, conjunctions, prepositions and stop words break runs).
 * Single segments must be at least two characters (or a Latin acronym/word) and not stop words.
 */
export function zhCandidateSpans(tokens: Token[], options: ZhSpanOptions = {}): Span[] {
  const maxWords = options.maxWords ?? ZH_MAX_WORDS;
  const maxChars = options.maxChars ?? ZH_MAX_CHARS;
  const out: Span[] = [];
  const tags = tokens.map((_t, i) => effectiveTag(tokens, i));
  const inRun = tokens.map((t, i) => MODIFIER_TAGS.has(tags[i]!) && isTermSegment(t.text, tags[i]!) && !ZH_STOP_WORDS.has(t.text));
  // a bound affix belongs to its neighbour: no span starts on a suffix or right after a prefix, or ends on a
  // prefix or right before a suffix (科学数据|集, 高|安全性数据中心 are fragments)
  const bound = tokens.map((t, i) => (t.text.length === 1 ? (tags[i] === 'n' && SUFFIXES.has(t.text) && tokens[i]!.tag !== 'n' ? 'suffix' : tags[i] === 'b' && PREFIXES.has(t.text) ? 'prefix' : '') : ''));
  for (let i = 0; i < tokens.length; i++) {
    if (!inRun[i]) continue;
    const first = tokens[i]!;
    const firstTag = tags[i]!;
    // a one-character verb or adverb never starts a term; two-character verbs may (开放权重, 管制措施)
    if ((firstTag === 'v' || firstTag === 'ad' || firstTag === 'vd' || firstTag === 'nr' || firstTag === 's') && first.text.length < 2) continue;
    // nor does any other one-character segment except a prefix (可/高/伪): after numbers and classifiers it is a
    // fragment (90项|行动计划, 三大|支柱 → 项行动计划, 大支柱), before a noun a clause word (美|技术脱钩)
    if (first.text.length < 2 && firstTag !== 'b' && firstTag !== 'eng') continue;
    if (bound[i] === 'suffix' || bound[i - 1] === 'prefix') continue;
    // the second of two bare coordinated nouns shares the head that ends the phrase with the first (盟友和伙伴|出口,
    // 控制性和稳健性|突破, 开源和开放权重|人工智能): a span from it to that head is a fragment, counted for structure only —
    // unless the list goes on after it (数据中心、半导体制造设施和能源基础设施: each item is whole)
    const secondConjunct = i >= 2 && COORDINATORS_AND_COMMA.has(tokens[i - 1]!.text) && isConjunct(tokens[i - 2]!, tags[i - 2]!, inRun[i - 2]!) && !(i >= 3 && inRun[i - 3] && tokens[i - 3]!.end === tokens[i - 2]!.start);
    let longestStructural: Span | undefined;
    for (let j = i; j < tokens.length && j - i < maxWords && inRun[j]; j++) {
      // a place name starts a term (美国价值观) but inside one it marks a clause (出口美国人工智能)
      if (j > i && tags[j] === 'ns') break;
      const last = tokens[j]!;
      if (last.end - first.start > maxChars) break;
      const lastTag = tags[j]!;
      if (bound[j + 1] === 'suffix' || bound[j] === 'prefix') continue;
      // a two-character verb heads a term after a noun (人工智能创新, 半导体制造, 技术脱钩) or alone, as the
      // nominalised use jieba still tags v (创新, 部署): common verbs rank low by keyness, stop-listed ones never enter
      const verbHead = lastTag === 'v' && last.text.length === 2 && (j === i || NOUNISH.has(tags[j - 1]!) || bound[j - 1] === 'prefix');
      if ((!HEAD_TAGS.has(lastTag) && !verbHead) || ZH_GENERIC_NOUNS.has(last.text)) continue;
      if (j === i && !isSingle(first, firstTag)) continue;
      const span: Span = { parts: tokens.slice(i, j + 1).map((t) => t.text), start: first.start, end: last.end };
      if (j === i && (lastTag === 'v' || lastTag === 'a' || lastTag === 'an')) span.predicate = true;
      if (j === i && (firstTag === 'i' || firstTag === 'l')) {
        span.idiom = true;
        // an idiom before 的/地 or a verb describes something (多管齐下的政策工具, 在短期内促进): not a name of anything
        if (isModifierUse(tokens, tags, j + 1)) span.structural = true;
      }
      if (j > i && (firstTag === 'v' || firstTag === 'vd')) span.verbLead = true;
      if (j > i && (firstTag === 'ns' || ZH_GENERIC_NOUNS.has(first.text))) span.looseLead = firstTag === 'ns' ? 'place' : 'general';
      else if (j > i + 1 && (firstTag === 'a' || firstTag === 's' || isGradeAttribute(first.text))) span.looseLead = 'descriptive';
      // 开放权重 is a term, 开放权重人工智能 not (a verb starts only two-part terms), but the longest such span
      // still tells the ranking how the phrase is built ([[开放 权重] 人工智能]: 权重人工智能 is a fragment)
      if (j > i && secondConjunct && (j + 1 >= tokens.length || !inRun[j + 1] || tags[j + 1] === 'ns') && !COORDINATORS_AND_COMMA.has(tokens[j + 1]?.text ?? '')) {
        span.structural = true;
        longestStructural = span;
      } else if (j - i > 1 && span.verbLead) {
        span.structural = true;
        longestStructural = span;
      } else out.push(span);
    }
    if (longestStructural) out.push(longestStructural);
  }
  // the fixed patterns are whole names (a quoted pillar name may be long): only limits asked for explicitly cut them
  if (options.maxWords === undefined && options.maxChars === undefined) patternSpans(tokens, tags, inRun, out);
  else {
    const patterns: Span[] = [];
    patternSpans(tokens, tags, inRun, patterns);
    for (const span of patterns) if (span.parts.length <= maxWords && span.end - span.start <= maxChars) out.push(span);
  }
  return out;
}

/** Closing quotation marks skipped when looking at what follows a span. */
const CLOSING_MARKS = new Set(['”', '」', '』', '’', '"']);

/** Whether the tokens from `k` on (after a closing mark) make what precedes them a modifier: 的/地 or a verb. */
function isModifierUse(tokens: Token[], tags: string[], k: number): boolean {
  while (k < tokens.length && CLOSING_MARKS.has(tokens[k]!.text)) k++;
  const next = tokens[k];
  return next !== undefined && (next.text === '的' || next.text === '地' || tags[k] === 'v' || tags[k] === 'vd');
}

/** Coordinators of two nouns (盟友和伙伴, 盟友与伙伴). */
const COORDINATORS = new Set(['和', '与', '及']);
/** Coordinators and the enumeration comma (可解释性、控制性和稳健性). */
const COORDINATORS_AND_COMMA = new Set([...COORDINATORS, '、']);
/** One-character Chinese numerals (三大支柱, 两大阵营). */
const NUMERALS = new Set([...'一二三四五六七八九十两']);
/** Segments a conjunct or a counted noun may be: common nouns, not place names, people or Latin. */
const CONJUNCT_TAGS = new Set(['n', 'nz', 'vn', 'nt', 'j', 'an']);
/** Segments that, right after a phrase, continue it as a noun phrase (a coordination then only modifies). */
const NOUN_CONTINUATION = new Set(['n', 'nz', 'ng', 'nt', 'j', 'eng']);

/**
 * Two fixed patterns outside the noun-phrase runs, each a candidate as a whole:
 * - a coordination of two bare nouns, `N 和/与/及 N` (盟友和伙伴), when the first noun starts its phrase and no
 *   noun follows the second (供应链安全和地缘竞争 coordinates phrases, 言论自由和美国价值观 a noun with a phrase);
 * - a one-character numeral + 大 + noun (三大支柱), the way Chinese names a fixed set of parts.
 */
function patternSpans(tokens: Token[], tags: string[], inRun: boolean[], out: Span[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const a = tokens[i]!;
    const mid = tokens[i + 1]!;
    const b = tokens[i + 2]!;
    if (COORDINATORS.has(mid.text) && isConjunct(a, tags[i]!, inRun[i]!) && isConjunct(b, tags[i + 2]!, inRun[i + 2]!)) {
      const before = i > 0 && inRun[i - 1] && tokens[i - 1]!.end === a.start;
      const after = tokens[i + 3] !== undefined && inRun[i + 3] && NOUN_CONTINUATION.has(tags[i + 3]!);
      if (!before && !after) out.push({ parts: [a.text, mid.text, b.text], start: a.start, end: b.end });
    }
    if (QUOTE_PAIRS.has(a.text)) {
      quotedSpan(tokens, inRun, i, out);
      quotedListSpans(tokens, tags, i, out);
    }
    if (a.text.length === 1 && NUMERALS.has(a.text) && mid.text === '大' && isConjunct(b, tags[i + 2]!, inRun[i + 2]!))
      out.push({ parts: [a.text, mid.text, b.text], start: a.start, end: b.end });
  }
}

/** Whether a candidate's parts are a coordination of two nouns (盟友和伙伴): each conjunct still stands alone. */
export function isZhCoordination(parts: readonly string[]): boolean {
  return parts.length === 3 && COORDINATORS.has(parts[1]!);
}

/** Opening quotation marks (not title marks: 《…》 is a title) and their closing marks. */
const QUOTE_PAIRS: ReadonlyMap<string, string> = new Map([['“', '”'], ['「', '」'], ['『', '』'], ['‘', '’']]);

/**
 * The whole content of quotation marks as one candidate when it is a short run of term-like segments that the
 * noun-phrase patterns do not end on a head (“创新主导”: 主导 is tagged b): the author set it off as a name.
 */
function quotedSpan(tokens: Token[], inRun: boolean[], open: number, out: Span[]): void {
  const close = QUOTE_PAIRS.get(tokens[open]!.text)!;
  let j = open + 1;
  while (j < tokens.length && j - open <= 5 && inRun[j] && hasHan(tokens[j]!.text)) j++;
  if (tokens[j]?.text !== close || j - open - 1 < 2) return;
  const first = tokens[open + 1]!;
  const last = tokens[j - 1]!;
  if (last.end - first.start > 8 || out.some((s) => s.start === first.start && s.end === last.end)) return;
  out.push({ parts: tokens.slice(open + 1, j).map((t) => t.text), start: first.start, end: last.end });
}

/** Segments an item of a quoted list may not hold: punctuation, particles, conjunctions, prepositions, pronouns. */
const NOT_IN_ITEM = new Set(['x', 'uj', 'ul', 'uz', 'ug', 'uv', 'ud', 'u', 'c', 'p', 'r', 'y', 'e', 'o', 'm', 'q']);

/**
 * Each item of a list in quotation marks (“加速人工智能创新、建设美国人工智能基础设施、…”) as a candidate: the
 * author names the parts of something, verb phrases included, as the quotation marks around a single name do.
 * An item is two to five segments of Chinese words (no particles or conjunctions), at most 16 characters. A name
 * does not make the terms inside it less of a term (人工智能创新 in 加速人工智能创新): it is `named`.
 */
function quotedListSpans(tokens: Token[], tags: string[], open: number, out: Span[]): void {
  const close = QUOTE_PAIRS.get(tokens[open]!.text)!;
  let end = open + 1;
  let commas = 0;
  while (end < tokens.length && end - open <= 40 && tokens[end]!.text !== close) {
    if (tokens[end]!.text === '、') commas++;
    end++;
  }
  if (tokens[end]?.text !== close || commas === 0) return;
  for (let a = open + 1; a < end; ) {
    let b = a;
    while (b < end && tokens[b]!.text !== '、') b++;
    const item = tokens.slice(a, b);
    const ok =
      item.length >= 2 &&
      item.length <= 5 &&
      item[item.length - 1]!.end - item[0]!.start <= 16 &&
      item.every((t, k) => hasHan(t.text) && !NOT_IN_ITEM.has(tags[a + k]!));
    if (ok && !out.some((s) => s.start === item[0]!.start && s.end === item[item.length - 1]!.end)) {
      out.push({ parts: item.map((t) => t.text), start: item[0]!.start, end: item[item.length - 1]!.end, named: true });
    }
    a = b + 1;
  }
}

function isConjunct(t: Token, tag: string, inRun: boolean): boolean {
  return inRun && CONJUNCT_TAGS.has(tag) && t.text.length >= 2 && hasHan(t.text) && !ZH_GENERIC_NOUNS.has(t.text);
}

const NOUNISH = new Set(['n', 'nz', 'vn', 'ng', 'nt', 'ns', 'eng', 'j', 'l']);

/** The tag used for patterns: affixes become nouns/modifiers when attached to a neighbour. */
function effectiveTag(tokens: Token[], i: number): string {
  const t = tokens[i]!;
  if (t.text.length === 1) {
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (SUFFIXES.has(t.text) && prev && prev.end === t.start && /\p{Script=Han}/u.test(prev.text) && prev.tag !== 'x' && prev.tag !== 'uj') return 'n';
    if (PREFIXES.has(t.text) && next && /\p{Script=Han}/u.test(next.text)) return 'b';
  }
  if (t.tag === 'nr' && t.text.length >= 2) return 'nr';
  return t.tag;
}

function isSingle(t: Token, tag: string): boolean {
  return t.text.length >= 2 && (HEAD_TAGS.has(tag) || tag === 'v');
}

/** Joins Chinese parts into the surface text of a candidate (Latin parts keep a space between them). */
export function joinZh(parts: readonly string[]): string {
  if (parts.length === 1) return parts[0]!;
  let s = '';
  for (const p of parts) {
    if (s && isAsciiAlnum(s.charCodeAt(s.length - 1)) && isAsciiAlnum(p.charCodeAt(0))) s += ' ';
    s += p;
  }
  return s;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
