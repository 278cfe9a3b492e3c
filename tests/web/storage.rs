//! The storage module against the browser's real localStorage.

use http_study::progress::storage::{self, Refusal, StorageError, BACKUP_KEY, KEY};
use http_study::progress::Progress;
use http_study::schedule::Grade;
use wasm_bindgen_test::*;

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn progress_with_answers(n: usize) -> Progress {
    let mut p = Progress::default();
    let now = chrono::Utc::now();
    for i in 0..n {
        p.record(
            &format!("code:{}", 200 + i % 300),
            Grade::Good,
            now,
            now.date_naive(),
        );
    }
    p
}

#[wasm_bindgen_test]
fn a_corrupt_record_is_set_aside_under_the_backup_key_and_not_overwritten() {
    let store = local();
    store.set_item(KEY, "{this is not json").unwrap();
    store.remove_item(BACKUP_KEY).unwrap();

    let loaded = storage::load();
    assert!(matches!(
        loaded.problem,
        Some(StorageError::Unreadable(Refusal::NotJson(_)))
    ));
    assert_eq!(loaded.progress, Progress::default(), "the app starts fresh");
    assert!(
        loaded.persistent,
        "saving can go on: the damaged data is safe"
    );
    assert_eq!(
        store.get_item(BACKUP_KEY).unwrap().as_deref(),
        Some("{this is not json")
    );
    assert_eq!(storage::read_backup().as_deref(), Some("{this is not json"));
    assert_eq!(
        store.get_item(KEY).unwrap().as_deref(),
        Some("{this is not json"),
        "loading writes nothing"
    );

    store.remove_item(KEY).unwrap();
    store.remove_item(BACKUP_KEY).unwrap();
}

#[wasm_bindgen_test]
fn a_record_from_a_newer_app_is_kept_and_not_saved_over() {
    let store = local();
    let newer = storage::encode(&Progress::default()).replace("\"version\":2", "\"version\":9");
    store.set_item(KEY, &newer).unwrap();
    let loaded = storage::load();
    assert!(matches!(
        loaded.problem,
        Some(StorageError::Unreadable(Refusal::TooNew(9)))
    ));
    assert!(
        !loaded.persistent,
        "this older page must not overwrite the newer record"
    );
    store.remove_item(KEY).unwrap();
    store.remove_item(BACKUP_KEY).unwrap();
}

#[wasm_bindgen_test]
fn a_write_refused_for_lack_of_space_leaves_the_last_good_record() {
    let store = local();
    let good = progress_with_answers(3);
    storage::save(&good).expect("a small record fits");
    let last_good = store.get_item(KEY).unwrap();

    // Fill the rest of this origin's quota.
    let chunk = "x".repeat(256 * 1024);
    let mut filler = 0;
    while store.set_item(&format!("filler-{filler}"), &chunk).is_ok() {
        filler += 1;
        assert!(filler < 200, "the quota never ran out");
    }
    let mut small = "x".repeat(16 * 1024);
    while small.len() > 16 {
        if store.set_item(&format!("filler-{filler}"), &small).is_ok() {
            filler += 1;
        } else {
            small.truncate(small.len() / 2);
        }
    }

    let bigger = progress_with_answers(400);
    let result = storage::save(&bigger);
    for i in 0..=filler {
        store.remove_item(&format!("filler-{i}")).unwrap();
    }
    assert_eq!(result, Err(StorageError::Full));
    assert!(result
        .unwrap_err()
        .to_string()
        .contains("earlier progress is still there"));
    assert_eq!(
        store.get_item(KEY).unwrap(),
        last_good,
        "the last good record is intact"
    );
    assert_eq!(storage::decode(&last_good.unwrap()).unwrap(), good);
    store.remove_item(KEY).unwrap();
}
