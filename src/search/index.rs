//! Writing a bundle in Pagefind 1.6's format, so that Pagefind's own browser client (its
//! `pagefind.js` and WebAssembly, copied from the `pagefind` crate by [`super::client`])
//! searches it: `pagefind-entry.json`; `pagefind.<hash>.pf_meta`, the pages and the word
//! ranges of the index chunks; `index/<hash>.pf_index`, each word's pages and positions;
//! `filter/<hash>.pf_filter`, each filter's values and pages; and a `fragment/<hash>.pf_fragment`
//! per page with its URL, text, metadata and anchors. The binary files are CBOR (arrays of
//! each structure's fields in order, as Pagefind's `minicbor` derive writes them), gzipped
//! after the marker `pagefind_dcd`. This follows Pagefind's `index/mod.rs` step for step;
//! `tests/search_format.rs` checks the result against Pagefind's own indexer.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use minicbor::Encoder;
use sha2::Digest as _;

use super::fossick::{self, Page, Posting};
use super::words::{Analyzer, NONE};

/// Postings per index chunk before a new chunk starts (Pagefind's default `index_chunk_size`).
const CHUNK_SIZE: usize = 20_000;

/// The gzip level for the bundle's files. Pagefind uses the best (9) with zlib, which costs a
/// third of its indexing time. libdeflate at 6 (lazy matching) makes files about as small as
/// zlib at 9; at 3 (greedy matching) the indexer takes a fifth less time for an index 3 % bigger
/// (see docs/benchmarks.md, "Search index").
const GZIP_LEVEL: i32 = 3;

/// A page's positions of one word, packed as Pagefind packs them, kept in the bundle's
/// [`Locs`] (one allocation for the whole bundle instead of two for every word on every page).
struct PackedPage {
    page: u32,
    locs: Span,
    meta_locs: Span,
}

/// A run of positions in [`Locs`].
#[derive(Clone, Copy, Default)]
struct Span {
    start: u32,
    len: u32,
}

/// Every word's packed positions of a bundle, one after another.
#[derive(Default)]
struct Locs(Vec<i32>);

impl Locs {
    /// Adds `locs` and says where they are.
    fn add(&mut self, locs: impl Iterator<Item = i32>) -> Result<Span, String> {
        let start = self.0.len();
        self.0.extend(locs);
        let too_many = || "too many words for one search bundle".to_string();
        Ok(Span {
            start: u32::try_from(start).map_err(|_| too_many())?,
            len: u32::try_from(self.0.len() - start).map_err(|_| too_many())?,
        })
    }

    fn get(&self, span: Span) -> &[i32] {
        &self.0[span.start as usize..(span.start + span.len) as usize]
    }
}

#[derive(Default)]
struct WordEntry {
    pages: Vec<PackedPage>,
    /// Forms with diacritics, in order of first use, with their pages.
    variants: Vec<(u32, Vec<PackedPage>)>,
}

/// What the index says about the client: the language key and its WebAssembly, the version
/// and the characters counted as parts of words (from Pagefind's own `pagefind-entry.json`).
pub struct Entry {
    pub language: String,
    pub wasm: Option<String>,
    pub version: String,
    pub include_characters: Vec<char>,
}

/// A bundle made: its files (name inside the bundle, bytes), sorted by name.
pub type Files = Vec<(String, Vec<u8>)>;

/// Indexes `pages` (URL and HTML, in page order) into a bundle.
pub fn build<'h>(
    pages: impl IntoIterator<Item = (&'h str, Vec<u8>)>,
    language: &str,
    entry: &Entry,
) -> Result<Files, String> {
    let mut analyzer = Analyzer::new(language);
    let mut words: Vec<WordEntry> = Vec::new();
    let mut fragments: Vec<(String, u32)> = Vec::new();
    let mut metas: Vec<BTreeMap<String, String>> = Vec::new();
    let mut filters: BTreeMap<String, BTreeMap<String, Vec<u32>>> = BTreeMap::new();
    let mut locs = Locs::default();
    let mut scratch: Vec<u128> = Vec::new();
    for (url, html) in pages {
        let html = String::from_utf8(html).map_err(|_| format!("{url} is not UTF-8"))?;
        let Some(page) = fossick::read(&html, &mut analyzer) else { continue };
        let number = fragments.len() as u32;
        words.resize_with(analyzer.len(), WordEntry::default);
        add_postings(&mut words, &mut locs, &page, number, &mut scratch)?;
        for (filter, values) in &page.filters {
            let by_value = filters.entry(filter.clone()).or_default();
            for v in values {
                by_value.entry(v.clone()).or_default().push(number);
            }
        }
        fragments.push((fragment_json(url, &page)?, page.word_count as u32));
        metas.push(page.meta);
    }
    // Metadata words (the title), with field numbers in the order of every field's name.
    let fields: Vec<String> =
        metas.iter().flat_map(|m| m.keys().cloned()).collect::<BTreeSet<_>>().into_iter().collect();
    for (number, meta) in metas.iter().enumerate() {
        add_meta_words(&mut analyzer, &mut words, &mut locs, meta, &fields, number as u32)?;
    }
    let language_key = entry.language.as_str();
    let mut names = Names::default();
    let mut files: Files = Vec::new();
    let mut gz = Gzip::new();

    // Fragments, one a page.
    let mut pages_meta = Vec::with_capacity(fragments.len());
    for (json, word_count) in fragments {
        let name = names.name(language_key, json.as_bytes());
        files.push((format!("fragment/{name}.pf_fragment"), gz.gzip(json.as_bytes())?));
        pages_meta.push((name, word_count));
    }

    // Filters, by name, values sorted.
    let mut filter_meta = Vec::new();
    for (filter, values) in &filters {
        let mut buf = Vec::new();
        let mut e = Encoder::new(&mut buf);
        e.array(2).and_then(|e| e.str(filter)).and_then(|e| e.array(values.len() as u64)).map_err(cbor)?;
        for (value, pages) in values {
            e.array(2).and_then(|e| e.str(value)).and_then(|e| e.array(pages.len() as u64)).map_err(cbor)?;
            for p in pages {
                e.u32(*p).map_err(cbor)?;
            }
        }
        let name = names.name(language_key, &buf);
        files.push((format!("filter/{name}.pf_filter"), gz.gzip(&buf)?));
        filter_meta.push((filter.clone(), name));
    }

    // Words, sorted, in chunks.
    let mut order: Vec<u32> = (0..words.len() as u32).filter(|&w| !words[w as usize].is_empty()).collect();
    order.sort_unstable_by(|&a, &b| analyzer.word(a).cmp(analyzer.word(b)));
    let mut chunks: Vec<Vec<u32>> = Vec::new();
    let mut chunk = Vec::new();
    let mut size = 0;
    for w in order {
        size += words[w as usize].size();
        chunk.push(w);
        if size >= CHUNK_SIZE {
            chunks.push(std::mem::take(&mut chunk));
            size = 0;
        }
    }
    if !chunk.is_empty() {
        chunks.push(chunk);
    }
    let mut ranges: Vec<(String, String, String)> = chunks
        .iter()
        .map(|c| {
            let first = c.first().map_or("", |&w| analyzer.word(w)).to_string();
            let last = c.last().map_or("", |&w| analyzer.word(w)).to_string();
            (first, last, String::new())
        })
        .collect();
    for i in 1..ranges.len() {
        let (a, b) = prefixes(&ranges[i - 1].1, &ranges[i].0);
        if a >= ranges[i - 1].0 {
            ranges[i - 1].1 = a;
        }
        ranges[i].0 = b;
    }
    for (i, c) in chunks.iter().enumerate() {
        let mut buf = Vec::new();
        let mut e = Encoder::new(&mut buf);
        e.array(1).and_then(|e| e.array(c.len() as u64)).map_err(cbor)?;
        for &w in c {
            let entry = &words[w as usize];
            e.array(3).and_then(|e| e.str(analyzer.word(w))).map_err(cbor)?;
            encode_pages(&mut e, &locs, &entry.pages)?;
            e.array(entry.variants.len() as u64).map_err(cbor)?;
            for (form, pages) in &entry.variants {
                e.array(2).and_then(|e| e.str(analyzer.word(*form))).map_err(cbor)?;
                encode_pages(&mut e, &locs, pages)?;
            }
        }
        let name = names.name(language_key, &buf);
        files.push((format!("index/{name}.pf_index"), gz.gzip(&buf)?));
        ranges[i].2 = name;
    }

    // The metadata file.
    let mut buf = Vec::new();
    let mut e = Encoder::new(&mut buf);
    e.array(6)
        .and_then(|e| e.str(&entry.version))
        .and_then(|e| e.array(pages_meta.len() as u64))
        .map_err(cbor)?;
    for (hash, word_count) in &pages_meta {
        e.array(3)
            .and_then(|e| e.str(hash))
            .and_then(|e| e.u32(*word_count))
            .and_then(|e| e.str(""))
            .map_err(cbor)?;
    }
    e.array(ranges.len() as u64).map_err(cbor)?;
    for (from, to, hash) in &ranges {
        e.array(3)
            .and_then(|e| e.str(from))
            .and_then(|e| e.str(to))
            .and_then(|e| e.str(hash))
            .map_err(cbor)?;
    }
    e.array(filter_meta.len() as u64).map_err(cbor)?;
    for (filter, hash) in &filter_meta {
        e.array(2).and_then(|e| e.str(filter)).and_then(|e| e.str(hash)).map_err(cbor)?;
    }
    // No sort orders.
    e.array(0).and_then(|e| e.array(fields.len() as u64)).map_err(cbor)?;
    for f in &fields {
        e.str(f).map_err(cbor)?;
    }
    let meta_hash = format!("{language_key}_{}", &hex(&buf)[..language_key.len() + 8]);
    files.push((format!("pagefind.{meta_hash}.pf_meta"), gz.gzip(&buf)?));

    let entry_json = serde_json::json!({
        "version": entry.version,
        "languages": { language_key: { "hash": meta_hash, "wasm": entry.wasm, "page_count": pages_meta.len() } },
        "include_characters": entry.include_characters,
    });
    files.push(("pagefind-entry.json".into(), entry_json.to_string().into_bytes()));
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}

impl WordEntry {
    fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.variants.is_empty()
    }

    /// Its share of a chunk, as Pagefind counts it.
    fn size(&self) -> usize {
        self.pages
            .iter()
            .chain(self.variants.iter().flat_map(|(_, p)| p))
            .map(|p| (p.locs.len + p.meta_locs.len) as usize + 1)
            .sum::<usize>()
            + self.variants.len()
    }

    /// The page entry for `page`, made if the page has none yet (pages come in order).
    fn page(list: &mut Vec<PackedPage>, page: u32) -> &mut PackedPage {
        if list.last().is_none_or(|p| p.page != page) {
            list.push(PackedPage { page, locs: Span::default(), meta_locs: Span::default() });
        }
        let last = list.len() - 1;
        &mut list[last]
    }
}

fn variant(entry: &mut WordEntry, form: u32) -> &mut Vec<PackedPage> {
    let i = match entry.variants.iter().position(|(f, _)| *f == form) {
        Some(i) => i,
        None => {
            entry.variants.push((form, Vec::new()));
            entry.variants.len() - 1
        }
    };
    &mut entry.variants[i].1
}

/// Pagefind's `positions_to_packed_page`: positions grouped by weight (the usual weight
/// first), each group an absolute position after a weight marker `-(weight + 1)`, then deltas.
fn add_postings(
    words: &mut [WordEntry],
    locs: &mut Locs,
    page: &Page,
    number: u32,
    scratch: &mut Vec<u128>,
) -> Result<(), String> {
    const USUAL: u8 = 25;
    // Sorted by word, form, weight (the usual weight first) and position, as one number each.
    scratch.clear();
    scratch.extend(page.postings.iter().map(|p: &Posting| {
        let weight = if p.weight == USUAL { 0 } else { p.weight };
        (p.word as u128) << 96 | (p.original as u128) << 64 | (weight as u128) << 32 | p.position as u128
    }));
    scratch.sort_unstable();
    let word_of = |k: u128| (k >> 96) as u32;
    let original_of = |k: u128| (k >> 64) as u32;
    let weight_of = |k: u128| match (k >> 32) as u8 {
        0 => USUAL,
        w => w,
    };
    // Variant forms in form order within a page, as Pagefind's BTreeMap gives them.
    let mut i = 0;
    while i < scratch.len() {
        let group = scratch[i] >> 64;
        let mut j = i;
        while j < scratch.len() && scratch[j] >> 64 == group {
            j += 1;
        }
        let (word, original) = (word_of(scratch[i]), original_of(scratch[i]));
        let mut current = USUAL;
        let mut last = 0u32;
        let packed = locs.add(scratch[i..j].iter().flat_map(|&k| {
            let (weight, position) = (weight_of(k), k as u32);
            let since = last;
            last = position;
            if weight != current {
                current = weight;
                [Some(-(weight as i32) - 1), Some(position as i32)]
            } else {
                [Some((position - since) as i32), None]
            }
            .into_iter()
            .flatten()
        }))?;
        let entry = &mut words[word as usize];
        let list = if original == NONE { &mut entry.pages } else { variant(entry, original) };
        WordEntry::page(list, number).locs = packed;
        i = j;
    }
    Ok(())
}

/// Pagefind's `parse_meta_words`: each metadata value's words, by field and position.
fn add_meta_words(
    analyzer: &mut Analyzer,
    words: &mut Vec<WordEntry>,
    locs: &mut Locs,
    meta: &BTreeMap<String, String>,
    fields: &[String],
    number: u32,
) -> Result<(), String> {
    let mut found: Vec<(u32, u32, u16, u32)> = Vec::new();
    for (name, value) in meta {
        let field = fields.iter().position(|f| f == name).unwrap_or_default() as u16;
        for (position, token) in value.split_whitespace().enumerate() {
            for w in analyzer.meta_token(token) {
                found.push((w.word, w.original, field, position as u32));
            }
        }
    }
    words.resize_with(analyzer.len(), WordEntry::default);
    found.sort_unstable();
    let mut i = 0;
    while i < found.len() {
        let (word, original) = (found[i].0, found[i].1);
        let mut j = i;
        while j < found.len() && found[j].0 == word && found[j].1 == original {
            j += 1;
        }
        let mut current: Option<u16> = None;
        let mut last = 0u32;
        let packed = locs.add(found[i..j].iter().flat_map(|&(_, _, field, position)| {
            let marker = (current != Some(field)).then(|| {
                current = Some(field);
                last = 0;
                -(field as i32) - 1
            });
            let delta = (position - last) as i32;
            last = position;
            [marker, Some(delta)].into_iter().flatten()
        }))?;
        let entry = &mut words[word as usize];
        let list = if original == NONE { &mut entry.pages } else { variant(entry, original) };
        // Meta words come after every page's text, so the page may be anywhere in the list.
        match list.binary_search_by_key(&number, |p| p.page) {
            Ok(k) => list[k].meta_locs = packed,
            Err(k) => list.insert(k, PackedPage { page: number, locs: Span::default(), meta_locs: packed }),
        }
        i = j;
    }
    Ok(())
}

/// A word's pages, as Pagefind's minicbor derive writes them. Written straight into the
/// buffer: postings are most of the index, and minicbor's encoder takes a call and a `Result`
/// for every byte it writes.
fn encode_pages(e: &mut Encoder<&mut Vec<u8>>, locs: &Locs, pages: &[PackedPage]) -> Result<(), String> {
    let buf: &mut Vec<u8> = e.writer_mut();
    cbor_head(buf, ARRAY, pages.len() as u64);
    let mut last = 0;
    for p in pages {
        cbor_head(buf, ARRAY, 3);
        cbor_head(buf, UNSIGNED, (p.page - last) as u64);
        last = p.page;
        for span in [p.locs, p.meta_locs] {
            let l = locs.get(span);
            cbor_head(buf, ARRAY, l.len() as u64);
            for &l in l {
                if l < 0 {
                    cbor_head(buf, NEGATIVE, (-1 - l as i64) as u64);
                } else {
                    cbor_head(buf, UNSIGNED, l as u64);
                }
            }
        }
    }
    Ok(())
}

/// CBOR's major types (RFC 8949 §3.1) used by [`encode_pages`].
const UNSIGNED: u8 = 0;
const NEGATIVE: u8 = 1 << 5;
const ARRAY: u8 = 4 << 5;

/// A CBOR data item's head in its shortest form (RFC 8949 §3, as minicbor writes it).
fn cbor_head(buf: &mut Vec<u8>, major: u8, n: u64) {
    match n {
        0..24 => buf.push(major | n as u8),
        24..0x100 => buf.extend_from_slice(&[major | 24, n as u8]),
        0x100..0x1_0000 => {
            buf.push(major | 25);
            buf.extend_from_slice(&(n as u16).to_be_bytes());
        }
        0x1_0000..0x1_0000_0000 => {
            buf.push(major | 26);
            buf.extend_from_slice(&(n as u32).to_be_bytes());
        }
        _ => {
            buf.push(major | 27);
            buf.extend_from_slice(&n.to_be_bytes());
        }
    }
}

fn fragment_json(url: &str, page: &Page) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct Fragment<'p> {
        url: &'p str,
        content: &'p str,
        word_count: usize,
        filters: &'p BTreeMap<String, Vec<String>>,
        meta: &'p BTreeMap<String, String>,
        anchors: &'p [fossick::Anchor],
    }
    serde_json::to_string(&Fragment {
        url,
        content: &page.content,
        word_count: page.word_count,
        filters: &page.filters,
        meta: &page.meta,
        anchors: &page.anchors,
    })
    .map_err(|e| e.to_string())
}

/// The shortest distinguishing prefixes of two neighbouring words (Pagefind's `get_prefixes`).
fn prefixes(a: &str, b: &str) -> (String, String) {
    let common = b.chars().zip(a.chars()).take_while(|(x, y)| x == y).count();
    (a.chars().take(common + 1).collect(), b.chars().take(common + 1).collect())
}

/// File names: the language and the first 7 hex digits of the SHA-256 of the bytes, longer
/// where two files would share a name.
#[derive(Default)]
struct Names {
    used: HashSet<String>,
}

impl Names {
    fn name(&mut self, language: &str, bytes: &[u8]) -> String {
        let full = format!("{language}_{}", hex(bytes));
        let mut len = language.len() + 1 + 7;
        while self.used.contains(&full[..len]) && len < full.len() {
            len += 1;
        }
        let name = full[..len].to_string();
        self.used.insert(name.clone());
        name
    }
}

fn hex(bytes: &[u8]) -> String {
    let hash: [u8; 32] = sha2::Sha256::digest(bytes).into();
    crate::hex::encode(&hash)
}

/// Gzips a bundle's files as Pagefind does, each starting with Pagefind's `pagefind_dcd`
/// signature (which tells its client that the bytes were decompressed). libdeflate compresses
/// a whole buffer at once, so the compressor and its buffers are kept for the whole bundle.
struct Gzip {
    compressor: libdeflater::Compressor,
    input: Vec<u8>,
    output: Vec<u8>,
}

impl Gzip {
    fn new() -> Self {
        let level = libdeflater::CompressionLvl::new(GZIP_LEVEL).unwrap_or_default();
        Gzip { compressor: libdeflater::Compressor::new(level), input: Vec::new(), output: Vec::new() }
    }

    fn gzip(&mut self, bytes: &[u8]) -> Result<Vec<u8>, String> {
        const SIGNATURE: &[u8] = b"pagefind_dcd";
        self.input.clear();
        self.input.extend_from_slice(SIGNATURE);
        self.input.extend_from_slice(bytes);
        self.output.resize(self.compressor.gzip_compress_bound(self.input.len()), 0);
        let n = self
            .compressor
            .gzip_compress(&self.input, &mut self.output)
            .map_err(|e| format!("cannot compress the search index: {e}"))?;
        Ok(self.output[..n].to_vec())
    }
}

fn cbor<E: std::fmt::Display>(e: E) -> String {
    format!("cannot encode the search index: {e}")
}
