<?php
// For tests/email_differential.rs: which inputs contain code points whose UTS #46
// treatment src/email/idn.rs deliberately does not reproduce (see the comment there):
// combining marks (NFC composition, leading-mark errors) and code points mapped to
// other non-ASCII code points (case folding, compatibility forms). Prints "1" or "0"
// per input line (a JSON string).
//
// Usage: php tests/reference/idn_gap.php FILE

$in = fopen($argv[1] ?? '', 'rb');
if ($in === false) {
    fwrite(STDERR, "usage: php idn_gap.php FILE\n");
    exit(2);
}
$memo = [];
$out = '';
while (($line = fgets($in)) !== false) {
    $s = json_decode(rtrim($line, "\n"), false, 512, JSON_THROW_ON_ERROR);
    $gap = false;
    foreach (mb_str_split($s, 1, 'UTF-8') as $c) {
        if (strlen($c) === 1) {
            continue;
        }
        if (!isset($memo[$c])) {
            idn_to_utf8('0' . $c, IDNA_DEFAULT, INTL_IDNA_VARIANT_UTS46, $info);
            $mapped = substr($info['result'] ?? '', 1);
            $memo[$c] = preg_match('/^\p{M}$/u', $c) === 1
                || (!(($info['errors'] ?? 0) & IDNA_ERROR_DISALLOWED)
                    && $mapped !== $c && $mapped !== ''
                    && !preg_match('/^[\x00-\x7f]+$/', $mapped));
        }
        if ($memo[$c]) {
            $gap = true;
            break;
        }
    }
    $out .= $gap ? "1\n" : "0\n";
}
echo $out;
