//! One stable sort for the whole crate, to keep the wasm module small.
//!
//! `slice::sort_by` compiles a whole stable sort (driftsort, about 4.5 KB
//! of wasm) for every element type and comparator it is called with. This
//! module sorts a list of positions instead, with the comparator behind a
//! `dyn`, so the crate holds that sort once; each caller adds only a short
//! loop that moves its elements into place.
//!
//! The result is exactly `slice::sort_by`'s: both are stable, and a stable
//! sort's result is fixed by the comparator alone (equal elements keep their
//! order). Sorting the positions `0..n` by the elements they point at, with
//! ties kept in position order, gives the permutation that stable sort
//! applies. `tests` compares the two on random lists full of ties.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`: the same result as
/// `items.sort_by(compare)`. `compare` must be a total order, as for
/// `sort_by`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    permute(&order, &mut |i, j| items.swap(i, j));
}

/// Sorts `items` and removes repeats: `items.sort(); items.dedup()`.
pub fn sort_dedup<T: Ord>(items: &mut Vec<T>) {
    sort_by(items, T::cmp);
    items.dedup();
}

/// The one instance of the standard stable sort: positions by `compare`.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Moves the element at position `order[i]` to position `i`, for every `i`,
/// by swaps (`order` is a permutation). Step `i` puts its element in place
/// and sends the one it displaces to where that element came from, so a
/// wanted element that started below `i` is found by following `order`
/// from there until a position not below `i`. `tests` checks the result
/// against the standard sort.
#[inline(never)]
fn permute(order: &[usize], swap: &mut dyn FnMut(usize, usize)) {
    for i in 0..order.len() {
        let mut at = order[i];
        while at < i {
            at = order[at];
        }
        if at != i {
            swap(i, at);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no dependency for a test).
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (x >> 33) % range
            })
            .collect()
    }

    #[test]
    fn sorts_as_the_standard_stable_sort_does_ties_included() {
        for seed in 0..200 {
            for (n, range) in [
                (0, 1),
                (1, 3),
                (7, 2),
                (20, 5),
                (100, 10),
                (700, 40),
                (33, 1000),
            ] {
                // Each element: a key with many repeats and its original
                // position, compared by key alone, so ties are visible.
                let keys = numbers(seed, n, range);
                let items: Vec<(u64, usize)> = keys.into_iter().zip(0..).collect();
                let mut ours = items.clone();
                sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
                let mut std = items.clone();
                std.sort_by_key(|a| a.0);
                assert_eq!(ours, std, "seed {seed}, n {n}");
                let mut descending = items.clone();
                sort_by(&mut descending, |a, b| b.0.cmp(&a.0));
                let mut std = items;
                std.sort_by_key(|a| std::cmp::Reverse(a.0));
                assert_eq!(descending, std, "seed {seed}, n {n}");
            }
        }
    }

    #[test]
    fn sort_dedup_is_sort_then_dedup() {
        for seed in 0..50 {
            let items = numbers(seed, 60, 15);
            let mut ours = items.clone();
            sort_dedup(&mut ours);
            let mut std = items;
            std.sort();
            std.dedup();
            assert_eq!(ours, std);
        }
    }
}
