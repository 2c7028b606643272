// fflate's inflater alone, for js/inflate.js to import where the runtime cannot inflate: a
// dynamic import of fflate itself would keep all of fflate in a bundle.
export { inflateSync } from "fflate";
