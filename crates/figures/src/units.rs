//! Units a figure is measured in: currency symbols, codes and names, units of measure, and
//! scales glued to digits. Lookups are by lower-cased token text (case matters only where a
//! function says so); they run once per candidate token, not per byte.

/// Scale written as a suffix glued to digits ("13k", "1.2bn", "10M"). Case matters for "M"
/// (million) against "m" (metre), decided by the caller.
pub fn glued_scale(suffix: &str) -> Option<f64> {
    let v = match suffix {
        "k" | "K" => 1e3,
        // "$18million", "2billion": the word glued as the short forms are.
        "M" | "MM" | "mn" | "Mn" | "mln" | "mil" | "MN" | "million" => 1e6,
        "b" | "B" | "bn" | "Bn" | "BN" | "bln" | "billion" => 1e9,
        "tn" | "Tn" | "TN" | "tln" | "trn" | "T" | "trillion" => 1e12,
        _ => return None,
    };
    Some(v)
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
    let &[a, b, c] = w.as_bytes() else {
        return None;
    };
    // Asked of every three-byte token ("the", "and"): one upper-casing, then byte comparisons
    // (the same match as `eq_ignore_ascii_case` against codes written in capitals).
    let up = [
        a.to_ascii_uppercase(),
        b.to_ascii_uppercase(),
        c.to_ascii_uppercase(),
    ];
    CODES
        .iter()
        .find(|code| code.as_bytes() == up)
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
        "db" | "decibel" | "decibels" => "dB",
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
