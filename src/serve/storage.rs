//! Where the answers land: one answers file a participant in DIR, in the exact form
//! `--save-answers` writes, so `report`, `compare` and `quiz --answers` read it unchanged.
//!
//! A file is written whole or not at all: into a hidden temporary file in DIR (`report`
//! skips hidden files), flushed to disk, renamed to its name, and the folder flushed, before
//! the participant is told it is saved. One writer thread does it for every submission
//! waiting at once (group commit): each file is flushed on its own, the folder once for the
//! batch, which is what lets a few hundred submissions a second be durable on one disk.
//!
//! The server names the files; nothing a client sends becomes part of a path. A name is a
//! hash of the participant id, so the same browser gets the same name in another folder.

use std::collections::HashSet;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Mutex};

use sha2::{Digest, Sha256};

use super::tokens::ParticipantId;

/// Prefix of the temporary files: hidden, and recognisable as ours to clear after a crash.
const TEMP_PREFIX: &str = ".mlcheck-";
/// The largest batch the writer takes at once.
const BATCH: usize = 256;
/// How many threads write and flush the files of a batch at once.
const FLUSHERS: usize = 8;

/// Why a submission was not saved.
#[derive(Debug)]
pub enum SaveError {
    /// DIR holds `--max-results` results already and this would be a new one.
    Full,
    /// The disk or the folder failed: full, removed, no permission.
    Io(io::Error),
}

/// The folder the answers land in, and the writer that puts them there.
pub struct Store {
    dir: PathBuf,
    /// The names of the results DIR holds (its files when the server started, and every file
    /// written since), for `--max-results`.
    names: Mutex<HashSet<String>>,
    max: u64,
    writer: mpsc::SyncSender<Job>,
}

/// One file for the writer.
struct Job {
    name: String,
    text: String,
    done: tokio::sync::oneshot::Sender<io::Result<()>>,
}

/// How [`Store::open`] found DIR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// It was there.
    Existed,
    /// It was missing and was made.
    Made,
}

impl Store {
    /// Opens DIR for writing, making it when it is missing: a folder that can't be written is
    /// refused now, not at the first submission. Temporary files a killed server left are
    /// removed (they are hidden and never counted).
    pub fn open(dir: &Path, max: u64) -> io::Result<(Store, Opened)> {
        let opened = if dir.is_dir() {
            Opened::Existed
        } else if dir.exists() {
            // Making it would fail with "File exists", which reads as if nothing were wrong.
            return Err(io::Error::new(io::ErrorKind::NotADirectory, "Not a directory"));
        } else {
            fs::create_dir_all(dir)?;
            Opened::Made
        };
        probe(dir)?;
        let mut names = HashSet::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.starts_with(TEMP_PREFIX) {
                let _ = fs::remove_file(entry.path());
            } else if !name.starts_with('.') && entry.file_type()?.is_file() {
                names.insert(name.to_string());
            }
        }
        let (writer, jobs) = mpsc::sync_channel::<Job>(1024);
        let owned = dir.to_path_buf();
        std::thread::Builder::new().name("mlcheck-writer".into()).spawn(move || write_batches(&owned, &jobs))?;
        Ok((Store { dir: dir.to_path_buf(), names: Mutex::new(names), max, writer }, opened))
    }

    /// DIR.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file name of a participant's answers: the first 80 bits of a hash of their id, in
    /// hex. The same id gives the same name in every folder, so `compare before/ after/` pairs
    /// a browser's two results.
    pub fn name_for(id: &ParticipantId) -> String {
        let digest = Sha256::new().chain_update(b"mlcheck participant ").chain_update(id.to_string()).finalize();
        format!("p-{}.txt", super::tokens::hex(&digest[..10]))
    }

    /// Saves `text` as `name`, replacing the participant's earlier file; returns once the file
    /// and the folder entry are on disk. A new name past `--max-results` is refused.
    pub async fn save(&self, name: &str, text: String) -> Result<(), SaveError> {
        let new = {
            let mut names = self.names.lock().unwrap_or_else(|e| e.into_inner());
            if names.contains(name) {
                false
            } else if names.len() as u64 >= self.max {
                return Err(SaveError::Full);
            } else {
                names.insert(name.to_string());
                true
            }
        };
        let result = self.write(name.to_string(), text).await;
        if result.is_err() && new {
            // Not written: the slot is free again.
            self.names.lock().unwrap_or_else(|e| e.into_inner()).remove(name);
        }
        result.map_err(SaveError::Io)
    }

    async fn write(&self, name: String, text: String) -> io::Result<()> {
        let (done, finished) = tokio::sync::oneshot::channel();
        let job = Job { name, text, done };
        match self.writer.try_send(job) {
            Ok(()) => {}
            Err(mpsc::TrySendError::Full(job)) => {
                // A thousand files wait already: wait for room off the runtime's threads.
                let writer = self.writer.clone();
                tokio::task::spawn_blocking(move || writer.send(job))
                    .await
                    .map_err(io::Error::other)?
                    .map_err(|_| io::Error::other("the writer stopped"))?;
            }
            Err(mpsc::TrySendError::Disconnected(_)) => return Err(io::Error::other("the writer stopped")),
        }
        finished.await.map_err(|_| io::Error::other("the writer stopped"))?
    }

    /// Whether a result named `name` would be taken now: it replaces one, or there is room
    /// below `--max-results`. [`Store::save`] decides again when it saves.
    pub fn takes(&self, name: &str) -> bool {
        let names = self.names.lock().unwrap_or_else(|e| e.into_inner());
        names.contains(name) || (names.len() as u64) < self.max
    }

    /// `--max-results`.
    pub fn max(&self) -> u64 {
        self.max
    }

    /// How many results DIR is known to hold (for `--max-results`).
    pub fn count(&self) -> u64 {
        self.names.lock().unwrap_or_else(|e| e.into_inner()).len() as u64
    }
}

/// Writes, flushes and removes a hidden file, so a folder that can't take a file is known
/// before anyone takes the quiz.
fn probe(dir: &Path) -> io::Result<()> {
    let path = dir.join(format!("{TEMP_PREFIX}probe-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create(true).truncate(true).open(&path)?;
        file.write_all(b"probe\n")?;
        file.sync_all()
    })();
    let _ = fs::remove_file(&path);
    result
}

/// The writer thread: takes every job waiting (up to [`BATCH`]), writes and flushes each to
/// its temporary file, renames the ones written, flushes the folder once, and answers each.
fn write_batches(dir: &Path, jobs: &mpsc::Receiver<Job>) {
    static SEQUENCE: AtomicU64 = AtomicU64::new(0);
    while let Ok(first) = jobs.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match jobs.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        // The files are written and flushed by a few threads at once: a flush waits for the
        // disk, and flushes that overlap share the file system's journal commits, so a slow
        // one no longer holds up every file behind it.
        let temps: Vec<PathBuf> = batch
            .iter()
            .map(|job| {
                let n = SEQUENCE.fetch_add(1, Ordering::Relaxed);
                dir.join(format!("{TEMP_PREFIX}{}-{n}.tmp", job.name))
            })
            .collect();
        let per_thread = batch.len().div_ceil(FLUSHERS);
        let written: Vec<io::Result<PathBuf>> = std::thread::scope(|scope| {
            let handles: Vec<_> = batch
                .chunks(per_thread)
                .zip(temps.chunks(per_thread))
                .map(|(jobs, temps)| {
                    scope.spawn(move || {
                        jobs.iter()
                            .zip(temps)
                            .map(|(job, temp)| write_temp(temp, &job.text).map(|()| temp.clone()))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|_| vec![Err(io::Error::other("a flushing thread failed"))]))
                .collect()
        });
        let renamed: Vec<io::Result<()>> = batch
            .iter()
            .zip(written)
            .map(|(job, temp)| {
                let temp = temp?;
                fs::rename(&temp, dir.join(&job.name)).inspect_err(|_| {
                    let _ = fs::remove_file(&temp);
                })
            })
            .collect();
        // One flush of the folder makes every rename of the batch durable.
        let folder =
            if renamed.iter().any(Result::is_ok) { File::open(dir).and_then(|d| d.sync_all()) } else { Ok(()) };
        for (job, result) in batch.into_iter().zip(renamed) {
            let result = match (&folder, result) {
                (Ok(()), result) => result,
                (Err(e), Ok(())) => Err(io::Error::new(e.kind(), e.to_string())),
                (Err(_), Err(e)) => Err(e),
            };
            let _ = job.done.send(result);
        }
    }
}

/// Writes `text` to a new file at `temp` and flushes it; on failure, nothing is left.
fn write_temp(temp: &Path, text: &str) -> io::Result<()> {
    let result = (|| {
        let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()
    })();
    if result.is_err() {
        let _ = fs::remove_file(temp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    }

    #[test]
    fn names_are_hashes_of_the_id_and_the_same_in_every_folder() {
        let id = ParticipantId::from_hex("00112233445566778899aabbccddeeff").unwrap();
        let name = Store::name_for(&id);
        assert_eq!(name, Store::name_for(&id));
        assert!(name.starts_with("p-") && name.ends_with(".txt") && name.len() == 2 + 20 + 4, "{name}");
        assert!(name[2..22].bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(!name.contains("0011223344"), "the id itself is not in the name");
        let other = ParticipantId::from_hex("00112233445566778899aabbccddeefe").unwrap();
        assert_ne!(Store::name_for(&other), name);
    }

    #[test]
    fn a_file_is_written_whole_replaced_by_the_same_name_and_counted_once() {
        let dir = tempfile::tempdir().unwrap();
        let (store, opened) = Store::open(&dir.path().join("new"), 2).unwrap();
        assert_eq!(opened, Opened::Made);
        let rt = runtime();
        rt.block_on(async {
            store.save("a.txt", "one\n".into()).await.unwrap();
            store.save("a.txt", "two\n".into()).await.unwrap();
            store.save("b.txt", "three\n".into()).await.unwrap();
            assert!(matches!(store.save("c.txt", "four\n".into()).await, Err(SaveError::Full)));
            store.save("b.txt", "five\n".into()).await.unwrap();
        });
        assert_eq!(fs::read_to_string(store.dir().join("a.txt")).unwrap(), "two\n");
        assert_eq!(fs::read_to_string(store.dir().join("b.txt")).unwrap(), "five\n");
        let names: Vec<String> =
            fs::read_dir(store.dir()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
        assert_eq!(store.count(), 2);
    }

    #[test]
    fn a_removed_folder_fails_the_save_and_leaves_the_slot_free() {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path(), 1).unwrap();
        fs::remove_dir(dir.path()).unwrap();
        let rt = runtime();
        let result = rt.block_on(store.save("a.txt", "one\n".into()));
        assert!(matches!(result, Err(SaveError::Io(_))), "{result:?}");
        assert_eq!(store.count(), 0);
        fs::create_dir(dir.path()).unwrap();
        rt.block_on(store.save("b.txt", "two\n".into())).unwrap();
    }

    #[test]
    fn a_file_in_place_of_the_folder_is_not_a_directory() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("answers.txt");
        fs::write(&file, "track = backend\n").unwrap();
        let error = Store::open(&file, 10).err().expect("refused");
        assert_eq!(crate::base::input::io_reason(&error), "Not a directory");
        assert_eq!(fs::read_to_string(&file).unwrap(), "track = backend\n", "left alone");
    }

    #[test]
    fn old_temporary_files_are_cleared_and_existing_results_counted() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".mlcheck-p-1.txt-3.tmp"), "half").unwrap();
        fs::write(dir.path().join("alice.txt"), "track = backend\n").unwrap();
        fs::write(dir.path().join(".notes"), "hidden, not a result").unwrap();
        let (store, opened) = Store::open(dir.path(), 10).unwrap();
        assert_eq!(opened, Opened::Existed);
        assert_eq!(store.count(), 1);
        assert!(!dir.path().join(".mlcheck-p-1.txt-3.tmp").exists());
    }
}
