import { domainWordsWithin, queryTokens } from './tokenizer.ts';

/** Words that say nothing about which matter is meant (我想办理…, 怎么…). */
const STOP_WORDS = new Set([
  '的',
  '了',
  '我',
  '要',
  '想',
  '去',
  '在',
  '和',
  '与',
  '及',
  '或',
  '怎么',
  '怎么办',
  '怎样',
  '如何',
  '哪里',
  '在哪',
  '在哪里',
  '什么',
  '需要',
  '请问',
  '办理',
  '手续',
  '流程',
  '我要',
  '我想',
]);

const MAX_GROUPS = 10;

/** The words of a query, without stop words; single characters only when nothing longer is left. */
export function significantTokens(q: string): string[] {
  const tokens = [...new Set(queryTokens(q))].filter((t) => !STOP_WORDS.has(t));
  const words = tokens.filter((t) => t.length > 1);
  return words.length ? words : tokens;
}

/** One alternative of a group: a word, or the words of a phrase that must all occur. */
function alternative(text: string): string | null {
  const tokens = significantTokens(text);
  if (!tokens.length) return null;
  const quoted = tokens.map((t) => `'${t}'`);
  return quoted.length === 1 ? quoted[0]! : `(${quoted.join(' & ')})`;
}

/**
 * The text of a PostgreSQL tsquery for what a citizen typed: every word of the query is a group
 * (the word, the domain words inside it and its synonyms, any of which may match); the groups
 * are OR-ed so that a matter matching more of them ranks higher. Synonyms of adjacent word
 * pairs and of the whole query (开饭店, 二手房过户) make groups of their own. Null when nothing
 * in the query can match (empty or only punctuation and stop words).
 */
export function buildTsQuery(q: string, synonyms: Map<string, string[]>): string | null {
  const tokens = significantTokens(q);
  const all = queryTokens(q);
  const groups: string[] = [];
  const seen = new Set<string>();
  const addGroup = (texts: string[]) => {
    const alternatives = [...new Set(texts.map(alternative).filter((a): a is string => a !== null))];
    if (!alternatives.length) return;
    const group = alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' | ')})`;
    if (seen.has(group)) return;
    seen.add(group);
    groups.push(group);
  };
  const singles = tokens.every((t) => t.length === 1);
  if (singles && tokens.length > 1) {
    addGroup([tokens.join(' ')]);
  } else {
    for (const token of tokens) {
      const within = domainWordsWithin(token).filter((w) => w.length >= 4);
      addGroup([token, ...within, ...(synonyms.get(token) ?? [])]);
    }
  }
  const pairs = all.slice(1).map((t, i) => `${all[i]}${t}`);
  for (const phrase of [...pairs, all.join('')]) {
    if (tokens.includes(phrase)) continue;
    const extra = synonyms.get(phrase);
    if (extra?.length) addGroup(extra);
  }
  return groups.length ? groups.slice(0, MAX_GROUPS).join(' | ') : null;
}
