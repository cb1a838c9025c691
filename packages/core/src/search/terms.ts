/**
 * Search terms for Chinese, Tibetan and English text, for an inverted index kept in DynamoDB.
 *
 * - Chinese: words from Intl.Segmenter plus character bigrams and single characters, so a part of
 *   a word (牦牛 in 牦牛绒混纺面料) finds it. A query is matched by its bigrams, which makes a
 *   Chinese query behave like a substring search.
 * - Tibetan: syllables, split at the tsheg (་) and the shad (།).
 * - English and other Latin text: lower-cased words and their prefixes, so "yak" finds "Yak" and
 *   "broc" finds "brocade".
 */
const han = /\p{Script=Han}/u
const tibetan = /[\u0F00-\u0FFF]/u
const latin = /[\p{Script=Latin}\p{Nd}]/u
const tibetanSeparators = /[\u0F00-\u0F3F\s]+/u // tsheg, shad and the other marks of the block

const normalize = (text: string) => text.normalize('NFKC').toLowerCase()

type Script = 'han' | 'tibetan' | 'latin'
const scriptOf = (char: string): Script | undefined =>
  han.test(char) ? 'han' : tibetan.test(char) ? 'tibetan' : latin.test(char) ? 'latin' : undefined

/** Splits text into runs of one script; punctuation and spaces end a run (Tibetan marks stay in theirs). */
const runs = (text: string): { script: Script; text: string }[] => {
  const found: { script: Script; text: string }[] = []
  let current: { script: Script; text: string } | undefined
  for (const char of normalize(text)) {
    const script = scriptOf(char)
    if (!script) current = undefined
    else if (current?.script === script) current.text += char
    else {
      current = { script, text: char }
      found.push(current)
    }
  }
  return found
}

const bigrams = (text: string) => {
  const chars = [...text]
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1])
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
const chineseWords = (text: string) =>
  [...segmenter.segment(text)].filter((segment) => segment.isWordLike && [...segment.segment].length >= 2).map((s) => s.segment)

const syllables = (text: string) => text.split(tibetanSeparators).filter(Boolean)

const prefixes = (word: string) => {
  const chars = [...word]
  return chars.slice(2).map((_char, index) => chars.slice(0, index + 2).join(''))
}

/**
 * Index terms of a text, most telling first (whole words, bigrams and syllables before single
 * characters and prefixes), so a cap on their number drops the least useful ones.
 */
export const indexTerms = (texts: (string | undefined)[]): { primary: string[]; secondary: string[] } => {
  const primary: string[] = []
  const secondary: string[] = []
  for (const run of texts.filter((text): text is string => Boolean(text)).flatMap(runs)) {
    if (run.script === 'han') {
      primary.push(...chineseWords(run.text), ...bigrams(run.text))
      secondary.push(...[...run.text])
    } else if (run.script === 'tibetan') {
      primary.push(...syllables(run.text))
    } else if ([...run.text].length >= 2) {
      primary.push(run.text)
      secondary.push(...prefixes(run.text))
    }
  }
  return { primary, secondary }
}

/** The terms all of which a listing must have to match a query; empty when nothing is searchable. */
export const queryTerms = (query: string): string[] => {
  const terms = runs(query).flatMap((run) => {
    if (run.script === 'han') return [...run.text].length === 1 ? [run.text] : bigrams(run.text)
    if (run.script === 'tibetan') return syllables(run.text)
    return [...run.text].length >= 2 ? [run.text] : []
  })
  return [...new Set(terms)]
}

/** The query term to look up in the index: the longest, as the likeliest to be rare. */
export const drivingTerm = (terms: string[]) => [...terms].sort((a, b) => [...b].length - [...a].length || a.localeCompare(b))[0]

/** Every term of a document between bars, so `contains(text, '|term|')` tests one whole term. */
export const searchText = (terms: string[]) => `|${terms.join('|')}|`
export const termProbe = (term: string) => `|${term}|`
