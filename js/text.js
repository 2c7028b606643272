// UTF-8 for the wasm glue: the runtime's TextEncoder and TextDecoder where it has them, else
// these (Jest's jsdom environment has neither). The glue imports them in place of the globals.
class Utf8Encoder {
  encode(s) {
    const out = [];
    for (const ch of s) {
      let c = ch.codePointAt(0);
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate, as TextEncoder writes it
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
      else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    }
    return Uint8Array.from(out);
  }

  // All or nothing: `read` short of the text's length says it did not fit.
  encodeInto(s, view) {
    const bytes = this.encode(s);
    if (bytes.length > view.length) return { read: 0, written: 0 };
    view.set(bytes);
    return { read: s.length, written: bytes.length };
  }
}

class Utf8Decoder {
  // As `new TextDecoder("utf-8", options)`: with `fatal`, malformed UTF-8 throws a TypeError
  // (validateMany refuses such bytes rather than reading U+FFFD where they were); without it,
  // each malformed sequence reads as U+FFFD.
  constructor(label, options) {
    this.fatal = Boolean(options?.fatal);
  }

  decode(bytes) {
    if (bytes === undefined) return "";
    const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer ?? bytes);
    let s = "";
    for (let i = 0; i < view.length; ) {
      const b = view[i];
      const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
      let c = n === 1 ? b : b & (0xff >> (n + 1));
      let ok = n > 0 && i + n <= view.length;
      for (let k = 1; ok && k < n; k++) {
        const next = view[i + k];
        ok = (next & 0xc0) === 0x80;
        c = (c << 6) | (next & 63);
      }
      // Overlong forms, surrogates and code points past U+10FFFF are malformed too.
      ok &&= !(n === 3 && c < 0x800) && !(n === 4 && (c < 0x10000 || c > 0x10ffff)) && !(c >= 0xd800 && c <= 0xdfff);
      if (!ok) {
        if (this.fatal) throw new TypeError("The encoded data was not valid for encoding utf-8");
        s += "\ufffd";
        i += 1;
        continue;
      }
      s += String.fromCodePoint(c);
      i += n;
    }
    return s;
  }
}

const TextEncoderOrOwn = globalThis.TextEncoder ?? Utf8Encoder;
const TextDecoderOrOwn = globalThis.TextDecoder ?? Utf8Decoder;
export { TextEncoderOrOwn as TextEncoder, TextDecoderOrOwn as TextDecoder };
