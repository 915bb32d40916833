// Characters that show nothing but change what a string is: a name with a hidden word joiner or
// a right-to-left mark looks like another name, is found by no search, and can scramble a line.
// One list, used wherever typed names, numbers and free text are cleaned.

/**
 * Invisible in a name and never needed there:
 * U+00AD soft hyphen; U+061C Arabic letter mark (ALM); U+200B zero-width space; U+200D zero-width
 * joiner; U+200E/U+200F left-to-right / right-to-left marks (LRM, RLM); U+202A–U+202E bidi
 * embeddings and overrides; U+2060–U+206F word joiner, invisible operators, bidi isolates and the
 * deprecated format characters; U+FEFF byte order mark.
 * Not here: ZWNJ (U+200C), which shapes Persian words («حسن‌زاده») and is kept where it does.
 */
const INVISIBLE_IN_NAMES_SOURCE = "\\u00ad\\u061c\\u200b\\u200d-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\ufeff";

/** Every invisible character a name may lose, ZWNJ excepted. */
export const INVISIBLE_IN_NAMES = new RegExp(`[${INVISIBLE_IN_NAMES_SOURCE}]`, "g");

/** The same and ZWNJ: for numbers and for the keys names are compared by. */
export const INVISIBLE_WITH_ZWNJ = new RegExp(`[${INVISIBLE_IN_NAMES_SOURCE}\\u200c]`, "g");

/**
 * Invisible characters free text (a note, a letter, a title) may lose: the soft hyphen, zero-width
 * space, bidi embeddings/overrides, U+2060–U+206F and the BOM. Kept: ZWNJ and ZWJ (Persian words,
 * emoji sequences) and LRM/RLM/ALM, which place punctuation right in mixed Persian and Latin text.
 */
export const INVISIBLE_IN_FREE_TEXT = /[\u00ad\u200b\u202a-\u202e\u2060-\u206f\ufeff]/g;
