//! Inflates the embedded model files at build time: inflating the 760 kB weight file took about
//! 7 ms at every start, a few per cent of a run over a few hundred texts. The files in `model/`
//! stay deflated (their format is `train-ner`'s and `cluster-words`'s); the binary holds the
//! inflated bytes. An unreadable file becomes an empty one, which the loaders turn down (and
//! the tagger falls back to an empty model, as it did when inflating at run time failed).
//!
//! The word classes and the wide gazetteer lists are also laid out here as the read-only hash
//! tables of `src/tables.rs`, read in place at run time: building them as hash maps took about
//! 6 ms of every start.

use std::io::Read;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/tables.rs"]
mod tables;
#[allow(dead_code)]
#[path = "src/varint.rs"]
mod varint;

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("OUT_DIR"));
    for name in ["ner", "clusters"] {
        let src = format!("model/{name}.bin");
        println!("cargo:rerun-if-changed={src}");
        let mut raw = Vec::new();
        let read = std::fs::read(&src).ok().and_then(|bytes| {
            flate2::read::DeflateDecoder::new(&bytes[..])
                .read_to_end(&mut raw)
                .ok()
        });
        if read.is_none() {
            raw.clear();
        }
        if name == "clusters" {
            let entries = varint::cluster_entries(&raw).unwrap_or_default();
            std::fs::write(out.join("clusters.table"), tables::build_clusters(&entries))
                .expect("write the word-class table");
        }
        std::fs::write(out.join(format!("{name}.raw")), raw).expect("write the inflated model");
    }
    // The wide lists, in the order and with the classes of `gazetteer::WIDE`.
    let mut files = Vec::new();
    for name in ["surnames", "given_census", "geonames", "companies"] {
        let src = format!("data/{name}.txt");
        println!("cargo:rerun-if-changed={src}");
        files.push(std::fs::read_to_string(&src).expect("read a wide list"));
    }
    let flagged: Vec<(&str, u8)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.as_str(), 1u8 << i))
        .collect();
    let (slots, max_words) = tables::build_wide(&flagged);
    std::fs::write(out.join("wide.table"), slots).expect("write the wide table");
    std::fs::write(out.join("wide.blob"), files.concat()).expect("write the wide lists");
    std::fs::write(out.join("wide_max_words.rs"), format!("{max_words}\n"))
        .expect("write the wide lists' longest entry");
}
