<?php
// Generates src/email/tables.rs: the token-type data egulias' EmailLexer derives from
// PCRE2's Unicode tables, taken from PHP itself so the Rust port agrees exactly with
// the PHP/PCRE2 build the server runs.
//
// Usage: php tests/reference/gen_email_tables.php > src/email/tables.rs
//
// It also checks the tokenizer assumptions the Rust lexer hard-codes and aborts if
// this PHP build breaks them.

require '/usr/share/php/Egulias/EmailValidator/autoload.php';

use Egulias\EmailValidator\EmailLexer;

function fail(string $msg): void
{
    fwrite(STDERR, "gen_email_tables: $msg\n");
    exit(1);
}

$lexer = new EmailLexer();
$getType = new ReflectionMethod($lexer, 'getType');
$getType->setAccessible(true);
$typeOf = function (string $value) use ($lexer, $getType) {
    return $getType->invokeArgs($lexer, [&$value]);
};

$splitRe = '/(' . implode(')|(', EmailLexer::CATCHABLE_PATTERNS) . ')|'
    . implode('|', EmailLexer::NON_CATCHABLE_PATTERNS) . '/' . EmailLexer::MODIFIERS;
$split = function (string $s) use ($splitRe): array {
    $parts = preg_split($splitRe, $s, -1, PREG_SPLIT_NO_EMPTY | PREG_SPLIT_DELIM_CAPTURE);
    if ($parts === false) {
        fail('preg_split failed');
    }
    return $parts;
};

// Multi-character tokens the Rust lexer produces, with the types it assumes.
$expectMulti = ["IPv6" => 301, "::" => 5858, "\r\n" => 1310, "ab" => 300, "IPV6" => 300, "ipv6" => 300, "12" => 300, "ab4" => 300];
foreach ($expectMulti as $v => $t) {
    if ($typeOf((string) $v) !== $t) {
        fail("type of " . json_encode((string) $v) . " is not $t");
    }
    if ($split((string) $v) !== [(string) $v]) {
        fail("tokenization of " . json_encode((string) $v) . " changed");
    }
}

// ASCII: every character is a token of its own unless it is a letter or digit run.
$ascii = [];
for ($c = 0; $c < 0x80; $c++) {
    $s = chr($c);
    if ($split($s) !== [$s]) {
        fail(sprintf('ASCII %02X is not a single token', $c));
    }
    $t = $typeOf($s);
    if (!is_int($t)) {
        fail(sprintf('ASCII %02X has a non-integer type', $c));
    }
    $ascii[] = $t;
}

// Non-ASCII: one token per code point, except those that `[a-zA-Z]` matches under /iu
// (their case-fold partners are ASCII letters), which join ASCII letter runs.
$letterExtra = [];
$special = [];
$ranges = [];
$start = null;
$generic = [];
for ($c = 0x80; $c <= 0x110000; $c++) {
    $invalid = false;
    if ($c === 0x110000) {
        $invalid = false;
    } elseif ($c >= 0xD800 && $c <= 0xDFFF) {
        // Not representable in UTF-8 (nor in a Rust &str); grouping them with their
        // \p{Cs} neighbours keeps the table short.
        $invalid = true;
    } else {
        $s = mb_chr($c, 'UTF-8');
        if (preg_match('/^[a-zA-Z]$/iu', $s)) {
            $letterExtra[] = $c;
            if ($split("a{$s}b") !== ["a{$s}b"]) {
                fail(sprintf('U+%04X does not join a letter run', $c));
            }
        } elseif ($split("a{$s}b") !== ['a', $s, 'b']) {
            fail(sprintf('U+%04X is not a token of its own', $c));
        }
        $t = $typeOf($s);
        if ($t === EmailLexer::INVALID) {
            $invalid = true;
        } elseif ($t !== EmailLexer::GENERIC) {
            $special[$c] = $t;
        } else {
            $generic[] = $c;
        }
    }
    if ($invalid && $start === null) {
        $start = $c;
    } elseif (!$invalid && $start !== null) {
        $ranges[] = [$start, $c];
        $start = null;
    }
}

// Boundaries: a code point is INVALID when an odd number of boundaries are <= it.
$bmp = [];
$astral = [];
foreach ($ranges as [$lo, $hi]) {
    if ($lo < 0x10000) {
        $bmp[] = $lo;
        if ($hi < 0x10000) {
            $bmp[] = $hi;
            continue;
        }
        // The BMP list then ends open (odd length): INVALID up to U+FFFF. A range that
        // goes on past the plane boundary restarts the astral list at U+10000.
        if ($hi === 0x10000) {
            continue;
        }
        $lo = 0x10000;
    }
    $astral[] = $lo;
    if ($hi < 0x110000) {
        $astral[] = $hi;
    }
}

// UTS #46 as idn_to_ascii() applies it (ICU, IDNA_DEFAULT: transitional, no STD3
// rules), for the code points that can reach it: non-ASCII GENERIC tokens. A prefix
// "0" keeps combining marks from being reported as leading marks or composing.
$idnaKind = [];
foreach ($generic as $c) {
    $s = mb_chr($c, 'UTF-8');
    idn_to_utf8('0' . $s, IDNA_DEFAULT, INTL_IDNA_VARIANT_UTS46, $info);
    if (!isset($info['result'], $info['errors'])) {
        fail(sprintf('idn_to_utf8 gave no info for U+%04X', $c));
    }
    $mapped = substr($info['result'], 1);
    if ($info['errors'] & IDNA_ERROR_DISALLOWED) {
        $idnaKind[$c] = 'disallowed';
    } elseif ($mapped === '') {
        $idnaKind[$c] = 'ignored';
    } elseif (preg_match('/^[\x00-\x7f]+$/', $mapped)) {
        if (strpos($mapped, '.') !== false) {
            if ($mapped !== '.') {
                fail(sprintf('U+%04X maps to %s', $c, json_encode($mapped)));
            }
            $idnaKind[$c] = 'dot';
        } else {
            $idnaKind[$c] = strlen($mapped);
        }
    }
}

// Ranges over the GENERIC code points only: anything in between is INVALID for the
// lexer, never reaches ICU, and so may be swallowed by a range.
function genericRanges(array $generic, callable $key): array
{
    $ranges = [];
    $open = null;
    foreach ($generic as $c) {
        $k = $key($c);
        if ($open !== null && $open[2] === $k) {
            $open[1] = $c + 1;
            continue;
        }
        if ($open !== null && $open[2] !== null) {
            $ranges[] = $open;
        }
        $open = [$c, $c + 1, $k];
    }
    if ($open !== null && $open[2] !== null) {
        $ranges[] = $open;
    }
    return $ranges;
}

function boundaries(array $ranges): array
{
    $out = [];
    foreach ($ranges as [$lo, $hi]) {
        $out[] = $lo;
        $out[] = $hi;
    }
    return $out;
}

$kindIs = fn ($kind) => fn ($c) => ($idnaKind[$c] ?? null) === $kind ? true : null;
$disallowed = boundaries(genericRanges($generic, $kindIs('disallowed')));
$ignored = boundaries(genericRanges($generic, $kindIs('ignored')));
$dots = array_keys(array_filter($idnaKind, fn ($k) => $k === 'dot'));
$toAscii = genericRanges($generic, fn ($c) => is_int($idnaKind[$c] ?? null) ? $idnaKind[$c] : null);

function rows(array $values, string $fmt, int $perLine): string
{
    $cell = fn ($v) => is_array($v) ? sprintf('(0x%05X, %d, %d)', ...$v) : sprintf($fmt, $v);
    $out = '';
    foreach (array_chunk($values, $perLine) as $chunk) {
        $out .= '    ' . implode(', ', array_map($cell, $chunk)) . ",\n";
    }
    return $out;
}

echo "//! Token-type data for the email lexer, generated by tests/reference/gen_email_tables.php; do not edit.\n";
echo "//\n";
printf("// Source: PHP %s, PCRE2 %s, egulias/email-validator EmailLexer (getType and the split regex).\n", PHP_VERSION, PCRE_VERSION);
echo "\n";
echo "/// `getType()` of each ASCII character on its own (PHP type constants of `EmailLexer`).\n";
echo "pub(super) const ASCII_TYPES: [u16; 128] = [\n" . rows($ascii, '%d', 16) . "];\n\n";
echo "/// Non-ASCII code points that `[a-zA-Z]` matches under the lexer's `/iu` flags.\n";
echo "pub(super) const LETTER_EXTRA: [char; " . count($letterExtra) . "] = [" . implode(', ', array_map(fn ($c) => sprintf("'\\u{%X}'", $c), $letterExtra)) . "];\n\n";
echo "/// Non-ASCII code points with a `charValue` entry, and their types.\n";
$sp = [];
foreach ($special as $c => $t) {
    $sp[] = sprintf("('\\u{%X}', %d)", $c, $t);
}
echo "pub(super) const NON_ASCII_SPECIAL: [(char, u16); " . count($sp) . "] = [" . implode(', ', $sp) . "];\n\n";
echo "/// Sorted boundaries of the BMP ranges whose single-code-point tokens are INVALID\n";
echo "/// (only `\\p{S}`/`\\p{C}` characters); a code point is INVALID when an odd number of\n";
echo "/// boundaries are <= it.\n";
echo "pub(super) const INVALID_BMP: [u16; " . count($bmp) . "] = [\n" . rows($bmp, '0x%04X', 12) . "];\n\n";
// Astral boundaries, stored as their low 16 bits per plane to halve the table.
$planeStart = [];
for ($p = 0; $p <= 17; $p++) {
    $planeStart[$p] = count(array_filter($astral, fn ($b) => ($b >> 16) < $p));
}
$astralLow = array_map(fn ($b) => $b & 0xFFFF, $astral);
echo "/// As `INVALID_BMP`, for code points from U+10000: the low 16 bits of the boundaries,\n";
echo "/// plane by plane.\n";
echo "pub(super) const INVALID_ASTRAL_LOW: [u16; " . count($astralLow) . "] = [\n" . rows($astralLow, '0x%04X', 12) . "];\n\n";
echo "/// `INVALID_ASTRAL_PLANE[p]`: index in `INVALID_ASTRAL_LOW` of plane `p`'s first boundary.\n";
echo "pub(super) const INVALID_ASTRAL_PLANE: [u16; 18] = [" . implode(', ', $planeStart) . "];\n";
echo "\n/// UTS #46 (ICU ", INTL_ICU_VERSION, ", transitional, no STD3 rules) for non-ASCII GENERIC code points:\n";
echo "/// boundaries of the disallowed ones (a severe error: ICU then skips the length check).\n";
echo "pub(super) const IDNA_DISALLOWED: [u32; " . count($disallowed) . "] = [\n" . rows($disallowed, '0x%05X', 10) . "];\n\n";
echo "/// Boundaries of the code points UTS #46 ignores (drops).\n";
echo "pub(super) const IDNA_IGNORED: [u32; " . count($ignored) . "] = [\n" . rows($ignored, '0x%05X', 10) . "];\n\n";
echo "/// Code points UTS #46 maps to '.', which splits labels.\n";
echo "pub(super) const IDNA_DOTS: [char; " . count($dots) . "] = [" . implode(', ', array_map(fn ($c) => sprintf("'\\u{%X}'", $c), $dots)) . "];\n\n";
echo "/// `(first, count, n)`: code points UTS #46 maps to `n` ASCII characters (other than '.').\n";
$toAscii = array_map(fn ($r) => [$r[0], $r[1] - $r[0], $r[2]], $toAscii);
foreach ($toAscii as $r) {
    if ($r[1] > 0xFFFF) {
        fail('IDNA_TO_ASCII range too long');
    }
}
echo "pub(super) const IDNA_TO_ASCII: [(u32, u16, u8); " . count($toAscii) . "] = [\n" . rows($toAscii, '', 4) . "];\n";
