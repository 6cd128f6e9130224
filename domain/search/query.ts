// What a search from the header asks for (issue #12): one fragment of a name, a number or the
// text, and which index answers it. Pure, so the window can word a refusal as the backend does.
import { err, ok, type Result } from '../result';

/** Long enough for a sentence copied out of a complaint; longer is not a fragment. */
export const SEARCH_MAX_CHARS = 50;

/** At most this many hits, newest first; `more` says there were others. */
export const SEARCH_LIMIT = 50;

/**
 * Which index answers: `number` for fragments of a matter number, ID number or phone (digits,
 * with the letters and hyphens those carry), at least 4 characters; `pair` for two characters
 * of text (a two-character name); `text` for three and more (FTS5 trigram).
 */
export type SearchIndex = 'number' | 'pair' | 'text';
export interface SearchQuery {
  index: SearchIndex;
  text: string;
}

export const NUMBER_MIN_CHARS = 4;
const NUMBER_LIKE = /^(?=.*\d)[0-9A-Za-z-]+$/;
const CONTROL = /\p{Cc}/u;

export function parseSearchQuery(raw: string): Result<SearchQuery> {
  // Whitespace around a pasted fragment is no part of it (an ID-card reader may type a newline).
  const text = raw.trim();
  // Counted in characters, as the indexes count them (a rare character outside the BMP is one);
  // a string too long even in UTF-16 units is not spread into characters at all.
  const length = text.length > 2 * SEARCH_MAX_CHARS ? text.length : [...text].length;
  if (length === 0) return err('search_empty', '请输入要查找的姓名、证件号、电话、编号或内容');
  if (length > SEARCH_MAX_CHARS) return err('search_too_long', `查找内容不能超过${SEARCH_MAX_CHARS}个字`);
  if (CONTROL.test(text)) return err('search_control_chars', '查找内容含有不可见的控制字符，请删除后重新输入');
  if (NUMBER_LIKE.test(text)) {
    if (length < NUMBER_MIN_CHARS) return err('search_number_too_short', `按号码查找请至少输入${NUMBER_MIN_CHARS}位，如证件号后4位`);
    return ok({ index: 'number', text });
  }
  if (length < 2) return err('search_too_short', '请至少输入两个字');
  return ok({ index: length === 2 ? 'pair' : 'text', text });
}
