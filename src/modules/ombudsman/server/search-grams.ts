/**
 * Search that finds a two-syllable Korean word (인권, 폭행) through an index. pg_trgm needs three
 * characters, so instead each case keeps the set of its two-character grams (`search_grams`, GIN
 * indexed): a query's grams must all be present (`@>`, served by the index), then the candidates are
 * rechecked against the text itself (`search_text`), which rules out grams that were present but not
 * adjacent. A one-character query word is matched against single-character grams, which every word
 * also contributes.
 */

/** Lowercased, Unicode-normalised (NFC) text, so that composed and decomposed Hangul compare equal. */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/** The words of a text: runs of letters and digits in any script. */
function words(text: string): string[] {
  return normaliseSearchText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The distinct one- and two-character grams of every word. */
export function searchGrams(text: string): string[] {
  const grams = new Set<string>();
  for (const word of words(text)) {
    const characters = [...word];
    characters.forEach((character, index) => {
      grams.add(character);
      const next = characters[index + 1];
      if (next !== undefined) grams.add(character + next);
    });
  }
  return [...grams];
}

/** The grams a query needs, and its words for the recheck. */
export function queryGrams(query: string): { grams: string[]; words: string[] } {
  const queryWords = words(query);
  const grams = new Set<string>();
  for (const word of queryWords) {
    const characters = [...word];
    if (characters.length === 1) grams.add(word);
    for (let index = 0; index + 1 < characters.length; index++) {
      grams.add((characters[index] ?? '') + (characters[index + 1] ?? ''));
    }
  }
  return { grams: [...grams], words: queryWords };
}
