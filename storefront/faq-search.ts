/**
 * Instant FAQ search over the articles the Liquid already rendered: no request, no index to download.
 * Typo-tolerant (one edit — including two swapped letters — for words of 4+ letters, two for 8+), accent- and
 * case-insensitive, prefix-friendly, and substring-based for scripts written without spaces (Japanese). The
 * merchant's keywords on each article act as its synonyms.
 */

export interface FaqEntry {
  element: HTMLElement;
  id: string;
  question: string;
  fields: [text: string, words: string[], weight: number][];
}

export const normalize = (value: string) => value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const wordsOf = (value: string) => value.match(/[\p{L}\p{N}]+/gu) ?? [];

export function indexArticle(element: HTMLElement, id: string, question: string, keywords: string, answer: string) {
  const field = (text: string, weight: number): [string, string[], number] => {
    const normalized = normalize(text);
    return [normalized, wordsOf(normalized), weight];
  };
  return { element, id, question, fields: [field(question, 3), field(keywords, 2), field(answer, 1)] } as FaqEntry;
}

/** Optimal string alignment distance, given up once it exceeds `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** How well one query word matches a field: 1 for a substring or prefix, 0.6 for a typo, 0 otherwise. */
function wordScore(word: string, [text, words]: [string, string[], number]): number {
  if (text.includes(word)) return 1;
  const allowed = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
  if (!allowed) return 0;
  return words.some(
    (candidate) =>
      distance(word, candidate, allowed) <= allowed ||
      (candidate.length > word.length && distance(word, candidate.slice(0, word.length), allowed) <= allowed),
  )
    ? 0.6
    : 0;
}

/**
 * Scores every entry for the query; an entry matches when at least half of the query's meaningful words do
 * (short words like "do", "my" only count when they are all there is).
 */
export function search(entries: FaqEntry[], query: string): Map<FaqEntry, number> {
  const all = wordsOf(normalize(query));
  const words = all.filter((word) => word.length > 2 || /[^\p{Script=Latin}\p{N}]/u.test(word));
  const meaningful = words.length ? words : all;
  const needed = Math.max(1, Math.ceil(meaningful.length / 2));
  const scores = new Map<FaqEntry, number>();
  for (const entry of entries) {
    let matched = 0;
    let score = 0;
    for (const word of meaningful) {
      const best = Math.max(...entry.fields.map((field) => wordScore(word, field) * field[2]));
      if (best > 0) {
        matched++;
        score += best;
      }
    }
    if (matched >= needed) scores.set(entry, score);
  }
  return scores;
}
