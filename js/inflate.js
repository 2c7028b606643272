// The client's wasm bytes from the text scripts/pkg-module.mjs wrote: raw deflate in base64.
// The platform inflates them (DecompressionStream: browsers, Node, Deno, Bun, workerd). Where it
// cannot (Jest's jsdom environment; Safari before 16.4, Firefox before 113, Chromium before 103),
// fflate does, imported only then: bundlers that split put it in a chunk of its own, which a
// browser with DecompressionStream never fetches.
import { concat } from "./bytes.js";

function fromBase64(text) {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The bytes that `text` (base64 of raw deflate) holds. */
export async function inflate(text) {
  const bytes = fromBase64(text);
  let stream;
  try {
    stream = new DecompressionStream("deflate-raw");
  } catch {
    const { inflateSync } = await import("./inflater.js");
    return inflateSync(bytes);
  }
  // Written without waiting: the stream takes the bytes as it is read. A failure of either side
  // rejects the read below, so the writer's own promises are left to settle quietly.
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks = [];
  let size = 0;
  for (let read; !(read = await reader.read()).done; size += read.value.length) chunks.push(read.value);
  return concat(chunks, size);
}
