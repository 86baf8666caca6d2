/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Arabic text folded for search and duplicate detection.
 *
 * Two spellings people treat as the same word fold to the same string.
 * sila_arabic_normalize() applies, in order:
 *   1. Unicode NFKC with case folding and removal of default-ignorable
 *      characters (ICU's NFKC_Casefold): Arabic presentation forms (ﻻ, ﷲ)
 *      become plain letters, full-width Latin becomes ASCII, Latin is
 *      case-folded (ABC → abc, ß → ss), and invisible marks (ZWJ, ZWNJ,
 *      LRM/RLM, ALM, bidi embeddings and isolates, soft hyphen) go.
 *   2. Arabic marks go: harakat, tanween, shadda, sukun and the other marks
 *      U+064B–065F, superscript alef U+0670, Quranic marks U+06D6–06ED, and
 *      tatweel U+0640.
 *   3. Letters fold: أ إ آ ٱ → ا; ة → ه; ى → ي; ؤ → و; ئ → ي; Persian
 *      keyboard letters ی → ي, ک → ك, ە ۀ ہ → ه. Hamza on a seat folds to
 *      its seat, exactly what dropping the combining hamza U+0654/U+0655
 *      does to decomposed input, so both encodings agree. A lone hamza ء
 *      stays.
 *   4. Digits: Arabic-Indic ٠-٩ and Eastern ۰-۹ → ASCII 0-9.
 *   5. Whitespace: every run of white space (including no-break spaces)
 *      becomes one ASCII space; leading and trailing space goes.
 * Punctuation is kept. Pure ASCII input takes a fast path.
 *
 * sila_arabic_normalize_tokens() then turns everything that is neither a
 * letter nor a digit into a separator: the words of the text, normalized,
 * separated by single spaces. Index that column with FTS5 (tokenize =
 * 'unicode61 remove_diacritics 0' is enough once folded) and normalize the
 * query with the same function. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL gives NULL; invalid UTF-8 gives an empty string. */
char      *sila_arabic_normalize         (const char *text);
char      *sila_arabic_normalize_tokens  (const char *text);
/* The tokens of sila_arabic_normalize_tokens() as a NULL-terminated
 * array (empty for no words). */
GStrv      sila_arabic_tokenize          (const char *text);

/* TRUE when the two texts normalize to the same string. */
gboolean   sila_arabic_equal             (const char *a,
                                          const char *b);

G_END_DECLS
