//! Inflates the embedded model files at build time: inflating the 760 kB weight file took about
//! 7 ms at every start, a few per cent of a run over a few hundred texts. The files in `model/`
//! stay deflated (their format is `train-ner`'s and `cluster-words`'s); the binary holds the
//! inflated bytes. An unreadable file becomes an empty one, which the loaders turn down (and
//! the tagger falls back to an empty model, as it did when inflating at run time failed).

use std::io::Read;
use std::path::PathBuf;

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
        std::fs::write(out.join(format!("{name}.raw")), raw).expect("write the inflated model");
    }
}
