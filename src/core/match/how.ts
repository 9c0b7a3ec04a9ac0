/**
 * Why a match differs from the stored term: each fold without which the matched text would not have
 * matched the compiled form (see docs/matching.md).
 */
import { FOLD_ALL, FOLD_CASE, FOLD_INFLECTION, FOLD_SCRIPT, FOLD_WIDTH, foldKey } from '../normalize/index.js';
import type { MatchHow } from './types.js';

/**
 * The folds needed to get from the compiled `form` (an inflection of `script`, itself the stored `term`
 * or its Traditional/Simplified/Taiwan-vocabulary variant) to the matched `text`, in the order
 * case, width, script, inflection; `['exact']` when the text is the term.
 */
export function howMatched(text: string, term: string, script: string, form: string): MatchHow[] {
  if (text === term) return ['exact'];
  const how: MatchHow[] = [];
  if (text === form) {
    // the compiled form itself: only the folds that made the form from the term
    if (script !== term) how.push('script');
    if (form !== script) how.push('inflection');
    return how;
  }
  if (asciiCaseOnly(text, form)) {
    // the common case (`Export Controls` for `export controls`): the same as the folds below, without them
    how.push('case');
    if (script !== term) how.push('script');
    if (form !== script) how.push('inflection');
    return how;
  }
  if (foldKey(text, FOLD_ALL & ~FOLD_CASE) !== foldKey(form, FOLD_ALL & ~FOLD_CASE)) how.push('case');
  if (foldKey(text, FOLD_ALL & ~FOLD_WIDTH) !== foldKey(form, FOLD_ALL & ~FOLD_WIDTH)) how.push('width');
  if (script !== term || foldKey(text, FOLD_ALL & ~FOLD_SCRIPT) !== foldKey(form, FOLD_ALL & ~FOLD_SCRIPT)) how.push('script');
  if (form !== script || foldKey(text, FOLD_ALL & ~FOLD_INFLECTION) !== foldKey(form, FOLD_ALL & ~FOLD_INFLECTION)) how.push('inflection');
  // what is left differs only in ignorable characters (soft hyphen, joiners): a character normalisation
  return how.length ? how : ['width'];
}

/** True when a and b are ASCII of the same length and differ only in the case of letters. */
function asciiCaseOnly(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) {
      if (x > 127) return false;
      continue;
    }
    const lx = x | 32;
    if (x > 127 || y > 127 || lx !== (y | 32) || lx < 97 || lx > 122) return false;
  }
  return true;
}
