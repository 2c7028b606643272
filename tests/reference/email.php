<?php
// Reference verdicts for tests/email_differential.rs: one JSON string per input line,
// one verdict per output line ("1" valid, "0" invalid), computed exactly the way
// Laravel 8's `email` rule does it.
//
// Usage: php tests/reference/email.php FILE [--reasons]
//   --reasons  append the egulias reason class (e.g. "0 DotAtEnd") for diagnostics.

// Laravel's HandleExceptions bootstrapper turns every PHP warning/notice into an
// ErrorException, which RFCValidation catches and reports as invalid. That matters
// for idn_to_ascii() failures (see DomainPart::isLabelTooLong), so we mirror it here
// to judge exactly as the server does. Deprecations are only logged by Laravel.
error_reporting(E_ALL);
set_error_handler(function ($level, $message, $file = '', $line = 0) {
    if ($level & (E_DEPRECATED | E_USER_DEPRECATED)) {
        return true;
    }
    throw new ErrorException($message, 0, $level, $file, $line);
});

require '/usr/share/php/Egulias/EmailValidator/autoload.php';

use Egulias\EmailValidator\EmailLexer;
use Egulias\EmailValidator\EmailValidator;
use Egulias\EmailValidator\Validation\MultipleValidationWithAnd;
use Egulias\EmailValidator\Validation\RFCValidation;

if ($argc < 2) {
    fwrite(STDERR, "usage: php email.php FILE [--reasons]\n");
    exit(2);
}
$withReasons = in_array('--reasons', $argv, true);
$in = fopen($argv[1], 'rb');
if ($in === false) {
    fwrite(STDERR, "cannot open {$argv[1]}\n");
    exit(2);
}
$out = '';
while (($line = fgets($in)) !== false) {
    $line = rtrim($line, "\n");
    $s = json_decode($line, false, 512, JSON_THROW_ON_ERROR);
    if (!is_string($s)) {
        fwrite(STDERR, "not a JSON string: $line\n");
        exit(2);
    }
    $ok = (new EmailValidator())->isValid($s, new MultipleValidationWithAnd([new RFCValidation()]));
    $out .= $ok ? '1' : '0';
    if ($withReasons && !$ok) {
        $v = new RFCValidation();
        $v->isValid($s, new EmailLexer());
        $err = $v->getError();
        $name = $err === null ? '?' : (new ReflectionClass($err->reason()))->getShortName();
        $out .= ' ' . $name;
    }
    $out .= "\n";
}
echo $out;
