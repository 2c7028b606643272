//! The validation module's allocator: talc, with a bump region for the pure-Rust part of a call.
//!
//! A refused body's call makes and frees about a hundred small blocks (its value, findings,
//! messages, their text); from talc, allocating and freeing took about a sixth of the call in a
//! profile, and from the region the call is 6–10% faster (A/B). Inside [`scratch`] they
//! come from a fixed region instead, by moving a pointer, and freeing one only counts it. The
//! region starts over when the count of its live blocks falls to zero, and only then: no block
//! in it is in use at that moment, whoever holds what, so nothing is ever handed out twice. What
//! does not fit (a hostile body's text or value) comes from talc, as does everything outside
//! [`scratch`] (what wasm-bindgen keeps across calls, such as its table of JavaScript values),
//! so the region stays the size it is.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;

/// The region's size: a refused body's call takes a few kilobytes of it.
const SIZE: usize = 64 * 1024;

#[repr(align(16))]
struct Region(UnsafeCell<[u8; SIZE]>);

/// The region, zeroed: in the module's memory, not its bytes.
static REGION: Region = Region(UnsafeCell::new([0; SIZE]));

/// Where the next block may start (an offset into the region), how many of its blocks are live,
/// and whether allocations come from it now.
struct State {
    top: usize,
    live: usize,
    on: bool,
}

pub struct Allocator {
    talc: talc::wasm::WasmDynamicTalc,
    state: UnsafeCell<State>,
}

// SAFETY: without the atomics feature the module runs on one thread (see mod.rs's cfg).
unsafe impl Sync for Allocator {}
// SAFETY: as above.
unsafe impl Sync for Region {}

impl Allocator {
    pub const fn new() -> Allocator {
        Allocator {
            talc: talc::wasm::new_wasm_dynamic_allocator(),
            state: UnsafeCell::new(State {
                top: 0,
                live: 0,
                on: false,
            }),
        }
    }

    fn base() -> usize {
        REGION.0.get() as usize
    }

    /// The block at `ptr`'s offset in the region, if it is one of the region's.
    fn offset(ptr: *mut u8) -> Option<usize> {
        (ptr as usize)
            .checked_sub(Self::base())
            .filter(|&o| o < SIZE)
    }

    /// A block from the region, if on and there is room.
    ///
    /// SAFETY: the caller is the allocator, on the module's one thread.
    unsafe fn bump(&self, layout: Layout) -> Option<*mut u8> {
        let state = &mut *self.state.get();
        if !state.on {
            return None;
        }
        let base = Self::base();
        // By address (an alignment is a power of two): the region's own is 16.
        let mask = layout.align() - 1;
        let start = ((base + state.top).checked_add(mask)? & !mask) - base;
        let end = start.checked_add(layout.size())?;
        if end > SIZE {
            return None;
        }
        state.top = end;
        state.live += 1;
        Some(REGION.0.get().cast::<u8>().wrapping_add(start))
    }
}

// SAFETY: blocks from the region never overlap while live: `top` only moves back to the start
// when no block of the region is live. Every other block is talc's, and goes back to it.
unsafe impl GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match self.bump(layout) {
            Some(ptr) => ptr,
            None => self.talc.alloc(layout),
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if Self::offset(ptr).is_none() {
            return self.talc.dealloc(ptr, layout);
        }
        let state = &mut *self.state.get();
        state.live -= 1;
        if state.live == 0 {
            state.top = 0;
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Some(offset) = Self::offset(ptr) else {
            // A block of talc's stays talc's.
            return self.talc.realloc(ptr, layout, new_size);
        };
        let state = &mut *self.state.get();
        // The last block grows or shrinks in place while the region has room.
        if offset + layout.size() == state.top && offset + new_size <= SIZE {
            state.top = offset + new_size;
            return ptr;
        }
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        let new = self.alloc(new_layout);
        if !new.is_null() {
            core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        new
    }
}

/// Runs `f` with its allocations from the region (where they fit). It must not call into
/// JavaScript, whose calls back into the module may keep what they make.
pub fn scratch<R>(f: impl FnOnce() -> R) -> R {
    let state = super::ALLOCATOR.state.get();
    // SAFETY: the module runs on one thread, and the allocator is not running now.
    let was = unsafe { core::mem::replace(&mut (*state).on, true) };
    let r = f();
    // SAFETY: as above.
    unsafe { (*state).on = was };
    r
}
