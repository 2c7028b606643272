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
}

class Utf8Decoder {
  // The wasm writes only valid UTF-8, so no error handling is owed here.
  decode(bytes) {
    if (bytes === undefined) return "";
    let s = "";
    for (let i = 0; i < bytes.length; ) {
      const b = bytes[i];
      const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
      let c = n === 1 ? b : b & (0xff >> (n + 1));
      for (let k = 1; k < n; k++) c = (c << 6) | (bytes[i + k] & 63);
      s += String.fromCodePoint(c);
      i += n;
    }
    return s;
  }
}

const TextEncoderOrOwn = globalThis.TextEncoder ?? Utf8Encoder;
const TextDecoderOrOwn = globalThis.TextDecoder ?? Utf8Decoder;
export { TextEncoderOrOwn as TextEncoder, TextDecoderOrOwn as TextDecoder };
