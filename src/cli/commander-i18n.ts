/**
 * commander's help in the language of messages. The descriptions come from the cli-help catalogue where each
 * command is registered; here the headings and the "(default: …)" / "(choices: …)" notes commander adds are
 * translated, and lines are measured and wrapped as a terminal shows them: a Chinese character takes two columns
 * and a line may break between two of them (commander counts one column per character and breaks at spaces).
 */
import { Help } from 'commander';
import type { Argument, Option } from 'commander';
import type { CliContext } from './context.js';

/** commander's help headings, by the key of their translation in the cli-help catalogue. */
const HELP_TITLES: Record<string, string> = {
  'Usage:': 'usage',
  'Options:': 'options',
  'Global Options:': 'globalOptions',
  'Arguments:': 'arguments',
  'Commands:': 'commands',
};

/** Whether a code point takes two terminal columns (East Asian Wide and Fullwidth, the ranges help text uses). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Terminal columns of a string without colour codes. */
export function displayWidth(text: string): number {
  // eslint-disable-next-line no-control-regex
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  let width = 0;
  for (const ch of plain) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

const WIDE = '\\u2e80-\\u303e\\u3041-\\u33ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uff60';
/**
 * Pieces a line may break between: a word with the spaces before it, or one wide character with the opening marks
 * before it and the closing punctuation after it (no line starts with ， or ends with （).
 */
const CHUNK = new RegExp(`\\s*(?:[（“「《『]*[${WIDE}]|[^\\s${WIDE}]+)[，。；：、！？）”」》』]*`, 'gu');

/** Wraps text to `width` columns, breaking at spaces and between wide characters. */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    const chunks = line.match(CHUNK);
    if (!chunks) {
      out.push('');
      continue;
    }
    let current = chunks[0]!;
    let used = displayWidth(current);
    for (const chunk of chunks.slice(1)) {
      const w = displayWidth(chunk);
      if (used + w <= width) {
        current += chunk;
        used += w;
        continue;
      }
      out.push(current);
      current = chunk.trimStart();
      used = displayWidth(current);
    }
    out.push(current);
  }
  return out.join('\n');
}

/** The help configuration for the CLI's language (commander's own for English, measured by display width). */
export function localizedHelp(ctx: CliContext): Partial<Help> {
  const measured: Partial<Help> = {
    displayWidth,
    boxWrap(this: Help, str: string, width: number) {
      return width < this.minWidthToWrap ? str : wrapText(str, width);
    },
  };
  if (ctx.lng === 'en') return measured;
  const base = new Help();
  // "desc (choices: "a", "b", default: "a")" → "desc（可选值："a", "b"，默认："a"）"
  const note = (text: string): string =>
    text.replace(/ ?\(((?:choices|default): .*)\)$/, (_m, inner: string) =>
      `（${inner.replace(/(^|, )(choices|default): /g, (_k, sep: string, kind: string) => `${sep ? '，' : ''}${ctx.t(`cli-help:titles.${kind}`)}：`)}）`,
    );
  return {
    ...measured,
    styleTitle: (title: string) => (HELP_TITLES[title] ? ctx.t(`cli-help:titles.${HELP_TITLES[title]}`) : title),
    optionDescription: (option: Option) => note(base.optionDescription(option)),
    argumentDescription: (argument: Argument) => note(base.argumentDescription(argument)),
  };
}

/**
 * commander's own error messages (commander 14) in the language of messages: each known message is matched and
 * rewritten from the cli-help catalogue; English, and any message not known here, pass through unchanged.
 */
export function localizeCommanderError(message: string, ctx: CliContext): string {
  if (ctx.lng === 'en') return message;
  const e = (key: string, params: Record<string, unknown>) => ctx.t(`cli-help:errors.${key}`, params);
  const [first = '', ...rest] = message.split('\n');
  let m: RegExpMatchArray | null;
  let head = first;
  if ((m = first.match(/^unknown option '(.+)'$/))) head = e('unknownOption', { flag: m[1] });
  else if ((m = first.match(/^unknown command '(.+)'$/))) head = e('unknownCommand', { name: m[1] });
  else if ((m = first.match(/^missing required argument '(.+)'$/))) head = e('missingArgument', { name: m[1] });
  else if ((m = first.match(/^option '(.+)' argument missing$/))) head = e('optionArgumentMissing', { flags: m[1] });
  else if ((m = first.match(/^too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/))) {
    head = e('tooManyArguments', { command: m[1] ? `（${m[1]}）` : '', expected: m[2], got: m[3] });
  } else if ((m = first.match(/^option '(.+)' argument '(.*)' is invalid\. ?(.*)$/))) head = e('invalidValue', { flags: m[1], value: m[2], reason: m[3] });
  const tail = rest.map((line) => {
    const s = line.match(/^\(Did you mean (?:one of )?(.+)\?\)$/);
    return s ? e('didYouMean', { suggestion: s[1] }) : line;
  });
  return [head, ...tail].join('\n');
}
