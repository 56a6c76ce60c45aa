import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese word segmentation for the catalogue search (jieba with the default dictionary plus
 * the domain words in user-dict.txt: 公章刻制, 转移登记, 营业执照 …). Loaded once per process.
 */

const USER_DICT_FILE = path.join(import.meta.dirname, 'user-dict.txt');

let segmenter: Jieba | null = null;
let domainWords: string[] = [];

function jieba(): Jieba {
  if (segmenter) return segmenter;
  const userDict = readFileSync(USER_DICT_FILE);
  const instance = Jieba.withDict(dict);
  instance.loadDict(userDict);
  domainWords = userDict
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter((word) => word.length >= 3);
  segmenter = instance;
  return instance;
}

const WORD = /[\p{L}\p{N}]/u;
const NOT_WORD = /[^\p{L}\p{N}]/gu;

/** A token as it is stored and looked up: letters and digits only, Latin in lower case. */
function clean(token: string): string {
  return token.replace(NOT_WORD, '').toLowerCase();
}

/** Domain words (three characters or more) inside a longer word: 食品经营许可 in 食品经营许可证. */
export function domainWordsWithin(word: string): string[] {
  jieba();
  return domainWords.filter((w) => w.length < word.length && word.includes(w));
}

/**
 * Tokens for the index: jieba's search mode (营业执照 → 营业, 执照, 营业执照) plus the domain
 * words inside longer words, so that a query for a shorter domain word still finds them.
 */
export function indexTokens(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const raw of jieba().cutForSearch(text, false)) {
    const token = clean(raw);
    if (!token) continue;
    out.push(token);
    if (token.length > 3) out.push(...domainWordsWithin(token));
  }
  return out;
}

/** Tokens of a query: jieba's precise mode (二手房过户 → 二手房, 过户), words only. */
export function queryTokens(text: string): string[] {
  if (!text) return [];
  return jieba()
    .cut(text, false)
    .filter((t) => WORD.test(t))
    .map(clean)
    .filter(Boolean);
}
