//! The words a piece of text is indexed under, the way Pagefind 1.6 splits them (its
//! `fossick/splitting.rs`), so that the browser's Pagefind, which splits and stems the query
//! the same way, finds them: each whitespace-separated token is lowercased to its letters and
//! digits and stemmed; a token with punctuation or inner capitals (`pre-decision`, `2025/26`,
//! `CamelCase`) is also indexed under each of its parts; letters with diacritics are indexed
//! without them, with the original form kept as a variant.
//!
//! Left out, as no English council paper needs them: the extra emoji, katakana and CJK bigram
//! entries Pagefind makes for those scripts.
//!
//! Words are interned: a bundle's [`Analyzer`] gives every distinct word a number, and caches
//! what each distinct token is indexed under, so the work per word of an archive (where the
//! same few thousand tokens recur millions of times) is one hash lookup.

use pagefind_stem::{Algorithm, Stemmer};

/// Characters that count as part of a word besides letters and digits (Pagefind's
/// `WORD_SYMBOLS`: Unicode's connector punctuation).
pub const WORD_SYMBOLS: [char; 10] = ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/// No word (for [`Indexable::original`]).
pub const NONE: u32 = u32::MAX;

/// One word a token is indexed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indexable {
    /// The stemmed word.
    pub word: u32,
    /// The form with diacritics, if it had any ([`NONE`] otherwise).
    pub original: u32,
    /// A part of a compound token, which gets a share of the token's weight.
    pub compound: bool,
}

/// Splits and stems tokens for one bundle, numbering the words it meets.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
    ids: rustc_hash::FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    /// What each distinct token is indexed under: for the page's text ([`TEXT`]) and for
    /// metadata ([`META`], which has no dotted tails).
    caches: [TokenCache; 2],
}

const TEXT: usize = 0;
const META: usize = 1;

/// Distinct tokens, numbered, and their words.
#[derive(Default)]
struct TokenCache {
    ids: rustc_hash::FxHashMap<Box<str>, u32>,
    lists: Vec<Box<[Indexable]>>,
}

/// The most distinct tokens cached before the cache starts again, so odd input cannot grow it
/// without bound.
const CACHE_LIMIT: usize = 1 << 21;

impl Analyzer {
    /// An analyzer for a site in `language` (`en`, `en-GB`, `fr`): stems with that language's
    /// Snowball stemmer where Pagefind has one.
    pub fn new(language: &str) -> Analyzer {
        Analyzer {
            stemmer: stemmer(language),
            ids: Default::default(),
            words: Vec::new(),
            caches: Default::default(),
        }
    }

    /// The word numbered `id`.
    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// How many distinct words have been numbered.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    /// What a token of the page's text is indexed under (with the tails after its dots).
    pub fn token(&mut self, raw: &str) -> &[Indexable] {
        self.cached(raw, TEXT)
    }

    /// What a word of a metadata field (a title) is indexed under.
    pub fn meta_token(&mut self, raw: &str) -> &[Indexable] {
        self.cached(raw, META)
    }

    /// A token's words from the cache of `kind`, worked out on the first meeting: one hash
    /// lookup for a token seen before, which is nearly every token of an archive.
    fn cached(&mut self, raw: &str, kind: usize) -> &[Indexable] {
        let i = match self.caches[kind].ids.get(raw).copied() {
            Some(i) => i,
            None => {
                let mut list = self.indexable(raw);
                if kind == TEXT {
                    self.dotted_tails(raw, &mut list);
                }
                let cache = &mut self.caches[kind];
                if cache.lists.len() >= CACHE_LIMIT {
                    cache.ids.clear();
                    cache.lists.clear();
                }
                let i = cache.lists.len() as u32;
                cache.lists.push(list.into_boxed_slice());
                cache.ids.insert(raw.into(), i);
                i
            }
        };
        &self.caches[kind].lists[i as usize]
    }

    fn stem_word(&mut self, normalized: &str, compound: bool) -> Indexable {
        let plain = normalize_diacritics(normalized);
        let base = plain.as_deref().unwrap_or(normalized);
        let stemmed = match &self.stemmer {
            Some(s) => s.stem(base).into_owned(),
            None => base.to_string(),
        };
        let word = self.intern(&stemmed);
        let original = if plain.is_some() { self.intern(normalized) } else { NONE };
        Indexable { word, original, compound }
    }

    /// Pagefind's `get_indexable_words`.
    fn indexable(&mut self, raw: &str) -> Vec<Indexable> {
        let mut out = Vec::new();
        let normalized = normalize_word(raw);
        if !normalized.is_empty() {
            out.push(self.stem_word(&normalized, false));
        }
        let possibly_compound =
            raw.chars().any(|c| !c.is_alphanumeric()) || raw.chars().skip(1).any(|c| c.is_uppercase());
        if !possibly_compound {
            return out;
        }
        let parts = discrete_words(raw);
        if !normalized.is_empty() && (parts.contains(char::is_whitespace) || !normalized.starts_with(&parts))
        {
            for part in parts.split_whitespace().filter(|w| w.len() > 1) {
                out.push(self.stem_word(part, true));
            }
        }
        out
    }

    /// Pagefind's `get_dotted_tails`: `agendum.build.rs` is also indexed under `build.rs` and
    /// `rs`'s compound tails, so that a search for the end of a dotted name finds it.
    fn dotted_tails(&mut self, raw: &str, list: &mut Vec<Indexable>) {
        const MAX_TAIL_CHARS: usize = 64;
        if !raw.contains('.') {
            return;
        }
        let seen: Vec<u32> = list.iter().map(|w| w.word).collect();
        let mut tails: Vec<u32> = Vec::new();
        for (i, _) in raw.match_indices('.') {
            let rest = &raw[i + 1..];
            let tail = match rest.char_indices().nth(MAX_TAIL_CHARS) {
                Some((end, _)) => &rest[..end],
                None => rest,
            };
            let compound =
                tail.chars().any(|c| !c.is_alphanumeric()) || tail.chars().skip(1).any(|c| c.is_uppercase());
            if !compound {
                continue;
            }
            let normalized = normalize_word(tail);
            if normalized.chars().count() < 2 {
                continue;
            }
            let w = self.stem_word(&normalized, true);
            if !seen.contains(&w.word) && !tails.contains(&w.word) {
                tails.push(w.word);
                list.push(w);
            }
        }
    }
}

/// Lowercases a token to its letters, digits and word symbols.
fn normalize_word(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for mut c in raw.chars() {
        if c.is_alphanumeric() || WORD_SYMBOLS.contains(&c) {
            c.make_ascii_lowercase();
            if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else {
                out.push(c);
            }
        }
    }
    out
}

/// A token's parts: punctuation made spaces, split at case and digit boundaries, lowercased.
fn discrete_words(raw: &str) -> String {
    use convert_case::{Case, Casing};
    raw.replace(|c: char| c.is_ascii_punctuation(), " ")
        .to_case(Case::Lower)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The word without its diacritics, if it has any.
fn normalize_diacritics(word: &str) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    if word.is_ascii() {
        return None;
    }
    let decomposes = word.chars().any(|c| {
        is_combining_mark(c) || {
            let mut d = false;
            decompose_canonical(c, |part| d = d || part != c);
            d
        }
    });
    if !decomposes {
        return None;
    }
    let stripped: String =
        word.nfd().filter(|c| !is_combining_mark(*c) || matches!(*c, '\u{3099}' | '\u{309A}')).collect();
    let normalized = if stripped.chars().any(|c| matches!(c, '\u{3099}' | '\u{309A}')) {
        stripped.nfc().collect::<String>()
    } else {
        stripped
    };
    (normalized != word).then_some(normalized)
}

/// The Snowball stemmer Pagefind uses for a language, by its primary subtag.
fn stemmer(language: &str) -> Option<Stemmer> {
    let algorithm = match language.split('-').next().unwrap_or_default() {
        "ar" => Algorithm::Arabic,
        "hy" => Algorithm::Armenian,
        "eu" => Algorithm::Basque,
        "ca" => Algorithm::Catalan,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "eo" => Algorithm::Esperanto,
        "et" => Algorithm::Estonian,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hi" => Algorithm::Hindi,
        "hu" => Algorithm::Hungarian,
        "id" => Algorithm::Indonesian,
        "ga" => Algorithm::Irish,
        "it" => Algorithm::Italian,
        "lt" => Algorithm::Lithuanian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "ne" => Algorithm::Nepali,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sr" => Algorithm::Serbian,
        "pl" => Algorithm::Polish,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        "yi" => Algorithm::Yiddish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(a: &mut Analyzer, raw: &str) -> Vec<(String, bool)> {
        let list = a.token(raw).to_vec();
        list.iter().map(|w| (a.word(w.word).to_string(), w.compound)).collect()
    }

    #[test]
    fn tokens_are_stemmed_and_compounds_split() {
        let mut a = Analyzer::new("en");
        assert_eq!(words(&mut a, "Councillors,"), vec![("councillor".into(), false)]);
        assert_eq!(
            words(&mut a, "pre-decision"),
            vec![("predecis".into(), false), ("pre".into(), true), ("decis".into(), true)]
        );
        assert_eq!(
            words(&mut a, "2025/26"),
            vec![("202526".into(), false), ("2025".into(), true), ("26".into(), true)]
        );
        assert!(words(&mut a, "–").is_empty());
        let cafe = a.token("café").to_vec();
        assert_eq!(a.word(cafe[0].word), "cafe");
        assert_eq!(a.word(cafe[0].original), "café");
    }
}
