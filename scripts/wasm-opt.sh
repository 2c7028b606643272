# Sourced by scripts/build-pkg and scripts/size-floor (from the repository's root): the one way a
# module that wasm-bindgen wrote is optimized, so the size floor is measured as the package is built.
#
#   optimize_wasm IN OUT
#
# npm's binaryen (a current wasm-opt, installed by the calling script), -Oz, with the features the
# Rust target emits enabled.
optimize_wasm() {
  node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
    --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    -o "$2" "$1"
}
