//! Parse-and-link throughput: the seed corpus, and 10,000 synthetic articles
//! assembled from the seed corpus's own sentences; and the host-text link's
//! name finding on a long text.
//!
//! Run with `cargo bench -p bilateral-core --bench corpus`. Everything is in
//! memory: this measures parsing, sentence splitting and matching, not disk.

use std::path::Path;

use bilateral_core::article::{self, Article};
use bilateral_core::gazetteer::Gazetteer;
use bilateral_core::{Corpus, SourceFile, load_dir};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn seed_files() -> Vec<SourceFile> {
    load_dir(&root().join("corpus/articles")).expect("the seed corpus loads")
}

fn gazetteer() -> Gazetteer {
    Gazetteer::load(&root().join("corpus/gazetteer.toml")).expect("the gazetteer loads")
}

/// `n` articles of 6–20 seed sentences each, in 2–5 paragraphs, every third
/// with a date header: a deterministic mix (a linear congruential generator).
fn synthetic(n: usize, seed: &[SourceFile]) -> Vec<SourceFile> {
    let sentences: Vec<String> = seed
        .iter()
        .map(|f| article::parse(f).expect("seed parses"))
        .flat_map(|a: Article| {
            (0..a.sentences.len())
                .map(|i| a.sentence_text(i).to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut lcg = bilateral_core::compact::Lcg::new();
    let mut next = |m: usize| lcg.below(m);
    (0..n)
        .map(|i| {
            let mut text = String::new();
            if i % 3 == 0 {
                text.push_str(&format!(" date 2025-{:02}-{:02} ", 1 + i % 12, 1 + i % 28));
                text.push_str(&sentences[next(sentences.len())]);
                text.push_str("\n\n");
            }
            let count = 6 + next(15);
            let breaks = 2 + next(4);
            for k in 0..count {
                text.push_str(&sentences[next(sentences.len())]);
                text.push(if k % (count / breaks).max(1) == 0 {
                    '\n'
                } else {
                    ' '
                });
            }
            SourceFile {
                id: format!("synthetic_{i:05}"),
                path: format!("synthetic_{i:05}.txt").into(),
                text,
            }
        })
        .collect()
}

fn parse_and_link(files: &[SourceFile], gazetteer: &Gazetteer) -> Corpus {
    let articles = files
        .iter()
        .map(|f| article::parse(f).expect("synthetic articles parse"))
        .collect();
    Corpus::link(articles, gazetteer.clone())
}

fn bench(c: &mut Criterion) {
    let seed = seed_files();
    let gazetteer = gazetteer();
    let mut group = c.benchmark_group("parse_and_link");
    for (name, files) in [
        ("seed-5", seed.clone()),
        ("synthetic-10000", synthetic(10_000, &seed)),
    ] {
        let bytes: usize = files.iter().map(|f| f.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        if files.len() > 100 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(name), &files, |b, files| {
            b.iter(|| parse_and_link(files, &gazetteer))
        });
        println!("{name}: {} articles, {bytes} bytes", files.len());
    }
    group.finish();
}

/// The host-text link (`HostNames::find`, issue 12): the names of the seed
/// corpus's features found in a long text outside it, the five seed articles
/// run together (~29 KB, far longer than a news page).
fn bench_host_names(c: &mut Criterion) {
    let seed = seed_files();
    let corpus = parse_and_link(&seed, &gazetteer());
    let names = bilateral_core::host_names::HostNames::build(&corpus);
    let text: String = seed
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut group = c.benchmark_group("host_names_find");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("seed-5-as-one-text", |b| {
        b.iter(|| names.find(&text, &corpus))
    });
    group.finish();
    println!(
        "host_names_find: {} bytes, {} phrases, {} names found",
        text.len(),
        names.phrases.len(),
        names.find(&text, &corpus).len()
    );
}

criterion_group!(benches, bench, bench_host_names);
criterion_main!(benches);
