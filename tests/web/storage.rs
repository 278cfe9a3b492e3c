//! The keeper against the browser's real localStorage: the browser's own refusals (a full
//! quota) become values, and nothing good is written over.

use http_study::clock::Moment;
use http_study::progress::format::decode;
use http_study::progress::keeper::{self, Keeper, Problem, Store, StoreError, KEY};
use http_study::schedule::Grade;
use http_study::ui::storage::LocalStore;
use wasm_bindgen_test::*;

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn now() -> Moment {
    Moment::utc(chrono::Utc::now())
}

/// Removes the record and every backup this test file may have written.
fn clear() {
    let mut store = LocalStore;
    let _ = store.remove(KEY);
    for b in keeper::backups(&store) {
        let _ = store.remove(&b.key);
    }
}

#[wasm_bindgen_test]
fn the_local_store_reads_writes_lists_and_removes() {
    clear();
    let mut store = LocalStore;
    assert_eq!(store.get("http-study/test-key"), Ok(None));
    store.set("http-study/test-key", "value").unwrap();
    assert_eq!(
        local().get_item("http-study/test-key").unwrap().as_deref(),
        Some("value")
    );
    assert!(store
        .keys()
        .unwrap()
        .contains(&"http-study/test-key".to_string()));
    store.remove("http-study/test-key").unwrap();
    assert_eq!(store.get("http-study/test-key"), Ok(None));
}

#[wasm_bindgen_test]
fn a_corrupt_record_is_backed_up_in_local_storage_and_the_app_saves_again() {
    clear();
    local().set_item(KEY, "{this is not json").unwrap();
    let mut store = LocalStore;
    let mut k = Keeper::open(&mut store, now(), 11);
    assert!(matches!(
        k.problem(),
        Some(Problem::Unreadable { backup: Ok(_), .. })
    ));
    let backups = keeper::backups(&store);
    assert_eq!(backups.len(), 1);
    assert_eq!(
        local().get_item(&backups[0].key).unwrap().as_deref(),
        Some("{this is not json")
    );
    // Safe in its backup, the damage is replaced at once: the next load does not meet it again.
    let fresh = decode(&local().get_item(KEY).unwrap().unwrap()).unwrap();
    assert!(fresh.damage.is_empty());
    assert!(!fresh.progress.has_answers());
    assert_eq!(Keeper::open(&mut store, now(), 12).problem(), None);
    assert_eq!(
        keeper::backups(&store).len(),
        1,
        "no second backup of the same damage"
    );
    k.record(&mut store, "code:404", Grade::Good, now());
    let saved = decode(&local().get_item(KEY).unwrap().unwrap()).unwrap();
    assert_eq!(saved.progress.history().len(), 1);
    assert_eq!(keeper::backups(&store).len(), 1, "the backup stays");
    clear();
}

#[wasm_bindgen_test]
fn a_write_refused_for_lack_of_space_leaves_the_last_good_record() {
    clear();
    let mut store = LocalStore;
    let mut k = Keeper::open(&mut store, now(), 12);
    for item in ["code:404", "code:200", "code:500"] {
        k.record(&mut store, item, Grade::Good, now());
    }
    let last_good = local().get_item(KEY).unwrap();

    // Fill the rest of this origin's quota.
    let chunk = "x".repeat(256 * 1024);
    let mut filler = 0;
    while local()
        .set_item(&format!("filler-{filler}"), &chunk)
        .is_ok()
    {
        filler += 1;
        assert!(filler < 200, "the quota never ran out");
    }
    let mut small = "x".repeat(16 * 1024);
    while small.len() > 16 {
        if local()
            .set_item(&format!("filler-{filler}"), &small)
            .is_ok()
        {
            filler += 1;
        } else {
            small.truncate(small.len() / 2);
        }
    }
    assert_eq!(
        store.set("http-study/one-more", &chunk),
        Err(StoreError::Full)
    );

    for i in 0..40 {
        k.record(&mut store, &format!("code:{}", 200 + i), Grade::Good, now());
    }
    let problem = k.problem().cloned();
    for i in 0..=filler {
        local().remove_item(&format!("filler-{i}")).unwrap();
    }
    assert!(
        matches!(
            &problem,
            Some(Problem::NotSaved { error: StoreError::Full, unsaved }) if unsaved.answers > 0
        ),
        "{problem:?}"
    );
    assert!(problem
        .unwrap()
        .to_string()
        .contains("answers have not been saved"));
    assert_eq!(
        local().get_item(KEY).unwrap(),
        last_good,
        "the last good record is intact"
    );
    k.record(&mut store, "code:409", Grade::Good, now());
    let saved = decode(&local().get_item(KEY).unwrap().unwrap()).unwrap();
    assert_eq!(
        saved.progress.history().len(),
        44,
        "nothing answered meanwhile was lost"
    );
    clear();
}
