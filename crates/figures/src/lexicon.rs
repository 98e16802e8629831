//! Word tables: number words, scales, currencies, units of measure. Lookups are by lower-cased
//! token text over small sorted-by-hand slices; they run once per candidate token, not per byte.

/// Value of a cardinal number word ("seven" → 7), without scales.
pub fn small_number(w: &str) -> Option<f64> {
    let v = match w {
        "zero" | "nought" | "naught" | "nil" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    };
    Some(v)
}

/// Multiplier of a scale word written out ("million") or abbreviated ("bn", "k").
pub fn scale_word(w: &str) -> Option<f64> {
    let v = match w {
        "hundred" => 1e2,
        "thousand" | "k" | "thou" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" | "mn" | "mln" | "mil" | "mio" | "mm" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" | "bn" | "bln" | "bil" => 1e9,
        "trillion" | "tn" | "tln" | "trn" => 1e12,
        _ => return None,
    };
    Some(v)
}

/// Scale written as a suffix glued to digits ("13k", "1.2bn", "10M"). Case matters for "M"
/// (million) against "m" (metre), decided by the caller.
pub fn glued_scale(suffix: &str) -> Option<f64> {
    let v = match suffix {
        "k" | "K" => 1e3,
        "M" | "MM" | "mn" | "Mn" | "mln" | "mil" | "MN" => 1e6,
        "b" | "B" | "bn" | "Bn" | "BN" | "bln" => 1e9,
        "tn" | "Tn" | "TN" | "tln" | "trn" | "T" => 1e12,
        _ => return None,
    };
    Some(v)
}

/// Plural vague quantities ("hundreds of", "dozens of"): their floor value.
pub fn vague_plural(w: &str) -> Option<f64> {
    let v = match w {
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 1e2,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    };
    Some(v)
}

pub fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "jan."
            | "feb"
            | "feb."
            | "mar."
            | "apr"
            | "apr."
            | "jun"
            | "jun."
            | "jul"
            | "jul."
            | "aug"
            | "aug."
            | "sep"
            | "sep."
            | "sept"
            | "sept."
            | "oct"
            | "oct."
            | "nov"
            | "nov."
            | "dec"
            | "dec."
    )
}

pub fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Currency written before the number as a symbol ("$", "€", "₹").
pub fn currency_symbol(s: &str) -> Option<&'static str> {
    let c = match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        "₴" => "UAH",
        "₩" => "KRW",
        "₺" => "TRY",
        "₪" => "ILS",
        "₦" => "NGN",
        "₱" => "PHP",
        "฿" => "THB",
        "₫" => "VND",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "₿" => "BTC",
        "元" => "CNY",
        _ => return None,
    };
    Some(c)
}

/// Prefix letters that qualify "$" ("US$", "C$", "HK$").
pub fn dollar_prefix(w: &str) -> Option<&'static str> {
    let c = match w {
        "us" | "u.s." | "u.s" | "usd" => "USD",
        "c" | "ca" | "cad" | "can" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "s" | "sgd" => "SGD",
        "mex" | "mx" | "mxn" => "MXN",
        "nt" => "TWD",
        "r" => "BRL",
        _ => return None,
    };
    Some(c)
}

/// ISO 4217 codes accepted as written ("USD 800 million", "800 million USD").
pub fn iso_code(w: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "RUB", "UAH", "KRW", "CHF", "CAD", "AUD",
        "NZD", "HKD", "SGD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "TRY", "ILS", "ZAR", "BRL",
        "MXN", "ARS", "NGN", "KES", "EGP", "SAR", "AED", "QAR", "PKR", "BDT", "LKR", "IDR", "MYR",
        "THB", "PHP", "VND", "TWD", "BTC", "IRR", "KPW",
    ];
    // Every code is three letters: other words are out without upper-casing a copy.
    if w.len() != 3 {
        return None;
    }
    CODES
        .iter()
        .find(|c| c.eq_ignore_ascii_case(w))
        .map(|c| if *c == "RMB" { "CNY" } else { c })
}

/// Codes with a glued "M" for millions ("30 MUSD", "120 MEUR").
pub fn million_code(w: &str) -> Option<&'static str> {
    let rest = w.strip_prefix('M')?;
    if rest.len() == 3 && rest.chars().all(|c| c.is_ascii_uppercase()) {
        iso_code(rest)
    } else {
        None
    }
}

/// Currency named after the number ("euros", "yen"); `prev` is the word before it ("swiss").
pub fn currency_name(w: &str, prev: Option<&str>) -> Option<&'static str> {
    let qualified = match (prev, w) {
        (Some("us" | "u.s." | "american"), "dollar" | "dollars") => Some("USD"),
        (Some("canadian"), "dollar" | "dollars") => Some("CAD"),
        (Some("australian"), "dollar" | "dollars") => Some("AUD"),
        (Some("hong"), _) => None,
        (Some("singapore"), "dollar" | "dollars") => Some("SGD"),
        (Some("new"), _) => None,
        (Some("swiss"), "franc" | "francs") => Some("CHF"),
        (Some("chinese"), "yuan" | "renminbi") => Some("CNY"),
        (Some("japanese"), "yen") => Some("JPY"),
        (Some("indian"), "rupee" | "rupees") => Some("INR"),
        (Some("pakistani"), "rupee" | "rupees") => Some("PKR"),
        (Some("turkish"), "lira" | "liras") => Some("TRY"),
        (Some("ukrainian"), "hryvnia" | "hryvnias" | "hryvnas") => Some("UAH"),
        (Some("russian"), "rouble" | "roubles" | "ruble" | "rubles") => Some("RUB"),
        (Some("south"), _) => None,
        _ => None,
    };
    if qualified.is_some() {
        return qualified;
    }
    let c = match w {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "yen" => "JPY",
        "yuan" | "renminbi" | "rmb" | "kuai" => "CNY",
        "rupee" | "rupees" => "INR",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "hryvnia" | "hryvnias" | "hryvnas" => "UAH",
        "won" => "KRW",
        "lira" | "liras" => "TRY",
        "shekel" | "shekels" => "ILS",
        "naira" => "NGN",
        "rand" => "ZAR",
        "zloty" | "zlotys" => "PLN",
        "francs" | "franc" => "CHF",
        "bitcoin" | "bitcoins" | "btc" => "BTC",
        _ => return None,
    };
    Some(c)
}

/// A unit of measure after a number, normalised ("kilometres" → "km"). Multi-word units are
/// handled by the caller ("square kilometres", "barrels a day").
pub fn measure_unit(w: &str) -> Option<&'static str> {
    let u = match w {
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
        "m" | "metre" | "metres" | "meter" | "meters" => "m",
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
        "dm" | "decimetre" | "decimetres" | "decimeter" | "decimeters" => "dm",
        "mile" | "miles" | "mi" => "mile",
        "ft" | "foot" | "feet" => "foot",
        "inch" | "inches" | "in." => "inch",
        "yard" | "yards" | "yd" => "yard",
        "nautical" => "nautical mile",
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilo" | "kilos" | "kilogramme" => "kg",
        "g" | "gram" | "grams" | "gramme" | "grammes" => "g",
        "mg" | "milligram" | "milligrams" => "mg",
        "μg" | "mcg" | "microgram" | "micrograms" | "microgramme" | "microgrammes" => "µg",
        "lb" | "lbs" => "lb",
        "oz" | "ounce" | "ounces" => "oz",
        "ton" | "tons" | "tonne" | "tonnes" | "t" => "tonne",
        "l" | "litre" | "litres" | "liter" | "liters" => "l",
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => "ml",
        "gallon" | "gallons" => "gallon",
        "barrel" | "barrels" | "bbl" => "barrel",
        "acre" | "acres" => "acre",
        "hectare" | "hectares" | "ha" => "hectare",
        "mph" => "mph",
        "kph" | "kmph" | "km/h" | "km/hr" => "km/h",
        "knot" | "knots" => "knot",
        "degrees" | "°" => "degree",
        "°c" | "c" | "celsius" => "°C",
        "°f" | "f" | "fahrenheit" => "°F",
        "mw" | "megawatt" | "megawatts" => "MW",
        "gw" | "gigawatt" | "gigawatts" => "GW",
        "kw" | "kilowatt" | "kilowatts" => "kW",
        "kwh" => "kWh",
        "mwh" => "MWh",
        "gwh" => "GWh",
        "twh" => "TWh",
        "mb" | "megabyte" | "megabytes" => "MB",
        "gb" | "gigabyte" | "gigabytes" => "GB",
        "tb" | "terabyte" | "terabytes" => "TB",
        "bit" | "bits" => "bit",
        "byte" | "bytes" => "byte",
        "m2" | "sqm" => "m²",
        "km2" | "sqkm" => "km²",
        "calorie" | "calories" | "kcal" => "kcal",
        "gbps" => "Gbps",
        "mbps" => "Mbps",
        "kbps" => "kbps",
        "ghz" => "GHz",
        "mhz" => "MHz",
        "khz" => "kHz",
        "hz" | "hertz" => "Hz",
        "mah" => "mAh",
        "v" => "V",
        "w" | "watt" | "watts" => "W",
        "amp" | "amps" => "A",
        "volt" | "volts" => "V",
        "megatons" | "megatonnes" | "megaton" => "megatonne",
        "kiloton" | "kilotons" | "kilotonnes" => "kilotonne",
        "point" | "points" => "point",
        "cent" | "cents" => "cent",
        "pence" | "penny" | "pennies" | "p" => "pence",
        _ => return None,
    };
    Some(u)
}

/// Time units: a number before them is a duration or an age ("three years", "28-year-old").
pub fn time_unit(w: &str) -> Option<&'static str> {
    let u = match w {
        "second" | "seconds" | "sec" | "secs" => "second",
        "minute" | "minutes" | "min" | "mins" => "minute",
        "hour" | "hours" | "hr" | "hrs" => "hour",
        "day" | "days" => "day",
        "week" | "weeks" => "week",
        "month" | "months" => "month",
        "year" | "years" | "yr" | "yrs" => "year",
        "decade" | "decades" => "decade",
        "century" | "centuries" => "century",
        _ => return None,
    };
    Some(u)
}

/// Nouns that mark page furniture when a number counts them in a short line ("1 visits today").
pub fn furniture_noun(w: &str) -> bool {
    matches!(
        w,
        "views"
            | "view"
            | "visits"
            | "visit"
            | "comments"
            | "comment"
            | "shares"
            | "likes"
            | "reads"
            | "times"
            | "min"
            | "mins"
            | "followers"
            | "replies"
            | "votes"
            | "photos"
            | "images"
            | "subscribers"
    )
}

/// Irregular past-tense verbs common in news ("two people hurt", "one suspect fled"): the "-ed"
/// test misses them, and after a number's noun they are the clause's verb.
pub fn irregular_past(w: &str) -> bool {
    matches!(
        w,
        "fled"
            | "hurt"
            | "fell"
            | "rose"
            | "left"
            | "lost"
            | "won"
            | "held"
            | "took"
            | "came"
            | "went"
            | "got"
            | "ran"
            | "saw"
            | "shot"
            | "struck"
            | "hit"
            | "began"
            | "became"
            | "broke"
            | "fought"
            | "found"
            | "gave"
            | "grew"
            | "kept"
            | "knew"
            | "led"
            | "met"
            | "paid"
            | "sent"
            | "sold"
            | "spent"
            | "stood"
            | "stole"
            | "threw"
            | "wrote"
            | "drove"
            | "flew"
            | "died"
    )
}

/// Words that end a noun phrase (function words, auxiliaries, common verbs and time adverbs).
pub fn ends_phrase(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "this"
            | "that"
            | "these"
            | "those"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "where"
            | "when"
            | "while"
            | "whereas"
            | "as"
            | "if"
            | "than"
            | "then"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "because"
            | "since"
            | "until"
            | "in"
            | "into"
            | "on"
            | "onto"
            | "at"
            | "by"
            | "for"
            | "from"
            | "to"
            | "with"
            | "without"
            | "within"
            | "of"
            | "off"
            | "over"
            | "under"
            | "about"
            | "around"
            | "across"
            | "after"
            | "before"
            | "during"
            | "between"
            | "among"
            | "against"
            | "through"
            | "toward"
            | "towards"
            | "per"
            | "via"
            | "up"
            | "down"
            | "out"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "has"
            | "have"
            | "had"
            | "having"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "not"
            | "no"
            | "also"
            | "already"
            | "still"
            | "now"
            | "just"
            | "only"
            | "even"
            | "yet"
            | "again"
            | "there"
            | "here"
            | "it"
            | "its"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "their"
            | "our"
            | "my"
            | "your"
            | "them"
            | "him"
            | "us"
            | "me"
            | "each"
            | "every"
            | "all"
            | "both"
            | "more"
            | "less"
            | "fewer"
            | "most"
            | "least"
            | "yesterday"
            | "today"
            | "tomorrow"
            | "tonight"
            | "ago"
            | "last"
            | "next"
            | "earlier"
            | "later"
            | "said"
            | "says"
            | "say"
            | "told"
            | "according"
            | "including"
            | "reportedly"
            | "allegedly"
            | "apiece"
            | "each."
            | "respectively"
            | "like"
            | "such"
            | "whether"
            | "how"
            | "why"
            | "plus"
            | "minus"
            | "times"
            | "a.m."
            | "p.m."
            | "am."
            | "pm"
            | "per cent"
            | "amid"
            | "despite"
            | "following"
            | "alongside"
            | "ahead"
            | "behind"
            | "near"
            | "unlike"
            | "upon"
            | "versus"
            | "vs"
            | "vs."
            | "whereby"
    )
}

/// Reporting and assessment verbs whose subject asserts the clause they govern.
pub fn reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "say"
            | "says"
            | "said"
            | "tell"
            | "tells"
            | "told"
            | "estimate"
            | "estimates"
            | "estimated"
            | "believe"
            | "believes"
            | "believed"
            | "assess"
            | "assesses"
            | "assessed"
            | "place"
            | "places"
            | "placed"
            | "put"
            | "puts"
            | "report"
            | "reports"
            | "reported"
            | "indicate"
            | "indicates"
            | "indicated"
            | "claim"
            | "claims"
            | "claimed"
            | "announce"
            | "announces"
            | "announced"
            | "states"
            | "stated"
            | "add"
            | "adds"
            | "added"
            | "note"
            | "notes"
            | "noted"
            | "warn"
            | "warns"
            | "warned"
            | "suggest"
            | "suggests"
            | "suggested"
            | "show"
            | "shows"
            | "showed"
            | "reveal"
            | "reveals"
            | "revealed"
            | "confirm"
            | "confirms"
            | "confirmed"
            | "write"
            | "writes"
            | "wrote"
            | "think"
            | "thinks"
            | "thought"
            | "reckon"
            | "reckons"
            | "reckoned"
            | "calculate"
            | "calculates"
            | "calculated"
            | "count"
            | "counts"
            | "counted"
            | "project"
            | "projects"
            | "projected"
            | "forecast"
            | "forecasts"
            | "predict"
            | "predicts"
            | "predicted"
            | "acknowledge"
            | "acknowledges"
            | "acknowledged"
            | "insist"
            | "insists"
            | "insisted"
            | "explain"
            | "explains"
            | "explained"
            | "argue"
            | "argues"
            | "argued"
            | "tweeted"
            | "posted"
            | "reporting"
            | "saying"
            | "estimating"
            | "disclosed"
            | "discloses"
            | "admitted"
            | "admits"
            | "alleged"
            | "alleges"
            | "asserted"
            | "asserts"
            | "recorded"
            | "records"
            | "documented"
            | "registered"
            | "verified"
            | "tallied"
            | "found"
            | "finds"
            | "concluded"
            | "concludes"
    )
}

/// Words that may stand between a subject and its verb ("has said", "also believes").
pub fn verb_helper(w: &str) -> bool {
    matches!(
        w,
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "also"
            | "now"
            | "previously"
            | "earlier"
            | "separately"
            | "further"
            | "still"
            | "then"
            | "did"
            | "does"
            | "do"
            | "recently"
            | "publicly"
            | "reportedly"
            | "currently"
            | "already"
            | "initially"
            | "independently"
    )
}

pub fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "he" | "she" | "they" | "we" | "i" | "it" | "you" | "who" | "this" | "that"
    )
}
