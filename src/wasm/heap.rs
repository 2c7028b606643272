//! The wasm module's allocator: power-of-two size classes with free lists, carved from pages.
//!
//! std's default for wasm32 (dlmalloc) was 8 kB of the module, a sixth of its code; this is a
//! few hundred bytes and as fast for what the module does (many small short-lived values per
//! call, one large text per `validateMany`). Blocks are never split or merged: a block of class
//! `c` holds `8 << c` bytes, is aligned to its size (up to a page), and once freed waits on its
//! class's list for the next request of that class. Memory is taken from the engine a page at a
//! time (`memory.grow`) and never given back, as with dlmalloc.
//!
//! Sound only where the module runs on one thread: without the `atomics` target feature, as the
//! package is built.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32::memory_grow;
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 65_536;
/// Classes 8 B … 2 GiB.
const CLASSES: usize = 29;

struct State {
    /// The first free block of each class (0: none); a free block holds the address of the next.
    free: [usize; CLASSES],
    /// The unused part of the last pages taken: `next..end`.
    next: usize,
    end: usize,
}

pub struct Heap(UnsafeCell<State>);

// One thread (see the module doc): nothing is shared.
unsafe impl Sync for Heap {}

#[global_allocator]
static HEAP: Heap = Heap(UnsafeCell::new(State {
    free: [0; CLASSES],
    next: 0,
    end: 0,
}));

/// The class of a block that fits `layout` (its size and alignment), if any does.
fn class(layout: Layout) -> Option<usize> {
    if layout.align() > PAGE {
        return None;
    }
    let size = layout
        .size()
        .max(layout.align())
        .max(8)
        .checked_next_power_of_two()?;
    let class = (size.trailing_zeros() - 3) as usize;
    (class < CLASSES).then_some(class)
}

impl State {
    fn push(&mut self, class: usize, block: usize) {
        if let Some(head) = self.free.get_mut(class) {
            // SAFETY: `block` is a block of at least 8 bytes, 8-aligned, that nothing else uses.
            unsafe { *(block as *mut usize) = *head };
            *head = block;
        }
    }

    fn pop(&mut self, class: usize) -> Option<usize> {
        let head = self.free.get_mut(class)?;
        if *head == 0 {
            return None;
        }
        let block = *head;
        // SAFETY: a free block's first word holds the next free block's address.
        *head = unsafe { *(block as *const usize) };
        Some(block)
    }

    /// A new block of `class`, from the unused pages or new ones.
    fn carve(&mut self, class: usize) -> Option<usize> {
        let size = 8usize << class;
        let align = size.min(PAGE);
        if self.next.checked_add(align)?.checked_add(size)? > self.end {
            // Leftovers become blocks of their own (8-aligned, so they fall into powers of two).
            self.spill(self.end);
            let pages = size.div_ceil(PAGE) + 1;
            let first = memory_grow::<0>(pages);
            if first == usize::MAX {
                return None;
            }
            self.next = first.checked_mul(PAGE)?;
            self.end = self.next.checked_add(pages.checked_mul(PAGE)?)?;
        }
        // Padding up to the block's alignment is kept as smaller blocks too.
        let start = (self.next + align - 1) & !(align - 1);
        self.spill(start);
        self.next = start + size;
        Some(start)
    }

    /// Frees the unused bytes `self.next..to` as blocks of the largest aligned sizes that fit.
    fn spill(&mut self, to: usize) {
        while self.next + 8 <= to {
            let low = self.next & self.next.wrapping_neg();
            let mut size = if low == 0 { PAGE } else { low.min(PAGE) };
            while self.next + size > to {
                size /= 2;
            }
            self.push((size.trailing_zeros() - 3) as usize, self.next);
            self.next += size;
        }
    }
}

unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one thread, and no call into this allocator is nested in another.
        let state = unsafe { &mut *self.0.get() };
        match class(layout) {
            Some(c) => state
                .pop(c)
                .or_else(|| state.carve(c))
                .map_or(null_mut(), |b| b as *mut u8),
            None => null_mut(),
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as in `alloc`.
        let state = unsafe { &mut *self.0.get() };
        if let Some(c) = class(layout) {
            state.push(c, ptr as usize);
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // A block already big enough stays where it is (a growing string or vector often is).
        let same = Layout::from_size_align(new_size, layout.align())
            .ok()
            .and_then(class)
            .is_some_and(|c| Some(c) == class(layout));
        if same {
            return ptr;
        }
        // SAFETY: the caller's contract for `realloc`, passed on.
        unsafe {
            let new = match Layout::from_size_align(new_size, layout.align()) {
                Ok(l) => self.alloc(l),
                Err(_) => return null_mut(),
            };
            if !new.is_null() {
                core::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
