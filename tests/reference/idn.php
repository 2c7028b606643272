<?php
// Reference for tests/idn_differential.rs: ICU's UTS #46 processing as PHP's intl exposes it,
// called the way egulias' DomainPart::isLabelTooLong() calls it.
//
// Usage: php tests/reference/idn.php FILE
//          FILE holds one JSON string per line; prints one JSON array per line:
//          [idn_to_utf8()'s result or null, [byte length of idn_to_ascii()'s result,
//          whether IDNA_ERROR_LABEL_TOO_LONG is set] or null when $info has no errors]
//        php tests/reference/idn.php --generic
//          the non-ASCII code points egulias' lexer types GENERIC (the only ones that reach
//          idn_to_ascii()), one per line: hex code point and canonical combining class

require '/usr/share/php/Egulias/EmailValidator/autoload.php';

use Egulias\EmailValidator\EmailLexer;

if (($argv[1] ?? '') === '--generic') {
    $lexer = new EmailLexer();
    $getType = new ReflectionMethod($lexer, 'getType');
    $getType->setAccessible(true);
    $out = '';
    for ($c = 0x80; $c < 0x110000; $c++) {
        if ($c >= 0xD800 && $c <= 0xDFFF) {
            continue;
        }
        $s = mb_chr($c, 'UTF-8');
        if ($getType->invokeArgs($lexer, [&$s]) === EmailLexer::GENERIC) {
            $out .= sprintf("%X %d\n", $c, IntlChar::getCombiningClass($c));
        }
    }
    echo $out;
    exit(0);
}

$in = fopen($argv[1] ?? '', 'rb');
if ($in === false) {
    fwrite(STDERR, "usage: php idn.php FILE | --generic\n");
    exit(2);
}
$out = '';
while (($line = fgets($in)) !== false) {
    $s = json_decode(rtrim($line, "\n"), false, 512, JSON_THROW_ON_ERROR);
    idn_to_utf8($s, IDNA_DEFAULT, INTL_IDNA_VARIANT_UTS46, $u);
    idn_to_ascii($s, IDNA_DEFAULT, INTL_IDNA_VARIANT_UTS46, $a);
    $ascii = isset($a['errors'])
        ? [strlen($a['result']), ($a['errors'] & IDNA_ERROR_LABEL_TOO_LONG) !== 0]
        : null;
    $out .= json_encode([$u['result'] ?? null, $ascii], JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR) . "\n";
}
echo $out;
