//! Large weight tables on transparent huge pages. The taggers and the parser look their
//! weights up at random in tables of tens of megabytes, so with 4 KiB pages nearly every
//! lookup also misses the TLB. Where Linux makes huge pages only on request
//! (`/sys/kernel/mm/transparent_hugepage/enabled` = `madvise`, the usual default), a table
//! asks for them before its pages are first touched. Elsewhere this is a plain allocation.

/// Huge page size of x86-64 and most aarch64 kernels.
const HUGE_PAGE: usize = 2 << 20;

/// An empty vector with room for `len` items, whose memory is advised to be backed by huge
/// pages (the whole 2 MiB pages inside it; none for a small table).
pub fn with_capacity<T>(len: usize) -> Vec<T> {
    let v: Vec<T> = Vec::with_capacity(len);
    advise(
        v.as_ptr() as usize,
        len.saturating_mul(std::mem::size_of::<T>()),
    );
    v
}

/// A vector of `len` copies of `value` on huge pages (see [`with_capacity`]).
pub fn filled<T: Clone>(len: usize, value: T) -> Vec<T> {
    let mut v = with_capacity(len);
    v.resize(len, value);
    v
}

#[cfg(target_os = "linux")]
fn advise(addr: usize, bytes: usize) {
    let start = addr.next_multiple_of(HUGE_PAGE);
    let end = addr.saturating_add(bytes) / HUGE_PAGE * HUGE_PAGE;
    if end > start {
        // SAFETY: madvise only advises the kernel about pages of this process' own
        // allocation (the range lies inside the vector's capacity); it changes no contents,
        // and a failure (e.g. no huge page support) leaves ordinary pages.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise(_addr: usize, _bytes: usize) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filled_vectors_hold_their_values_at_any_size() {
        for len in [0, 1, 1000, 3 * HUGE_PAGE / 8 + 5] {
            let v = filled(len, 7u64);
            assert_eq!(v.len(), len);
            assert!(v.iter().all(|&x| x == 7));
        }
        let v: Vec<u32> = with_capacity(HUGE_PAGE);
        assert!(v.is_empty() && v.capacity() >= HUGE_PAGE);
    }
}
