<?php
// The server's validation, for differential tests: Laravel's validator behind its two default
// input middlewares (TrimStrings with the server's trim set, ConvertEmptyStringsToNull).
// Reads one case a line, {"request": "create"|"update", "body": "<raw JSON text>"}, and prints
// for each a JSON object of path => the first rule that failed (our code names), {} when valid.
error_reporting(E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED);
require_once 'Illuminate/Validation/autoload.php';

use Illuminate\Translation\ArrayLoader;
use Illuminate\Translation\Translator;
use Illuminate\Validation\Factory;

const TRIM_SET = '\x{0}\x{9}-\x{D}\x{20}\x{85}\x{A0}\x{1680}\x{180E}\x{2000}-\x{200B}\x{200E}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}';

// The assigned ISO 3166-1 alpha-2 codes, as the server lists them.
const COUNTRIES = 'AD,AE,AF,AG,AI,AL,AM,AO,AQ,AR,AS,AT,AU,AW,AX,AZ,BA,BB,BD,BE,BF,BG,BH,BI,BJ,BL,BM,BN,BO,BQ,BR,BS,BT,BV,BW,BY,BZ,CA,CC,CD,CF,CG,CH,CI,CK,CL,CM,CN,CO,CR,CU,CV,CW,CX,CY,CZ,DE,DJ,DK,DM,DO,DZ,EC,EE,EG,EH,ER,ES,ET,FI,FJ,FK,FM,FO,FR,GA,GB,GD,GE,GF,GG,GH,GI,GL,GM,GN,GP,GQ,GR,GS,GT,GU,GW,GY,HK,HM,HN,HR,HT,HU,ID,IE,IL,IM,IN,IO,IQ,IR,IS,IT,JE,JM,JO,JP,KE,KG,KH,KI,KM,KN,KP,KR,KW,KY,KZ,LA,LB,LC,LI,LK,LR,LS,LT,LU,LV,LY,MA,MC,MD,ME,MF,MG,MH,MK,ML,MM,MN,MO,MP,MQ,MR,MS,MT,MU,MV,MW,MX,MY,MZ,NA,NC,NE,NF,NG,NI,NL,NO,NP,NR,NU,NZ,OM,PA,PE,PF,PG,PH,PK,PL,PM,PN,PR,PS,PT,PW,PY,QA,RE,RO,RS,RU,RW,SA,SB,SC,SD,SE,SG,SH,SI,SJ,SK,SL,SM,SN,SO,SR,SS,ST,SV,SX,SY,SZ,TC,TD,TF,TG,TH,TJ,TK,TL,TM,TN,TO,TR,TT,TV,TW,TZ,UA,UG,UM,US,UY,UZ,VA,VC,VE,VG,VI,VN,VU,WF,WS,YE,YT,ZA,ZM,ZW';

function address_rules(): array
{
    $line = 'nullable|string|max:255';
    return [
        'address' => 'nullable|array',
        'address.country' => 'nullable|string|in:' . COUNTRIES,
        'address.line1' => $line,
        'address.line2' => $line,
        'address.city' => $line,
        'address.state' => $line,
        'address.postal_code' => $line,
    ];
}

function rules(string $request): array
{
    $create = $request === 'create';
    return [
        'name' => ($create ? 'required' : 'sometimes|required') . '|string|max:100',
        'email' => ($create ? 'required' : 'sometimes|required') . '|string|email|max:150',
        'phone' => 'nullable|string|max:50',
        'description' => 'nullable|string|max:200',
        'currency' => $create ? 'nullable|string|in:usd,zar,eur,gbp,aud' : 'prohibited',
    ] + address_rules();
}

// TrimStrings + ConvertEmptyStringsToNull, as TransformsRequest applies them: values only, recursively.
function clean($value)
{
    if (is_array($value)) {
        foreach ($value as $k => $v) {
            $value[$k] = clean($v);
        }
        return $value;
    }
    if (is_string($value)) {
        $value = preg_replace('~^[' . TRIM_SET . ']+|[' . TRIM_SET . ']+$~u', '', $value);
        return $value === '' ? null : $value;
    }
    return $value;
}

function code(string $attribute, string $rule): string
{
    switch ($rule) {
        case 'Required': return 'required';
        case 'String': case 'Array': return 'type';
        case 'Email': return 'email';
        case 'Max': return 'too_long';
        case 'Prohibited': return 'immutable';
        case 'In': return $attribute === 'currency' ? 'currency' : 'country';
    }
    return 'unmapped:' . $rule;
}

$factory = new Factory(new Translator(new ArrayLoader(), 'en'));
$known = ['name', 'email', 'phone', 'description', 'currency', 'address'];
$knownAddress = ['country', 'line1', 'line2', 'city', 'state', 'postal_code'];

$in = fopen($argv[1] ?? 'php://stdin', 'r');
while (($line = fgets($in)) !== false) {
    $case = json_decode($line, true);
    $data = json_decode($case['body'], true);
    $verdict = [];
    if (!is_array($data)) {
        $data = [];
    }
    $data = clean($data);
    $validator = $factory->make($data, rules($case['request']));
    $validator->passes();
    foreach ($validator->failed() as $attribute => $failed) {
        $verdict[$attribute] = code($attribute, array_key_first($failed));
    }
    foreach (array_keys($data) as $key) {
        if (!in_array((string) $key, $known, true)) {
            $verdict[(string) $key] = 'unknown_field';
        }
    }
    if (isset($data['address']) && is_array($data['address'])) {
        foreach (array_keys($data['address']) as $key) {
            if (!in_array((string) $key, $knownAddress, true)) {
                $verdict['address.' . $key] = 'unknown_field';
            }
        }
    }
    echo json_encode((object) $verdict, JSON_UNESCAPED_UNICODE), "\n";
}
