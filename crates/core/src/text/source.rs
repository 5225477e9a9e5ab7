//! Reading the corpus from disk: one article per `*.txt` file in a folder.
//!
//! An article's id is its file name without the `.txt` extension. Files are
//! read in id order so that every build of the same folder is identical.
//! Problems are reported as [`SourceError`]s that name the file (and, where it
//! makes sense, the line): nothing is skipped silently.

use std::fmt;
use std::path::{Path, PathBuf};

/// One corpus file, read as UTF-8 text, byte for byte as it is on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The file name without `.txt`, e.g. `000_e351f906387beb49`.
    pub id: String,
    /// Where it was read from.
    pub path: PathBuf,
    /// The whole text, unchanged.
    pub text: String,
}

/// Why a corpus folder could not be read.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum SourceError {
    #[error("{path}: cannot read: {message}")]
    Io { path: DisplayPath, message: String },
    #[error(
        "{path}:{line}: the file is not UTF-8 text (invalid byte at offset {offset}){hint}; save it as UTF-8"
    )]
    NotUtf8 {
        path: DisplayPath,
        line: usize,
        offset: usize,
        hint: EncodingHint,
    },
    #[error("{path}: article id `{id}` is already used by {other}")]
    DuplicateId {
        path: DisplayPath,
        id: String,
        other: DisplayPath,
    },
    #[error("{path}: the folder holds no `*.txt` articles")]
    Empty { path: DisplayPath },
}

/// A path shown the way a user typed it, so error messages name the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayPath(pub PathBuf);

impl fmt::Display for DisplayPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.display())
    }
}

/// A guess at the encoding of a file that is not UTF-8, for the error message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingHint {
    /// Mostly bytes 0xC0–0xFF between ASCII: Cyrillic in Windows-1251.
    Windows1251,
    Unknown,
}

impl fmt::Display for EncodingHint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodingHint::Windows1251 => f.write_str(", it looks like Windows-1251 (Cyrillic)"),
            EncodingHint::Unknown => Ok(()),
        }
    }
}

/// Reads every `*.txt` file in `dir`, sorted by id; fails on the first problem.
pub fn load_dir(dir: &Path) -> Result<Vec<SourceFile>, SourceError> {
    read_all(dir)?.into_iter().collect()
}

/// Reads every `*.txt` file in `dir`, sorted by file name, and gives each
/// file's own result, so that a caller can report every bad file at once.
/// Only a folder that cannot be listed, or holds no articles, fails as a whole.
pub fn read_all(dir: &Path) -> Result<Vec<Result<SourceFile, SourceError>>, SourceError> {
    let io_error = |path: &Path, e: std::io::Error| SourceError::Io {
        path: DisplayPath(path.to_path_buf()),
        message: e.to_string(),
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io_error(dir, e))? {
        let path = entry.map_err(|e| io_error(dir, e))?.path();
        if path.extension().is_some_and(|ext| ext == "txt") && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(SourceError::Empty {
            path: DisplayPath(dir.to_path_buf()),
        });
    }
    let mut seen: Vec<(String, PathBuf)> = Vec::with_capacity(paths.len());
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let id = article_id(&path);
        if let Some((_, other)) = seen.iter().find(|(i, _)| *i == id) {
            out.push(Err(SourceError::DuplicateId {
                path: DisplayPath(path),
                id,
                other: DisplayPath(other.clone()),
            }));
            continue;
        }
        seen.push((id, path.clone()));
        out.push(
            std::fs::read(&path)
                .map_err(|e| io_error(&path, e))
                .and_then(|bytes| decode(&path, bytes)),
        );
    }
    Ok(out)
}

/// Turns one file's bytes into a [`SourceFile`], or says why it cannot.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<SourceFile, SourceError> {
    let id = article_id(path);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile {
            id,
            path: path.to_path_buf(),
            text,
        }),
        Err(e) => {
            let bytes = e.as_bytes();
            let offset = e.utf8_error().valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            Err(SourceError::NotUtf8 {
                path: DisplayPath(path.to_path_buf()),
                line,
                offset,
                hint: guess_encoding(bytes),
            })
        }
    }
}

/// The article id: the file name without its extension, lower-cased.
fn article_id(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

fn guess_encoding(bytes: &[u8]) -> EncodingHint {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let cyrillic_1251 = bytes.iter().filter(|&&b| b >= 0xC0).count();
    if high > 0 && cyrillic_1251 * 10 >= high * 7 {
        EncodingHint::Windows1251
    } else {
        EncodingHint::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("bilateral-core-{}-{}", name, std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir is writable");
        dir
    }

    mod load_dir {
        use super::*;

        #[test]
        fn reads_files_in_id_order_and_ignores_other_extensions() {
            let dir = temp_dir("order");
            std::fs::write(dir.join("b.txt"), "Бишкек").unwrap();
            std::fs::write(dir.join("a.txt"), "Алматы").unwrap();
            std::fs::write(dir.join("notes.md"), "not an article").unwrap();
            let files = load_dir(&dir).unwrap();
            let ids: Vec<&str> = files.iter().map(|f| f.id.as_str()).collect();
            assert_eq!(ids, ["a", "b"]);
            assert_eq!(files[0].text, "Алматы");
        }

        #[test]
        fn an_empty_folder_is_an_error_naming_it() {
            let dir = temp_dir("empty");
            let err = load_dir(&dir).unwrap_err();
            assert!(matches!(err, SourceError::Empty { .. }));
            assert!(err.to_string().contains(&dir.display().to_string()));
        }

        #[test]
        fn two_files_with_one_id_are_an_error_naming_both() {
            let dir = temp_dir("dup");
            std::fs::write(dir.join("Osh.txt"), "Ош").unwrap();
            std::fs::write(dir.join("osh.txt"), "Ош").unwrap();
            let message = load_dir(&dir).unwrap_err().to_string();
            assert!(message.contains("Osh.txt"), "{message}");
            assert!(message.contains("osh.txt"), "{message}");
            assert!(message.contains("`osh`"), "{message}");
        }

        #[test]
        fn a_missing_folder_is_an_io_error_naming_it() {
            let err = load_dir(Path::new("/no/such/corpus")).unwrap_err();
            assert!(err.to_string().starts_with("/no/such/corpus: cannot read"));
        }
    }

    mod decode {
        use super::*;

        #[test]
        fn windows_1251_is_named_with_file_and_line() {
            // "Ош\nБишкек" in Windows-1251: О=0xCE ш=0xF8, Б=0xC1 и=0xE8 ш=0xF8 к=0xEA е=0xE5 к=0xEA.
            let bytes = b"Osh ok\n\xCE\xF8\n\xC1\xE8\xF8\xEA\xE5\xEA".to_vec();
            let err = decode(Path::new("corpus/x.txt"), bytes).unwrap_err();
            assert_eq!(
                err.to_string(),
                "corpus/x.txt:2: the file is not UTF-8 text (invalid byte at offset 7), \
                 it looks like Windows-1251 (Cyrillic); save it as UTF-8"
            );
        }

        #[test]
        fn utf8_text_is_kept_byte_for_byte() {
            let text = "\u{feff}Ош\r\nБишкек";
            let file = decode(Path::new("x/Y.txt"), text.as_bytes().to_vec()).unwrap();
            assert_eq!(file.id, "y");
            assert_eq!(file.text, text);
        }
    }
}
