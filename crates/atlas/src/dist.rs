//! `atlas dist`: turns trunk's output into the folder a newsroom copies.
//!
//! Run by trunk as its `post_build` hook (`Trunk.toml`), on the staging
//! directory (`$TRUNK_STAGING_DIR`), or by hand on any trunk output. It:
//!
//! 1. moves the wasm-bindgen pair (`NAME-HASH.js`, `NAME-HASH_bg.wasm`) into
//!    `bilateral-map/`, the glue minified by esbuild;
//! 2. moves `widget.css` (the shadow-root stylesheet), without comments and
//!    indentation like the other two text files written here, there as
//!    `widget-HASH.css`, HASH being the FNV-1a 64 of its bytes, so every
//!    asset but the two entry files has a content-hashed name;
//! 3. writes `bilateral-map/bilateral-map.js`, the custom element, from the
//!    template `bilateral-map.js` with those three names filled in, and moves
//!    `bilateral-map.css` (the host-page stylesheet) beside it: the two
//!    stable names a page links;
//! 4. in every `*.html` file, fills each `<bilateral-map>` element that holds
//!    `<!-- fallback -->` with the static fallback in the element's `lang`
//!    (`crate::fallback::render`, the same bundle the widget loads), headed
//!    by a link to `bilateral-map.css`, and drops trunk's leftover
//!    `<link data-trunk …>` tags.
//!
//! Beside them go the data files, each named by its content hash: the corpus
//! index, the basemap and the article text shards (`bilateral_core::shard`).

use std::path::{Path, PathBuf};

use bilateral_core::Bundle;
use bilateral_core::lang::Lang;
use bilateral_core::shard;

/// The folder, inside the output, that a newsroom copies.
pub const FOLDER: &str = "bilateral-map";
/// What a `<bilateral-map>` element holds where its fallback goes.
pub const MARKER: &str = "<!-- fallback -->";

/// 64-bit FNV-1a (Fowler, Noll, Vo), as 16 hex digits: a cache-busting
/// content hash, not a security one.
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// The names of the wasm-bindgen glue and its wasm in `dir`: the one `X.js`
/// with an `X_bg.wasm` beside it.
pub fn find_glue(dir: &Path) -> Result<(String, String), String> {
    let mut pairs = Vec::new();
    for name in file_names(dir)? {
        if let Some(stem) = name.strip_suffix("_bg.wasm") {
            let js = format!("{stem}.js");
            if dir.join(&js).is_file() {
                pairs.push((js, name.clone()));
            }
        }
    }
    match pairs.len() {
        1 => Ok(pairs.remove(0)),
        0 => Err(format!(
            "{}: no wasm-bindgen output (NAME.js beside NAME_bg.wasm)",
            dir.display()
        )),
        _ => Err(format!(
            "{}: more than one wasm-bindgen output: {pairs:?}",
            dir.display()
        )),
    }
}

fn file_names(dir: &Path) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot list: {e}", dir.display()))?;
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_file())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    Ok(names)
}

/// `css` without comments, indentation and blank lines. Enough for our own
/// stylesheets (no comment markers inside strings); not a general minifier.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    out.push_str(rest);
    squeeze_lines(&out)
}

/// `js` without whole-line `//` and one-line `/** … */` comments,
/// indentation and blank lines. Code lines are kept as they are.
pub fn minify_js(js: &str) -> String {
    let code: Vec<&str> = js
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            !(t.starts_with("//") || (t.starts_with("/*") && t.ends_with("*/")))
        })
        .collect();
    squeeze_lines(&code.join("\n"))
}

fn squeeze_lines(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The wasm-bindgen glue minified by esbuild (<https://esbuild.github.io>,
/// from `package.json`, on `PATH` as `node_modules/.bin/esbuild`): it halves
/// the glue's raw size and saves a quarter of it gzipped. Reads the script
/// on stdin, keeps it an ES module.
pub fn minify_glue(js: &str) -> Result<String, String> {
    esbuild(js, "the wasm-bindgen glue")
}

/// The custom element's module (`www/bilateral-map.js`, before its names
/// are filled in) minified by esbuild like the glue, its ru/kk strings kept
/// as UTF-8 (`--charset=utf8`) rather than `\u` escapes, which gzip less well.
pub fn minify_element(js: &str) -> Result<String, String> {
    esbuild(js, "the element's module")
}

fn esbuild(js: &str, what: &str) -> Result<String, String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("esbuild")
        .args([
            "--minify",
            "--charset=utf8",
            "--format=esm",
            "--loader=js",
            "--log-level=warning",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("esbuild cannot be run ({e}); `make setup` installs it"))?;
    child
        .stdin
        .take()
        .expect("stdin was piped")
        .write_all(js.as_bytes())
        .map_err(|e| format!("esbuild: cannot write its input: {e}"))?;
    let out = child
        .wait_with_output()
        .map_err(|e| format!("esbuild: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "esbuild failed on {what}: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|_| "esbuild wrote something not UTF-8".to_string())
}

/// The custom element's module: the template with the hashed names in.
/// The content-hashed names of the files beside the element's module.
pub struct Names<'a> {
    pub glue: &'a str,
    pub wasm: &'a str,
    pub css: &'a str,
    pub index: &'a str,
    pub basemap: &'a str,
}

/// What a page with a map above the fold puts in its `<head>` so that the
/// browser fetches the glue, the wasm, the index and the basemap with the
/// page, not one after the other once the element's module runs: one
/// `modulepreload`, three `preload as="fetch" crossorigin` (the
/// credentials mode of the module's own `fetch`, so the preloads are used)
/// and the widget's stylesheet, which each shadow root links.
/// `atlas dist` writes it as `bilateral-map/preload.html` and puts it in
/// every page of the build with a `loading="eager"` element.
pub fn preload_links(names: &Names) -> String {
    let f = FOLDER;
    format!(
        "<link rel=\"modulepreload\" href=\"{f}/{}\">\n\
         <link rel=\"preload\" href=\"{f}/{}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\
         <link rel=\"preload\" href=\"{f}/{}\" as=\"fetch\" crossorigin>\n\
         <link rel=\"preload\" href=\"{f}/{}\" as=\"fetch\" crossorigin>\n\
         <link rel=\"preload\" href=\"{f}/{}\" as=\"style\">\n",
        names.glue, names.wasm, names.index, names.basemap, names.css
    )
}

/// `html` with `links` before its `</head>` when one of its
/// `<bilateral-map>` elements says `loading="eager"`; else unchanged.
pub fn preload_eager(html: &str, links: &str) -> String {
    let eager = html.match_indices("<bilateral-map").any(|(at, _)| {
        let tag = &html[at..html[at..].find('>').map_or(html.len(), |e| at + e)];
        attr(tag, "loading").is_some_and(|v| v.trim().eq_ignore_ascii_case("eager"))
    });
    match html.find("</head>") {
        Some(head) if eager => format!("{}{links}{}", &html[..head], &html[head..]),
        _ => html.to_string(),
    }
}

pub fn loader(template: &str, names: &Names) -> Result<String, String> {
    for placeholder in ["@GLUE@", "@WASM@", "@CSS@", "@INDEX@", "@BASEMAP@"] {
        if !template.contains(placeholder) {
            return Err(format!(
                "bilateral-map.js: the template has no {placeholder}"
            ));
        }
    }
    Ok(template
        .replace("@GLUE@", names.glue)
        .replace("@WASM@", names.wasm)
        .replace("@CSS@", names.css)
        .replace("@INDEX@", names.index)
        .replace("@BASEMAP@", names.basemap))
}

/// How many citations per feature a fallback lists unless its element says
/// otherwise (`fallback-citations="N"`); the rest are one link away.
pub const FALLBACK_CITATIONS: usize = 3;

/// Fills every `<bilateral-map …><!-- fallback --></bilateral-map>` in
/// `html` with `fallback(lang, n)`, `lang` being the element's `lang`
/// attribute (the page's `<html lang>` if it has none, else `ru`) and `n` its
/// `fallback-citations` (else [`FALLBACK_CITATIONS`]); returns the page and
/// how many elements were filled. An unknown `lang` or a `fallback-citations`
/// that is not a whole number is an error naming it.
pub fn fill_fallbacks(
    html: &str,
    mut fallback: impl FnMut(Lang, usize) -> String,
) -> Result<(String, usize), String> {
    let page_lang = html_lang(html).unwrap_or_default();
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    let mut filled = 0;
    while let Some(at) = rest.find("<bilateral-map") {
        let tag_end = rest[at..]
            .find('>')
            .map(|e| at + e + 1)
            .ok_or("an unclosed <bilateral-map tag")?;
        let close = rest[tag_end..]
            .find("</bilateral-map>")
            .map(|e| tag_end + e)
            .ok_or("a <bilateral-map> element without </bilateral-map>")?;
        let tag = &rest[at..tag_end];
        let content = &rest[tag_end..close];
        out.push_str(&rest[..tag_end]);
        if content.contains(MARKER) {
            let code = attr(tag, "lang")
                .or_else(|| (!page_lang.is_empty()).then(|| page_lang.clone()))
                .unwrap_or_else(|| "ru".to_string());
            let lang = Lang::from_code(code.split('-').next().unwrap_or_default())
                .ok_or_else(|| format!("{tag}: lang `{code}` is not ru, kk or en"))?;
            let shown = match attr(tag, "fallback-citations") {
                None => FALLBACK_CITATIONS,
                Some(n) => n.trim().parse().map_err(|_| {
                    format!("{tag}: fallback-citations `{n}` is not a whole number")
                })?,
            };
            out.push_str(&content.replace(MARKER, &fallback(lang, shown)));
            filled += 1;
        } else {
            out.push_str(content);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    Ok((out, filled))
}

/// The page with every citation in `lang`, in the distributable's folder.
pub fn citations_page_name(lang: Lang) -> String {
    format!("citations-{}.html", lang.code())
}

/// `html` without trunk's `<link data-trunk …>` tags (left in place when
/// `inject_scripts = false`), and without the line each stood on.
pub fn drop_trunk_links(html: &str) -> String {
    html.lines()
        .filter(|l| !l.trim_start().starts_with("<link data-trunk"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// The `lang` of the page's `<html>` start tag.
fn html_lang(html: &str) -> Option<String> {
    let at = html.find("<html")?;
    let end = html[at..].find('>')? + at;
    attr(&html[at..end], "lang")
}

/// The value of the double-quoted attribute `name` in a start tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let len = tag[start..].find('"')?;
    Some(tag[start..start + len].to_string())
}

/// What `run` did, for the build log.
pub struct Report {
    pub glue: String,
    pub wasm: String,
    pub css: String,
    pub index: String,
    pub basemap: String,
    /// The article text shards.
    pub texts: Vec<String>,
    pub pages: Vec<(PathBuf, usize)>,
    /// The folder's bytes raw, gzipped and with brotli ([`precompress`]).
    pub compressed: (usize, usize, usize),
}

/// Runs all four steps on `dir` with `bundle` for the fallbacks.
pub fn run(dir: &Path, bundle: &Bundle) -> Result<Report, String> {
    let folder = dir.join(FOLDER);
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("{}: cannot create: {e}", folder.display()))?;
    let (glue, wasm) = find_glue(dir)?;
    let read =
        |p: &Path| std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()));
    let write = |p: &Path, bytes: &[u8]| {
        std::fs::write(p, bytes).map_err(|e| format!("{}: cannot write: {e}", p.display()))
    };
    let text =
        |p: &Path| String::from_utf8(read(p)?).map_err(|_| format!("{}: not UTF-8", p.display()));
    let rename = |from: &Path, to: &Path| {
        std::fs::rename(from, to).map_err(|e| format!("{}: cannot move: {e}", from.display()))
    };
    // A source file trunk copied in, taken out of the output: its text.
    let take = |name: &str| {
        let path = dir.join(name);
        let content = text(&path)?;
        let _ = std::fs::remove_file(&path);
        Ok::<_, String>(content)
    };
    let glue_js = minify_glue(&text(&dir.join(&glue))?)?;
    write(&folder.join(&glue), glue_js.as_bytes())?;
    let _ = std::fs::remove_file(dir.join(&glue));
    rename(&dir.join(&wasm), &folder.join(&wasm))?;

    let css_bytes =
        minify_css(&bilateral_core::ui::expand_widget_css(&take("widget.css")?)).into_bytes();
    let css = format!("widget-{}.css", content_hash(&css_bytes));
    write(&folder.join(&css), &css_bytes)?;
    let data = write_data(&folder, bundle)?;
    let names = data.names(&glue, &wasm, &css);
    let module = loader(&minify_element(&take("bilateral-map.js")?)?, &names)?;
    write(&folder.join("bilateral-map.js"), module.as_bytes())?;
    let preload = preload_links(&names);
    write(&folder.join("preload.html"), preload.as_bytes())?;
    let host_css = minify_css(&take("bilateral-map.css")?);
    write(&folder.join("bilateral-map.css"), host_css.as_bytes())?;

    // Each language's fallback is rendered once, for every page.
    let link = format!("<link rel=\"stylesheet\" href=\"{FOLDER}/bilateral-map.css\">\n");
    let mut cache: Vec<((Lang, usize), String)> = Vec::new();
    let mut pages = Vec::new();
    for name in file_names(dir)?
        .into_iter()
        .filter(|n| n.ends_with(".html"))
    {
        let path = dir.join(&name);
        let html = text(&path)?;
        let (html, filled) = fill_fallbacks(&drop_trunk_links(&html), |lang, citations| {
            if let Some((_, html)) = cache.iter().find(|(k, _)| *k == (lang, citations)) {
                return html.clone();
            }
            let all_at = format!("{FOLDER}/{}", citations_page_name(lang));
            let shown = crate::fallback::Shown {
                citations,
                all_at: &all_at,
            };
            let html = format!(
                "{link}{}",
                crate::fallback::render(bundle, lang, Some(&shown))
            );
            cache.push(((lang, citations), html.clone()));
            html
        })
        .map_err(|e| format!("{}: {e}", path.display()))?;
        write(&path, preload_eager(&html, &preload).as_bytes())?;
        pages.push((path, filled));
    }
    let compressed = precompress(&folder)?;
    Ok(Report {
        glue,
        wasm,
        css,
        index: data.index,
        basemap: data.basemap,
        texts: data.texts,
        pages,
        compressed,
    })
}

/// Writes `NAME.br` (brotli, quality 11, window 2²⁴) and `NAME.gz` (gzip
/// -9) beside every file of `folder`, for a server that sends a
/// precompressed file when the browser accepts its encoding (nginx's
/// `brotli_static` and `gzip_static`, Caddy's `precompressed br gzip`, most
/// CDNs). Measured on the seed: brotli sends 0.83× gzip's bytes (the wasm
/// 0.82×). Returns the bytes each way, raw, gzip and brotli.
pub fn precompress(folder: &Path) -> Result<(usize, usize, usize), String> {
    use std::io::Write;
    let mut sums = (0, 0, 0);
    for name in file_names(folder)? {
        if name.ends_with(".br") || name.ends_with(".gz") {
            continue;
        }
        let path = folder.join(&name);
        let raw =
            std::fs::read(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&raw)
            .and_then(|()| gz.flush())
            .map_err(|e| format!("{}: cannot gzip: {e}", path.display()))?;
        let gz = gz
            .finish()
            .map_err(|e| format!("{}: cannot gzip: {e}", path.display()))?;
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 24,
            size_hint: raw.len(),
            ..Default::default()
        };
        brotli::BrotliCompress(&mut &raw[..], &mut br, &params)
            .map_err(|e| format!("{}: cannot compress with brotli: {e}", path.display()))?;
        for (ext, bytes) in [("gz", &gz), ("br", &br)] {
            let out = folder.join(format!("{name}.{ext}"));
            std::fs::write(&out, bytes)
                .map_err(|e| format!("{}: cannot write: {e}", out.display()))?;
        }
        sums = (sums.0 + raw.len(), sums.1 + gz.len(), sums.2 + br.len());
    }
    Ok(sums)
}

/// The data files [`write_data`] wrote, by name.
pub struct Data {
    pub index: String,
    pub basemap: String,
    pub texts: Vec<String>,
    pub details: String,
}

/// The data apart from the code, as (file name, bytes): the widget's bundle
/// (only cited entries) as two postcard files named by their hash, the
/// corpus index and the basemap (the same for every corpus, so it stays
/// cached when articles change); the articles' texts in shards the reader
/// fetches when it opens one; what a click needs (quotes, titles, search
/// words, same-event links: `bilateral_core::details`) in one more; and every
/// citation, per language, on a page of its own (the fallbacks list a few per
/// feature and link there). `atlas dist` writes them, the desk's map preview
/// serves them.
pub fn data_files(bundle: &Bundle) -> (Data, Vec<(String, Vec<u8>)>) {
    let mut files = Vec::new();
    let (mut index_file, basemap_file) = bundle.clone().for_widget().split();
    let texts = index_file.corpus.take_texts();
    for shard in shard::shards(texts, shard::PER_SHARD) {
        let bytes = shard.encode();
        let name = format!("texts-{}.bin", content_hash(&bytes));
        index_file.texts.names.push(name.clone());
        files.push((name, bytes));
    }
    index_file.texts.per_shard = shard::PER_SHARD;
    let details = index_file.take_details().encode();
    index_file.details = format!("details-{}.bin", content_hash(&details));
    files.push((index_file.details.clone(), details));
    let (index_bytes, basemap_bytes) = (index_file.encode(), basemap_file.encode());
    let index = format!("corpus-{}.bin", content_hash(&index_bytes));
    let basemap = format!("basemap-{}.bin", content_hash(&basemap_bytes));
    files.push((index.clone(), index_bytes));
    files.push((basemap.clone(), basemap_bytes));
    for lang in [Lang::Ru, Lang::Kk, Lang::En] {
        let page = crate::fallback::citations_page(bundle, lang, "bilateral-map.css");
        files.push((citations_page_name(lang), page.into_bytes()));
    }
    let data = Data {
        index,
        basemap,
        texts: index_file.texts.names,
        details: index_file.details,
    };
    (data, files)
}

impl Data {
    /// The names the element's module is filled with: the code's and these.
    pub fn names<'a>(&'a self, glue: &'a str, wasm: &'a str, css: &'a str) -> Names<'a> {
        Names {
            glue,
            wasm,
            css,
            index: &self.index,
            basemap: &self.basemap,
        }
    }
}

/// Writes [`data_files`] into `folder`.
pub fn write_data(folder: &Path, bundle: &Bundle) -> Result<Data, String> {
    let (data, files) = data_files(bundle);
    for (name, bytes) in files {
        let path = folder.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    }
    Ok(data)
}

/// The page the desk's map preview shows: the widget over the whole corpus.
const PREVIEW_PAGE: &str = r#"<!doctype html>
<html lang="LANG">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
<title>bilateral-map: preview</title>
<link rel="stylesheet" href="bilateral-map/bilateral-map.css">
<script type="module" src="bilateral-map/bilateral-map.js"></script>
</head>
<body>
<bilateral-map lang="LANG"></bilateral-map>
</body>
</html>
"#;

/// The widget over `bundle` as a page of its own, as (path, bytes) to serve:
/// `ru.html`, `kk.html` and `en.html` (one `<bilateral-map lang>` element
/// each) and `index.html` (the page in `lang`), and, in
/// `bilateral-map/`, the code of a built distributable `widget`
/// (`dist/bilateral-map/`: glue, wasm and styles, as they are), the data
/// files for `bundle` ([`data_files`]) and the element's module from its
/// `template` (`www/bilateral-map.js`). The desk's map preview: rebuilt
/// after each saved decision, held in memory (the desk writes only in
/// `corpus/`).
pub fn preview(
    widget: &Path,
    template: &Path,
    bundle: &Bundle,
    lang: Lang,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let read =
        |p: &Path| std::fs::read(p).map_err(|e| format!("{}: cannot read: {e}", p.display()));
    let (glue, wasm) = find_glue(widget)?;
    let css = file_names(widget)?
        .into_iter()
        .find(|n| n.starts_with("widget-") && n.ends_with(".css"))
        .ok_or_else(|| {
            format!(
                "{}: no widget-HASH.css (`make build` makes it)",
                widget.display()
            )
        })?;
    let (data, files) = data_files(bundle);
    let template = String::from_utf8(read(template)?)
        .map_err(|_| format!("{}: not UTF-8", template.display()))?;
    let names = data.names(&glue, &wasm, &css);
    let module = loader(&minify_js(&template), &names)?;
    let page = |l: Lang| PREVIEW_PAGE.replace("LANG", l.code()).into_bytes();
    let mut out = vec![
        ("index.html".to_string(), page(lang)),
        (format!("{FOLDER}/bilateral-map.js"), module.into_bytes()),
    ];
    for l in [Lang::Ru, Lang::Kk, Lang::En] {
        out.push((format!("{}.html", l.code()), page(l)));
    }
    for name in [&glue, &wasm, &css, "bilateral-map.css"] {
        out.push((format!("{FOLDER}/{name}"), read(&widget.join(name))?));
    }
    out.extend(
        files
            .into_iter()
            .map(|(name, bytes)| (format!("{FOLDER}/{name}"), bytes)),
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_with_an_eager_map_preloads_what_the_map_needs_and_a_lazy_page_does_not() {
        let names = Names {
            glue: "bilateral-map-0123456789abcdef.js",
            wasm: "bilateral-map-0123456789abcdef_bg.wasm",
            css: "widget-0123456789abcdef.css",
            index: "corpus-0123456789abcdef.bin",
            basemap: "basemap-0123456789abcdef.bin",
        };
        let links = preload_links(&names);
        assert_eq!(links.lines().count(), 5);
        assert!(links.contains("href=\"bilateral-map/widget-0123456789abcdef.css\" as=\"style\">"));
        assert!(links.contains(
            "<link rel=\"modulepreload\" href=\"bilateral-map/bilateral-map-0123456789abcdef.js\">"
        ));
        assert!(links.contains("href=\"bilateral-map/bilateral-map-0123456789abcdef_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>"));
        assert!(links.contains(
            "href=\"bilateral-map/corpus-0123456789abcdef.bin\" as=\"fetch\" crossorigin>"
        ));
        let page = |tag: &str| {
            format!(
                "<html><head><title>t</title>\n</head><body>{tag}<!-- fallback --></bilateral-map></body></html>"
            )
        };
        let eager = preload_eager(
            &page("<bilateral-map lang=\"ru\" loading=\"eager\">"),
            &links,
        );
        assert!(eager.contains(&format!("{links}</head>")), "{eager}");
        for lazy in [
            "<bilateral-map lang=\"ru\">",
            "<bilateral-map loading=\"lazy\">",
        ] {
            assert_eq!(preload_eager(&page(lazy), &links), page(lazy));
        }
    }

    #[test]
    fn the_index_keeps_what_the_map_draws_and_names_the_details_a_click_needs() {
        use bilateral_core::details::Details;
        use bilateral_core::{BasemapLayer, Index};
        let bundle = bilateral_core::fixtures::osh_bundle(
            "Встреча в Оше.\n\nВстреча прошла в Оше. Потом в Оше ещё раз.",
        );
        let (data, files) = data_files(&bundle);
        let file = |name: &str| &files.iter().find(|(n, _)| n == name).expect(name).1;
        let index = Index::decode(file(&data.index)).expect("the index decodes");
        assert_eq!(index.details, data.details);
        assert!(data.details.starts_with("details-") && data.details.ends_with(".bin"));
        let a = &index.corpus.articles[0];
        assert!(a.title.is_empty() && a.excerpts.is_empty() && a.text.is_empty());
        assert!(index.search.words.is_empty() && index.corpus.events.is_empty());
        assert_eq!(
            index.corpus.features[0].citations.len(),
            3,
            "the citations stay"
        );
        assert_eq!(a.date, bundle.corpus.articles[0].date);
        let details = Details::decode(file(&data.details), &index.corpus).expect("its own");
        assert_eq!(details.articles[0].title, "Встреча в Оше.");
        assert_eq!(
            details.articles[0].excerpts[1].text,
            "Встреча прошла в Оше."
        );
        let basemap = BasemapLayer::decode(file(&data.basemap)).expect("the basemap decodes");
        let whole = bilateral_core::Bundle::join(index, basemap)
            .expect("one build")
            .with_details(details);
        let cited = &whole.corpus.features[0].citations[1];
        assert_eq!(whole.corpus.quote(cited), "Встреча прошла в Оше.");
        assert!(!whole.search.words.is_empty());
    }

    #[test]
    fn every_file_gets_a_brotli_and_a_gzip_copy_that_unpack_to_it() {
        use std::io::Read;
        let dir = std::env::temp_dir().join(format!("atlas-precompress-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let text = "Автодорога Алматы – Иссык-Куль. ".repeat(200);
        std::fs::write(dir.join("a.js"), &text).unwrap();
        std::fs::write(dir.join("b.bin"), [0u8, 1, 2, 3, 255]).unwrap();
        let (raw, gz, br) = precompress(&dir).unwrap();
        assert_eq!(raw, text.len() + 5);
        assert!(br < gz && gz < raw / 10, "{raw} {gz} {br}");
        for name in ["a.js", "b.bin"] {
            let original = std::fs::read(dir.join(name)).unwrap();
            let mut unbr = Vec::new();
            brotli::Decompressor::new(
                &std::fs::read(dir.join(format!("{name}.br"))).unwrap()[..],
                4096,
            )
            .read_to_end(&mut unbr)
            .unwrap();
            let mut ungz = Vec::new();
            flate2::read::GzDecoder::new(
                &std::fs::read(dir.join(format!("{name}.gz"))).unwrap()[..],
            )
            .read_to_end(&mut ungz)
            .unwrap();
            assert_eq!(unbr, original, "{name}.br");
            assert_eq!(ungz, original, "{name}.gz");
        }
        // Run again: the copies are not compressed a second time.
        precompress(&dir).unwrap();
        assert!(!dir.join("a.js.br.br").exists() && !dir.join("a.js.gz.br").exists());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        // From the FNV reference test suite (isthe.com/chongo/tech/comp/fnv).
        assert_eq!(content_hash(b""), "cbf29ce484222325");
        assert_eq!(content_hash(b"a"), "af63dc4c8601ec8c");
        assert_eq!(content_hash(b"foobar"), "85944171f73967e8");
    }

    #[test]
    fn the_glue_is_minified_and_stays_a_module() {
        let js = "let wasm;\n\n// The instance.\nexport function mount(root, host) {\n    \
                  const longName = wasm.mount(root, host);\n    return longName;\n}\n\
                  export default async function init() { return new URL('x.wasm', import.meta.url); }\n";
        let out = minify_glue(js).unwrap();
        assert!(out.len() < js.len() / 2 + 40, "{out}");
        assert!(
            !out.contains("The instance") && !out.contains("longName"),
            "{out}"
        );
        assert!(
            out.contains("export") && out.contains("mount") && out.contains("import.meta.url"),
            "{out}"
        );
        let bad = minify_glue("export function (").unwrap_err();
        assert!(bad.contains("esbuild failed"), "{bad}");
    }

    #[test]
    fn the_element_module_keeps_its_names_to_fill_and_its_words_as_utf8() {
        let js = "import init from './@GLUE@';\n// A note.\nconst said = { kk: 'Интерактивті карта' };\n\
                  export const where = () => [new URL('./@WASM@', import.meta.url), said];\n";
        let out = minify_element(js).unwrap();
        assert!(
            out.contains("./@GLUE@") && out.contains("./@WASM@"),
            "{out}"
        );
        assert!(
            out.contains("Интерактивті карта") && !out.contains("A note"),
            "{out}"
        );
    }

    #[test]
    fn fills_only_marked_elements_in_their_language() {
        let html = "<html lang=\"ru\"><body>\
            <bilateral-map lang=\"kk\" feature=\"osh\" fallback-citations=\"7\"><!-- fallback --></bilateral-map>\
            <bilateral-map><!-- fallback --></bilateral-map>\
            <bilateral-map lang=\"en\">kept</bilateral-map></body></html>";
        let (out, filled) = fill_fallbacks(html, |l, n| format!("[{} {n}]", l.code())).unwrap();
        assert_eq!(filled, 2);
        assert!(
            out.contains("fallback-citations=\"7\">[kk 7]</bilateral-map>"),
            "{out}"
        );
        assert!(
            out.contains("<bilateral-map>[ru 3]</bilateral-map>"),
            "{out}"
        );
        assert!(
            out.contains("<bilateral-map lang=\"en\">kept</bilateral-map>"),
            "{out}"
        );
    }

    #[test]
    fn a_bad_lang_or_an_unclosed_element_is_an_error() {
        let bad = "<bilateral-map lang=\"de\"><!-- fallback --></bilateral-map>";
        let e = fill_fallbacks(bad, |_, _| String::new()).unwrap_err();
        assert!(e.contains("lang `de`"), "{e}");
        let open = "<bilateral-map lang=\"ru\"><!-- fallback -->";
        assert!(fill_fallbacks(open, |_, _| String::new()).is_err());
        let many = "<bilateral-map fallback-citations=\"many\"><!-- fallback --></bilateral-map>";
        let e = fill_fallbacks(many, |_, _| String::new()).unwrap_err();
        assert!(
            e.contains("fallback-citations `many` is not a whole number"),
            "{e}"
        );
    }

    #[test]
    fn the_template_gets_all_five_names() {
        let names = Names {
            glue: "a-1.js",
            wasm: "a-1_bg.wasm",
            css: "widget-2.css",
            index: "corpus-3.bin",
            basemap: "basemap-4.bin",
        };
        let t = "import init from './@GLUE@'; const w = '@WASM@', c = '@CSS@', i = ['@INDEX@', '@BASEMAP@'];";
        assert_eq!(
            loader(t, &names).unwrap(),
            "import init from './a-1.js'; const w = 'a-1_bg.wasm', c = 'widget-2.css', i = ['corpus-3.bin', 'basemap-4.bin'];"
        );
        assert!(loader("no placeholders", &names).is_err());
        let three = "'@GLUE@' '@WASM@' '@CSS@' '@INDEX@'";
        assert!(loader(three, &names).is_err());
    }

    #[test]
    fn minified_css_keeps_every_rule_and_drops_comments() {
        let css = "/* head\n   note */\n.a {\n  color: red; /* why */\n}\n\n@media print {\n  .b { display: none; }\n}\n";
        assert_eq!(
            minify_css(css),
            ".a {\ncolor: red;\n}\n@media print {\n.b { display: none; }\n}\n"
        );
    }

    #[test]
    fn minified_js_keeps_code_lines_with_slashes() {
        let js =
            "// about\nconst u = 'http://x/y'; // kept: not a whole line\n  /** doc */\n  f();\n";
        assert_eq!(
            minify_js(js),
            "const u = 'http://x/y'; // kept: not a whole line\nf();\n"
        );
    }

    #[test]
    fn trunk_link_tags_are_dropped() {
        let html = "<head>\n  <link data-trunk rel=\"rust\" data-trunk-id=\"0\">\n  <title>t</title>\n</head>\n";
        assert_eq!(
            drop_trunk_links(html),
            "<head>\n  <title>t</title>\n</head>\n"
        );
    }
}
