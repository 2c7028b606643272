//! The email check: egulias/email-validator 3.2.5 `RFCValidation`, as Laravel 8's `email` rule runs it.
//
// This is a port of the PHP parser, not of the RFC: the server accepts or rejects what
// that code does, quirks included, so the structure below mirrors EmailLexer,
// EmailParser, LocalPart, DomainPart, DomainLiteral, Comment, DoubleQuote and
// FoldingWhiteSpace closely enough to be checked against them side by side. Only the
// verdict is reproduced: warnings never make an address invalid.
//
// The environment matters once: Laravel's error handler turns PHP warnings into
// exceptions, which RFCValidation reports as invalid. The only warning the parser can
// raise comes from a failed idn_to_ascii() call (see idn.rs), so such addresses are
// invalid here, where egulias run outside Laravel would accept them.

mod idn;
// Generated; keeping the generator's layout lets a regeneration diff cleanly.
#[rustfmt::skip]
mod tables;

/// Why egulias rejects an address; the names are its `Result\Reason` class names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    AtextAfterCfws,
    CharNotAllowed,
    ConsecutiveAt,
    ConsecutiveDot,
    CrlfAtTheEnd,
    CrlfX2,
    CrNoLf,
    DomainHyphened,
    DomainTooLong,
    DotAtEnd,
    DotAtStart,
    /// A PHP exception or (under Laravel's error handler) warning inside the parser.
    ExceptionFound,
    ExpectingAtext,
    ExpectingCtext,
    ExpectingDomainLiteralClose,
    ExpectingDtext,
    LabelTooLong,
    NoDomainPart,
    NoLocalPart,
    UnclosedComment,
    UnclosedQuotedString,
    UnOpenedComment,
    UnusualElements,
}

impl Reason {
    /// The egulias class name (`Egulias\EmailValidator\Result\Reason\…`).
    pub fn php_name(self) -> &'static str {
        match self {
            Reason::AtextAfterCfws => "AtextAfterCFWS",
            Reason::CharNotAllowed => "CharNotAllowed",
            Reason::ConsecutiveAt => "ConsecutiveAt",
            Reason::ConsecutiveDot => "ConsecutiveDot",
            Reason::CrlfAtTheEnd => "CRLFAtTheEnd",
            Reason::CrlfX2 => "CRLFX2",
            Reason::CrNoLf => "CRNoLF",
            Reason::DomainHyphened => "DomainHyphened",
            Reason::DomainTooLong => "DomainTooLong",
            Reason::DotAtEnd => "DotAtEnd",
            Reason::DotAtStart => "DotAtStart",
            Reason::ExceptionFound => "ExceptionFound",
            Reason::ExpectingAtext => "ExpectingATEXT",
            Reason::ExpectingCtext => "ExpectingCTEXT",
            Reason::ExpectingDomainLiteralClose => "ExpectingDomainLiteralClose",
            Reason::ExpectingDtext => "ExpectingDTEXT",
            Reason::LabelTooLong => "LabelTooLong",
            Reason::NoDomainPart => "NoDomainPart",
            Reason::NoLocalPart => "NoLocalPart",
            Reason::UnclosedComment => "UnclosedComment",
            Reason::UnclosedQuotedString => "UnclosedQuotedString",
            Reason::UnOpenedComment => "UnOpenedComment",
            Reason::UnusualElements => "UnusualElements",
        }
    }
}

/// The parts of an accepted address, as egulias records them (comments and all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    /// Everything before the `@` that ends the local part.
    pub local: &'a str,
    /// What `DomainPart::domainPart()` returns. For a domain literal the recording stops
    /// at its `]`, and egulias never looks at anything after it.
    pub domain: &'a str,
}

/// Whether `address` passes egulias/email-validator 3.x `RFCValidation` (no trimming here).
pub fn is_valid(address: &str) -> bool {
    is_plain(address) || check(address).is_ok()
}

/// A quick yes for the plainest addresses, which are most of them: a local part of letters,
/// digits and `+ _ -` in dot-separated runs, `@`, and two or more labels of letters, digits and
/// inner hyphens, every length well inside the limits, no `IPv6`. Each such address passes the full parse
/// with no reason to refuse it (the test below holds the two to that); `false` is *not sure*,
/// and [`check`] decides. The full parse allocates its tokens: this skips that on every clean body.
#[inline(never)]
fn is_plain(address: &str) -> bool {
    let bytes = address.as_bytes();
    let (mut domain, mut labels, mut run, mut len, mut prev) = (false, 1, 0, 0, b'.');
    // The last four bytes: `IPv6` is a token of its own to the lexer, which no label can be.
    let mut last = 0u32;
    for &b in bytes {
        last = last << 8 | u32::from(b);
        if last == u32::from_be_bytes(*b"IPv6") {
            return false;
        }
        match b {
            b'@' if !domain && prev != b'.' && len <= 64 => {
                (domain, run, len, prev) = (true, 0, 0, b'.');
                continue;
            }
            b'.' if prev != b'.' && prev != b'-' => {
                run = 0;
                labels += usize::from(domain);
            }
            b'-' if !domain || prev != b'.' => run += 1,
            b'+' | b'_' if !domain => run += 1,
            _ if b.is_ascii_alphanumeric() => run += 1,
            _ => return false,
        }
        // A label after the first counts its dot (egulias): each stops one short of the limit.
        if run >= LABEL_MAX_LENGTH {
            return false;
        }
        len += 1;
        prev = b;
    }
    domain && labels >= 2 && len <= DOMAIN_MAX_LENGTH && prev != b'.' && prev != b'-'
}

/// The domain part of a valid address (e.g. to spot dotless domains), `None` if invalid.
pub fn domain_part(address: &str) -> Option<&str> {
    check(address).ok().map(|p| p.domain)
}

/// For the differential tests, not an API: what `idn_to_ascii($label, IDNA_DEFAULT,
/// INTL_IDNA_VARIANT_UTS46, $info)` gives for a label with non-ASCII characters: the byte
/// length of `$info['result']` and whether `IDNA_ERROR_LABEL_TOO_LONG` is set, or `None`
/// when `$info` has no `errors` (egulias then fails).
#[doc(hidden)]
pub fn idn_result(label: &str) -> Option<(usize, bool)> {
    idn::result(label)
}

/// For the differential tests, not an API: `s` after ICU's UTS #46 mapping (transitional)
/// and normalization, or `None` where `idn_to_ascii()` cannot but give up.
#[doc(hidden)]
pub fn uts46_normalized(s: &str) -> Option<String> {
    idn::normalized(s)
}

/// egulias' verdict with its reason, or the recorded parts.
pub fn check(address: &str) -> Result<Parts<'_>, Reason> {
    let mut lx = Lexer::new(address);
    parse(&mut lx)?;
    let local = lx
        .input
        .get(..lx.local_end)
        .unwrap_or_default()
        .trim_end_matches('@');
    let domain = lx
        .input
        .get(lx.domain_start..lx.domain_end)
        .unwrap_or_default();
    Ok(Parts { local, domain })
}

// Token types: the values of EmailLexer's constants. `NONE` is PHP's null, the type
// of the lexer's "null token" before the first and after the last token.
type Ty = u16;
const NONE: Ty = u16::MAX;
const C_NUL: Ty = 0;
const S_HTAB: Ty = 9;
const S_LF: Ty = 10;
const S_CR: Ty = 13;
const S_SP: Ty = 32;
const S_DQUOTE: Ty = 34;
const S_OPENPARENTHESIS: Ty = 40;
const S_CLOSEPARENTHESIS: Ty = 41;
const S_COMMA: Ty = 44;
const S_HYPHEN: Ty = 45;
const S_DOT: Ty = 46;
const S_SLASH: Ty = 47;
const S_COLON: Ty = 58;
const S_SEMICOLON: Ty = 59;
const S_LOWERTHAN: Ty = 60;
const S_GREATERTHAN: Ty = 62;
const S_AT: Ty = 64;
const S_OPENBRACKET: Ty = 91;
const S_BACKSLASH: Ty = 92;
const S_CLOSEBRACKET: Ty = 93;
const GENERIC: Ty = 300;
const S_IPV6TAG: Ty = 301;
const INVALID: Ty = 302;
const CRLF: Ty = 1310;
const S_DOUBLECOLON: Ty = 5858;

const DOMAIN_MAX_LENGTH: usize = 253;
const LABEL_MAX_LENGTH: usize = 63;

#[derive(Clone, Copy)]
struct Token {
    start: usize,
    end: usize,
    ty: Ty,
}

/// `[a-zA-Z]` under the lexer's `/iu` flags.
fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || tables::LETTER_EXTRA.contains(&c)
}

/// `getType()` of a single non-ASCII code point.
fn non_ascii_type(c: char) -> Ty {
    if let Some(&(_, ty)) = tables::NON_ASCII_SPECIAL.iter().find(|(s, _)| *s == c) {
        return ty;
    }
    let cp = u32::from(c);
    let below = match u16::try_from(cp) {
        Ok(cp16) => tables::INVALID_BMP.partition_point(|&b| b <= cp16),
        Err(_) => {
            let plane = usize::try_from(cp >> 16).unwrap_or(0);
            let at =
                |p: usize| usize::from(tables::INVALID_ASTRAL_PLANE.get(p).copied().unwrap_or(0));
            let (start, end) = (at(plane), at(plane + 1));
            let low = (cp & 0xFFFF) as u16;
            start
                + tables::INVALID_ASTRAL_LOW
                    .get(start..end)
                    .unwrap_or_default()
                    .partition_point(|&b| b <= low)
        }
    };
    if below % 2 == 1 {
        INVALID
    } else {
        GENERIC
    }
}

/// Doctrine's `preg_split()` with the EmailLexer pattern
/// `/([a-zA-Z]+[46]?)|([^\x00-\x7F])|([0-9]+)|(\r\n)|(::)|(\s+?)|(.)|[\xA0-\xff]+/iu`
/// plus `getType()` on each piece. Every character lands in some token: the alternatives
/// before the last cover all code points (`\s` takes the `\n` that `.` skips), so the
/// non-catching `[\xA0-\xff]+` never gets a chance to drop anything.
fn tokenize(input: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let ty = if is_letter(c) {
            while let Some(&(i, d)) = chars.peek() {
                if !is_letter(d) {
                    break;
                }
                end = i + d.len_utf8();
                chars.next();
            }
            if let Some(&(i, d @ ('4' | '6'))) = chars.peek() {
                end = i + d.len_utf8();
                chars.next();
            }
            // charValue is looked up by exact key: "ipv6" or "IPV6" are GENERIC.
            if input.get(start..end) == Some("IPv6") {
                S_IPV6TAG
            } else {
                GENERIC
            }
        } else if !c.is_ascii() {
            non_ascii_type(c)
        } else if c.is_ascii_digit() {
            while let Some(&(i, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                end = i + 1;
                chars.next();
            }
            GENERIC
        } else if let Some(&(i, next @ ('\n' | ':'))) = chars.peek() {
            match (c, next) {
                ('\r', '\n') => {
                    end = i + 1;
                    chars.next();
                    CRLF
                }
                (':', ':') => {
                    end = i + 1;
                    chars.next();
                    S_DOUBLECOLON
                }
                _ => ascii_type(c),
            }
        } else {
            ascii_type(c)
        };
        tokens.push(Token { start, end, ty });
    }
    tokens
}

fn ascii_type(c: char) -> Ty {
    tables::ASCII_TYPES
        .get(usize::from(u8::try_from(c).unwrap_or(0x7f)))
        .copied()
        .unwrap_or(INVALID)
}

/// EmailLexer's state. Tokens are referred to by index; `None` is the null token
/// (for `token`/`previous`) or PHP null (for `lookahead`).
struct Lexer<'a> {
    input: &'a str,
    tokens: Vec<Token>,
    /// Index of the next token to become the lookahead.
    position: usize,
    token: Option<usize>,
    lookahead: Option<usize>,
    previous: Option<usize>,
    has_invalid_tokens: bool,
    recording: bool,
    accumulated: usize,
    /// For `find()`: a cloned lexer's `skipUntil()` only asks whether such a token
    /// exists at or after the lookahead, so the last index of each type answers it.
    last_dquote: Option<usize>,
    last_closeparenthesis: Option<usize>,
    last_closebracket: Option<usize>,
    /// Byte offsets behind `Parts`.
    local_end: usize,
    domain_start: usize,
    domain_end: usize,
}

impl<'a> Lexer<'a> {
    fn new(input: &'a str) -> Self {
        let tokens = tokenize(input);
        let last = |ty: Ty| tokens.iter().rposition(|t| t.ty == ty);
        Lexer {
            input,
            has_invalid_tokens: tokens.iter().any(|t| t.ty == INVALID),
            last_dquote: last(S_DQUOTE),
            last_closeparenthesis: last(S_CLOSEPARENTHESIS),
            last_closebracket: last(S_CLOSEBRACKET),
            tokens,
            position: 0,
            token: None,
            lookahead: None,
            previous: None,
            recording: false,
            accumulated: 0,
            local_end: 0,
            domain_start: 0,
            domain_end: 0,
        }
    }

    fn get(&self, index: Option<usize>) -> Option<&Token> {
        index.and_then(|i| self.tokens.get(i))
    }

    fn ty(&self) -> Ty {
        self.get(self.token).map_or(NONE, |t| t.ty)
    }

    fn prev_ty(&self) -> Ty {
        self.get(self.previous).map_or(NONE, |t| t.ty)
    }

    fn is_next(&self, ty: Ty) -> bool {
        self.get(self.lookahead).is_some_and(|t| t.ty == ty)
    }

    fn is_next_any(&self, types: &[Ty]) -> bool {
        self.get(self.lookahead)
            .is_some_and(|t| types.contains(&t.ty))
    }

    fn value(&self) -> &'a str {
        let input = self.input;
        self.get(self.token)
            .and_then(|t| input.get(t.start..t.end))
            .unwrap_or_default()
    }

    /// End offset of the current token; the null token is taken to sit at the end.
    fn token_end(&self) -> usize {
        self.get(self.token).map_or(self.input.len(), |t| t.end)
    }

    fn move_next(&mut self) -> bool {
        // EmailLexer records the current token too when it follows the null token.
        if self.recording && self.previous.is_none() {
            self.accumulated += self.value().len();
        }
        self.previous = self.token;
        self.token = self.lookahead;
        self.lookahead = if self.position < self.tokens.len() {
            self.position += 1;
            Some(self.position - 1)
        } else {
            None
        };
        if self.recording {
            self.accumulated += self.value().len();
        }
        self.lookahead.is_some()
    }

    /// `EmailLexer::find()`; `false` where PHP throws UnexpectedValueException.
    fn find(&self, ty: Ty) -> bool {
        let last = match ty {
            S_DQUOTE => self.last_dquote,
            S_CLOSEPARENTHESIS => self.last_closeparenthesis,
            S_CLOSEBRACKET => self.last_closebracket,
            _ => self.tokens.iter().rposition(|t| t.ty == ty),
        };
        matches!((self.lookahead, last), (Some(la), Some(l)) if l >= la)
    }

    /// `PartParser::escaped()`.
    fn escaped(&self) -> bool {
        self.prev_ty() == S_BACKSLASH && self.ty() != GENERIC
    }
}

type Parsed = Result<(), Reason>;

/// `Parser::parse()` as EmailParser specialises it.
fn parse(lx: &mut Lexer<'_>) -> Parsed {
    if lx.has_invalid_tokens {
        return Err(Reason::ExpectingAtext);
    }
    // preLeftParsing(): despite its name, hasAtToken() only checks the first token.
    lx.move_next();
    lx.move_next();
    if lx.ty() == S_AT {
        return Err(Reason::NoLocalPart);
    }
    parse_local_part(lx)?;
    parse_domain_part(lx)
}

// ---------------------------------------------------------------- local part

fn parse_local_part(lx: &mut Lexer<'_>) -> Parsed {
    lx.recording = true;
    while lx.ty() != S_AT && lx.ty() != NONE {
        if lx.ty() == S_DOT && lx.prev_ty() == NONE {
            return Err(Reason::DotAtStart);
        }
        if lx.ty() == S_DQUOTE {
            double_quote(lx)?;
        }
        if lx.ty() == S_OPENPARENTHESIS || lx.ty() == S_CLOSEPARENTHESIS {
            comment(lx, Strategy::Local)?;
        }
        if lx.ty() == S_DOT && lx.is_next(S_DOT) {
            return Err(Reason::ConsecutiveDot);
        }
        if lx.ty() == S_DOT && lx.is_next(S_AT) {
            return Err(Reason::DotAtEnd);
        }
        // validateEscaping()
        if lx.ty() == S_BACKSLASH && lx.is_next(GENERIC) {
            return Err(Reason::ExpectingAtext);
        }
        // validateTokens()
        if matches!(
            lx.ty(),
            S_COMMA
                | S_CLOSEBRACKET
                | S_OPENBRACKET
                | S_GREATERTHAN
                | S_LOWERTHAN
                | S_COLON
                | S_SEMICOLON
                | INVALID
        ) {
            return Err(Reason::ExpectingAtext);
        }
        folding_white_space(lx)?;
        lx.move_next();
    }
    lx.recording = false;
    lx.local_end = lx.token_end();
    Ok(())
}

fn double_quote(lx: &mut Lexer<'_>) -> Parsed {
    check_dquote(lx)?;
    lx.move_next();
    while lx.ty() != S_DQUOTE && lx.ty() != NONE {
        if lx.ty() == S_BACKSLASH && lx.is_next(S_DQUOTE) {
            lx.move_next();
        }
        lx.move_next();
        // The first token after the opening quote is never checked here.
        if !lx.escaped() && matches!(lx.ty(), C_NUL | S_HTAB | S_CR | S_LF) {
            return Err(Reason::ExpectingAtext);
        }
    }
    let prev = lx.prev_ty();
    if prev == S_BACKSLASH {
        check_dquote(lx)?;
    }
    if !lx.is_next(S_AT) && prev != S_BACKSLASH {
        return Err(Reason::ExpectingAtext);
    }
    Ok(())
}

fn check_dquote(lx: &Lexer<'_>) -> Parsed {
    if lx.is_next(GENERIC) && lx.prev_ty() == GENERIC {
        return Err(Reason::ExpectingAtext);
    }
    if !lx.find(S_DQUOTE) {
        return Err(Reason::UnclosedQuotedString);
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strategy {
    Local,
    Domain,
}

/// `Comment::parse()` with LocalComment or DomainComment.
fn comment(lx: &mut Lexer<'_>, strategy: Strategy) -> Parsed {
    let mut opened: i64 = 0;
    if lx.ty() == S_OPENPARENTHESIS {
        opened += 1;
        if !lx.find(S_CLOSEPARENTHESIS) {
            return Err(Reason::UnclosedComment);
        }
    }
    if lx.ty() == S_CLOSEPARENTHESIS {
        return Err(Reason::UnOpenedComment);
    }
    let mut more = true;
    // A local comment runs to the token before the next '@' whatever the nesting;
    // a domain comment to the first '.' at nesting level 0.
    while more
        && match strategy {
            Strategy::Local => !lx.is_next(S_AT),
            Strategy::Domain => !(opened == 0 && lx.is_next(S_DOT)),
        }
    {
        if lx.is_next(S_OPENPARENTHESIS) {
            opened += 1;
        }
        if lx.is_next(S_CLOSEPARENTHESIS) {
            opened -= 1;
        }
        more = lx.move_next();
    }
    if opened >= 1 {
        return Err(Reason::UnclosedComment);
    }
    if opened < 0 {
        return Err(Reason::UnOpenedComment);
    }
    let expected = match strategy {
        Strategy::Local => S_AT,
        Strategy::Domain => S_DOT,
    };
    if !lx.is_next(expected) {
        return Err(Reason::ExpectingAtext);
    }
    Ok(())
}

/// `FoldingWhiteSpace::parse()`.
fn folding_white_space(lx: &Lexer<'_>) -> Parsed {
    if lx.escaped() || !matches!(lx.ty(), S_SP | S_HTAB | S_CR | S_LF | CRLF) {
        return Ok(());
    }
    let previous = lx.prev_ty();
    if lx.ty() == CRLF && !lx.is_next_any(&[S_SP, S_HTAB]) {
        return Err(Reason::CrlfX2);
    }
    if lx.ty() == S_CR {
        return Err(Reason::CrNoLf);
    }
    if lx.is_next(GENERIC) && previous != S_AT {
        return Err(Reason::AtextAfterCfws);
    }
    if lx.ty() == S_LF || lx.ty() == C_NUL {
        return Err(Reason::ExpectingCtext);
    }
    Ok(())
}

// --------------------------------------------------------------- domain part

fn parse_domain_part(lx: &mut Lexer<'_>) -> Parsed {
    lx.accumulated = 0;
    lx.recording = true;
    lx.move_next();
    lx.domain_start = lx.get(lx.token).map_or(lx.input.len(), |t| t.start);

    // performDomainStartChecks()
    if lx.ty() == S_DOT {
        return Err(Reason::DotAtStart);
    }
    if lx.ty() == S_HYPHEN {
        return Err(Reason::DomainHyphened);
    }
    if lx.ty() == NONE || (lx.ty() == S_SP && !lx.is_next(GENERIC)) {
        return Err(Reason::NoDomainPart);
    }
    if lx.ty() == S_AT {
        return Err(Reason::ConsecutiveAt);
    }

    do_parse_domain_part(lx)?;

    // checkEndOfDomain()
    let prev = lx.prev_ty();
    if prev == S_DOT {
        return Err(Reason::DotAtEnd);
    }
    if prev == S_HYPHEN {
        return Err(Reason::DomainHyphened);
    }
    if lx.ty() == S_SP {
        return Err(Reason::CrlfAtTheEnd);
    }

    lx.recording = false;
    lx.domain_end = lx.token_end();
    if lx.accumulated > DOMAIN_MAX_LENGTH {
        return Err(Reason::DomainTooLong);
    }
    Ok(())
}

fn do_parse_domain_part(lx: &mut Lexer<'_>) -> Parsed {
    let mut has_comments = false;
    // The label includes the '.' that starts it (so later labels get one byte less),
    // and only the tokens the loop visits: comment contents are skipped.
    let mut label = String::new();
    loop {
        let prev = lx.prev_ty();

        // checkNotAllowedChars()
        if lx.ty() == S_BACKSLASH || lx.ty() == S_SLASH {
            return Err(Reason::CharNotAllowed);
        }
        if lx.ty() == S_OPENPARENTHESIS || lx.ty() == S_CLOSEPARENTHESIS {
            has_comments = true;
            comment(lx, Strategy::Domain)?;
        }
        // checkConsecutiveDots()
        if lx.ty() == S_DOT && lx.is_next(S_DOT) {
            return Err(Reason::ConsecutiveDot);
        }
        // A '[' anywhere in the domain starts a literal, and whatever follows its ']'
        // is never looked at.
        if lx.ty() == S_OPENBRACKET {
            return domain_literal(lx);
        }
        // checkLabelLength()
        if lx.ty() == S_DOT {
            if label_too_long(&label)? {
                return Err(Reason::LabelTooLong);
            }
            label.clear();
        }
        label.push_str(lx.value());

        folding_white_space(lx)?;

        // checkDomainPartExceptions()
        if lx.ty() == S_OPENBRACKET && prev != S_AT {
            return Err(Reason::ExpectingAtext);
        }
        if lx.ty() == S_HYPHEN && lx.is_next(S_DOT) {
            return Err(Reason::DomainHyphened);
        }
        if lx.ty() == S_BACKSLASH && lx.is_next(GENERIC) {
            return Err(Reason::ExpectingAtext);
        }
        let valid = match lx.ty() {
            GENERIC | S_HYPHEN | S_DOT => true,
            S_OPENPARENTHESIS | S_CLOSEPARENTHESIS => has_comments,
            _ => false,
        };
        if !valid {
            return Err(Reason::ExpectingAtext);
        }

        lx.move_next();
        if lx.ty() == NONE {
            break;
        }
    }
    if label_too_long(&label)? {
        return Err(Reason::LabelTooLong);
    }
    Ok(())
}

/// `DomainPart::isLabelTooLong()`.
fn label_too_long(label: &str) -> Result<bool, Reason> {
    if label.is_ascii() {
        return Ok(label.len() > LABEL_MAX_LENGTH);
    }
    match idn::judge(label) {
        idn::Outcome::Fits => Ok(false),
        idn::Outcome::TooLong => Ok(true),
        idn::Outcome::Failed => Err(Reason::ExceptionFound),
    }
}

/// `DomainPart::parseDomainLiteral()` and `DomainLiteral::parse()`. The IPv4/IPv6
/// analysis there only produces warnings, so only these checks remain.
fn domain_literal(lx: &mut Lexer<'_>) -> Parsed {
    if !lx.find(S_CLOSEBRACKET) {
        return Err(Reason::ExpectingDomainLiteralClose);
    }
    loop {
        if lx.ty() == C_NUL {
            return Err(Reason::ExpectingDtext);
        }
        if lx.is_next(S_OPENBRACKET) {
            return Err(Reason::ExpectingDtext);
        }
        if lx.is_next(S_CR) {
            return Err(Reason::CrNoLf);
        }
        if lx.ty() == S_BACKSLASH {
            return Err(Reason::UnusualElements);
        }
        if lx.ty() == S_CLOSEBRACKET {
            break;
        }
        if !lx.move_next() {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every address the quick yes passes, the full parse passes too: strings built from the
    /// pieces that sit at the edges of its rules (dots, hyphens, `IPv6`, digits, lengths).
    #[test]
    fn the_quick_yes_is_never_wrong() {
        const PIECES: &[&str] = &[
            "a", "Z", "0", "9", "-", ".", "+", "_", "@", "IPv6", "ipv6", "a4", "x6", "123", "..",
            "-.", ".-", "é", " ", "\"", "(", "[", "\r\n",
        ];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut plain = 0;
        for _ in 0..300_000 {
            let mut s = String::new();
            for part in 0..2 {
                if part == 1 {
                    s.push('@');
                }
                for _ in 0..1 + next(6) {
                    // Mostly the characters a plain address has, now and then anything.
                    let piece = if next(8) == 0 {
                        PIECES[next(PIECES.len())]
                    } else {
                        PIECES[next(8)]
                    };
                    s.push_str(piece);
                    if next(3) == 0 {
                        s.push_str(PIECES[next(3)]);
                    }
                }
            }
            if is_plain(&s) {
                plain += 1;
                assert!(check(&s).is_ok(), "{s:?}");
            }
        }
        assert!(plain > 1000, "{plain}");
        for n in [61, 62, 63, 64, 65] {
            let label = "a".repeat(n);
            for s in [
                format!("{label}@b.co"),
                format!("a@{label}.co"),
                format!("a@b.{label}"),
                format!("a@{label}.{label}.{label}.{label}"),
                format!("a@{label}.{label}.{label}.{label}.co"),
                format!("a@{label}.{label}.{label}.{label}.a"),
            ] {
                assert!(!is_plain(&s) || check(&s).is_ok(), "{s}");
            }
        }
        for s in [
            "billing@acme.com",
            "jane.doe@mail.example.org",
            "payables+acme@hooli.xyz",
        ] {
            assert!(is_plain(s), "{s}");
        }
    }
}
