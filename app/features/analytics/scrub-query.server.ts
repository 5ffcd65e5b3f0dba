/**
 * Search text without personal data, before it is stored as an analytics event. Shoppers type into the FAQ
 * search what they would tell a person: their email, order number, phone, card, address or name. Each of these
 * becomes a placeholder (`[email]`, `[order]`, `[number]`, `[card]`, `[cvv]`, `[expiry]`, `[postcode]`,
 * `[address]`, `[name]`), so "where is my order" keeps its meaning for the merchant and no shopper is in it.
 *
 * Rules, in order (an earlier rule sees the text before a later one takes digits or words from it):
 * 1. Unicode NFKC, so full-width `＠`, `．` and digits are the ASCII ones the rules know.
 * 2. Emails in any spelling: `jane@x.com`, `jane @ x . com`, `jane dot doe at gmail dot com`, `jane(at)x(dot)com`.
 * 3. Order references: `#1042`.
 * 4. Card data: a CVV or expiry named as such, then 13–19 digits that pass the Luhn check (a card number).
 * 5. Street addresses (number + street type, street type + name + number, German `…straße 5`, flat/PO box).
 * 6. Postcodes with letters (UK, Canada, Ireland, the Netherlands) and Poland's `00-950`; all-digit ones (US ZIP,
 *    France, Germany…) are long numbers for rule 7.
 * 7. Any run of 4+ digits, separators allowed: order numbers, phone numbers, ZIP codes. Shorter numbers stay
 *    ("size 42", "30 days").
 * 8. Personal names: a name after "my name is", "Mr", "je m'appelle"…, and common given names (with the word
 *    after them, the surname) from a list that leaves out those that are also ordinary words ("may", "grace").
 * It errs towards scrubbing: a search that loses a word costs the merchant little, a stored name costs the
 * shopper their privacy.
 */

const MAX_QUERY_LENGTH = 120;

// A word of a name, an address or a local part: letters (any script), marks, apostrophes and hyphens.
const W = String.raw`[\p{L}\p{M}][\p{L}\p{M}'’-]*`;

const DOT = String.raw`(?:\s*\.\s*|\s*[([{]\s*dot\s*[)\]}]\s*|\s+dot\s+|\s+point\s+|\s+punkt\s+|\s+punto\s+)`;
const AT = String.raw`(?:\s*[([{]\s*(?:at|arobase|at sign)\s*[)\]}]\s*|\s+(?:at|arobase|chez|bei|arroba|chiocciola|apenstaartje)\s+)`;
const LABEL = String.raw`[\p{L}\p{N}_%+-]+`;
// Providers shoppers name when they spell an address out loud ("jane at gmail").
const PROVIDERS = String.raw`(?:gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|icloud|me|mac|aol|proton|protonmail|gmx|web|orange|free|sfr|laposte|wanadoo|libero|mail|yandex|zoho|btinternet|sky|comcast|verizon|t-online)`;

const EMAIL_PLAIN = new RegExp(String.raw`[^\s@]+\s*@\s*[^\s@]+(?:${DOT}${LABEL})*`, "gu");
// "jane dot doe at gmail dot com", "jane(at)shop(dot)fr": a spelled-out at, and a domain with a spelled dot or a
// bracketed at (so "buy at amazon.com" stays a search).
const EMAIL_SPELLED = new RegExp(
  String.raw`${LABEL}(?:${DOT}${LABEL})*(?:${AT}${LABEL}(?:${DOT}${LABEL})*\s+dot\s+\p{L}{2,}|\s*[([{]\s*(?:at|arobase)\s*[)\]}]\s*${LABEL}(?:${DOT}${LABEL})*)`,
  "giu",
);
// "jane.doe at gmail.com", "jane at gmail": a spelled-out at before a mail provider.
const EMAIL_PROVIDER = new RegExp(
  String.raw`${LABEL}(?:${DOT}${LABEL})*${AT}${PROVIDERS}(?:${DOT}\p{L}{2,})*(?![\p{L}\p{N}])`,
  "giu",
);

const CVV = new RegExp(
  String.raw`\b(?:cvv2?|cvc2?|cv2|csc|cid|security code|card code|code de s[ée]curit[ée]|cryptogramme(?: visuel)?|pr[üu]fnummer|c[óo]digo de seguridad|codice di sicurezza)\W{0,3}\d{3,4}\b`,
  "giu",
);
const EXPIRY = new RegExp(
  String.raw`\b(?:exp(?:iry|ires|iration)?|valid(?: thru| until)?|expire[sd]?|ablauf|caducidad|scadenza)\W{0,3}\d{1,2}\s*[/.-]\s*\d{2,4}\b`,
  "giu",
);
const CARD_CANDIDATE = /(?<![\d+])\d(?:[ -]?\d){12,18}(?!\d)/g;

const STREET_TYPES = String.raw`(?:street|st|road|rd|avenue|ave|av|boulevard|blvd|lane|ln|drive|dr|court|ct|place|pl|square|sq|way|terrace|close|crescent|cres|highway|hwy|parkway|pkwy|gardens|grove|mews|row|walk)`;
// Words that end a search's meaning, never part of a street name: "2 pairs on the way" stays.
const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "my",
  "your",
  "our",
  "on",
  "in",
  "at",
  "to",
  "for",
  "of",
  "and",
  "or",
  "is",
  "are",
  "was",
  "it",
  "this",
  "that",
  "with",
  "by",
  "from",
  "not",
  "no",
  "me",
  "i",
  "you",
  "we",
  "they",
  "be",
  "been",
  "has",
  "have",
  "still",
  "all",
  "any",
  "some",
  "what",
  "when",
  "where",
  "how",
  "why",
  "can",
  "do",
  "does",
  "did",
  "order",
  "orders",
  "items",
  "item",
  "pairs",
  "pair",
  "days",
  "day",
  "weeks",
  "week",
  "size",
  "sizes",
  "return",
  "returns",
  "refund",
  "delivery",
  "shipping",
  "package",
  "parcel",
  "track",
  "tracking",
  "exchange",
  "please",
  "help",
]);
const ADDRESS_NUMBER_FIRST = new RegExp(
  String.raw`\b\d{1,5}[a-z]?(?:\s*(?:bis|ter))?,?\s+((?:${W}\s+){0,3})${STREET_TYPES}\b\.?`,
  "giu",
);
const ADDRESS_TYPE_FIRST = new RegExp(
  String.raw`(?:\b\d{1,5}[a-z]?(?:\s*(?:bis|ter))?,?\s+)?\b(?:rue|avenue|av|boulevard|bd|chemin|all[ée]e|impasse|place|quai|route|calle|avenida|paseo|plaza|carrer|via|viale|piazza|corso|rua|travessa|straat|laan|plein|gracht)\s+((?:(?:de|du|des|la|le|les|del|della|di|da|do|dos|l'|d')\s*)*)(${W})(?:\s*,?\s*\d{1,5}[a-z]?\b)?`,
  "giu",
);
const ADDRESS_GERMAN = new RegExp(
  String.raw`\b${W}(?:stra(?:ß|ss)e|str\.|weg|gasse|platz|allee|ring|damm|ufer|chaussee|steig)\s*\d{1,4}[a-z]?\b`,
  "giu",
);
const ADDRESS_UNIT =
  /\b(?:apt|apartment|flat|unit|suite|ste|appartement|appt|wohnung|piso|po box|p\.o\. box|postfach|bp)\.?\s*#?\s*\d+[a-z]?\b/giu;

const POSTCODES = [
  // UK, e.g. "SW1A 1AA", "M1 1AE", "GIR 0AA".
  /\b(?:gir ?0aa|[a-pr-uwyz][a-hk-y]?\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2})\b/giu,
  // Canada, e.g. "K1A 0B1".
  /\b[abceghj-nprstvxy]\d[abceghj-nprstv-z] ?\d[abceghj-nprstv-z]\d\b/giu,
  // Ireland (Eircode), e.g. "D02 X285", "A65 F4E2".
  /\b(?:[ac-fhknprtv-y]\d{2}|d6w) ?[\dac-fhknprtv-y]{4}\b/giu,
  // The Netherlands, e.g. "1012 AB" (before the digits are taken as a number), not "1000 ml" or "2024 to".
  /\b[1-9]\d{3} (?!(?:sa|sd|ss|ml|mm|cm|km|kg|mg|gb|tb|mb|mi|am|pm|to|by|in|on|at|or|is|et|en|de|op|im)\b)[a-z]{2}\b/giu,
  /\b[1-9]\d{3}[A-Z]{2}\b/gu,
  // Poland, e.g. "00-950".
  /\b\d{2}-\d{3}\b/gu,
];

const ORDER_REF = /#\s*[\p{L}\p{N}-]+/gu;
const LONG_NUMBER = /\+?\d[\d\s().-]{2,}\d/g;

const NAME_CUES = new RegExp(
  String.raw`\b(?:my name is|my name's|name is|name:|named|called|je m'appelle|je m’appelle|mon nom est|mein name ist|ich hei(?:ß|ss)e|me llamo|mi nombre es|mi chiamo|mijn naam is|ik heet|mr|mrs|ms|miss|mx|dr\.|sir|madam|madame|mme|mlle|monsieur|herr|frau|se[ñn]or|se[ñn]ora|sr|sra|signor|signora|sig|dhr|mevr)\.?\s+(${W})(?:\s+(${W}))?`,
  "giu",
);

// Common given names across the shop languages, leaving out those that are also ordinary words or product names
// (may, june, grace, rose, mark, will, jack, max, jean…): these still go when a cue names them ("my name is").
const GIVEN_NAMES = new Set(
  (
    "aaron abdul abigail adam adrian agnieszka ahmed aisha alberto alejandro alessandro alexander alexandra alexis " +
    "alice alicia alison amanda amelia amir ana andrea andreas andrew angela anna anne annika anthony antoine antonio " +
    "arjun arthur ashley aurelie barbara beatriz benjamin bernard brian camille carlos carmen caroline catherine " +
    "charlotte chiara chloe christina christine christopher claire claudia daniel daniela david deborah denise diana " +
    "diego dimitri dominique dorothy edward elena elisa elizabeth ella emily emilia emma enzo eric erik esther " +
    "fatima federico felipe fernando florian francesca francesco francisco francois françois gabriel gabriela " +
    "giovanni giulia giuseppe guillaume hannah hans heinrich helen helena henrik hugo isabel isabella isabelle jacob " +
    "jacques jakub james jane janet jason javier jennifer jeremy jessica joanna johannes john jonathan jorge jose " +
    "josé joseph joshua juan julia julian juliette justin karen karin katarzyna katherine kathleen kenneth kevin " +
    "kimberly klaus laura lauren leonardo liam linda lorenzo louise luca lucas lucia lukas manuel marco margaret " +
    "maria marie marina mario martina mateo matteo matthew matthias maximilian mehmet melissa michael michelle " +
    "miguel mohamed mohammed muhammad nathalie nathan nicolas nicole noah olivia oliver pablo patricia patrick paul " +
    "paula pedro peter philippe pierre priya rachel rafael raphael rebecca richard roberto robert sabine samantha " +
    "samuel sandra sara sarah sebastian sergio sharon simone sofia sophie sophia stefan stefano stephanie steven " +
    "susan svetlana thomas timothy valentina vanessa victoria vincent william wojciech yasmin yusuf zoe"
  ).split(" "),
);
// Brands named after people that shoppers search for; their given name stays.
const BRANDS = new Set([
  "michael kors",
  "hugo boss",
  "christian dior",
  "christian louboutin",
  "thomas sabo",
  "paul smith",
]);

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

const isStopWord = (word: string | undefined) => word === undefined || STOP_WORDS.has(word.toLowerCase());

function scrubNames(text: string): string {
  const cued = text.replace(NAME_CUES, (match, first: string, second: string | undefined) => {
    const cue = match.slice(0, match.length - (second ? `${first} ${second}`.length : first.length)).trimEnd();
    if (isStopWord(first)) return match;
    return `${cue} [name]${second && isStopWord(second) ? ` ${second}` : ""}`;
  });
  const words = cued.split(/(\s+)/);
  for (let i = 0; i < words.length; i += 2) {
    const word = (words[i] ?? "").toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
    if (!GIVEN_NAMES.has(word)) continue;
    const next = words[i + 2]?.toLowerCase().replace(/[^\p{L}'’-]+$/u, "");
    if (next && BRANDS.has(`${word} ${next}`)) continue;
    words[i] = "[name]";
    // The surname: the next word, unless it is a word of the search itself ("emma order" keeps "order").
    if (next && /^\p{L}/u.test(next) && !isStopWord(next) && !next.startsWith("[")) {
      words[i + 1] = "";
      words[i + 2] = "";
    }
  }
  return words.join("");
}

/**
 * Query text without personal data (see the rules above), whitespace collapsed, lower-cased and bounded. "Where
 * is my order #1042 jane@example.com" is stored as "where is my order [order] [email]".
 */
export function scrubQuery(text: string): string {
  let scrubbed = text
    .normalize("NFKC")
    .replace(EMAIL_PLAIN, " [email] ")
    .replace(EMAIL_SPELLED, " [email] ")
    .replace(EMAIL_PROVIDER, " [email] ")
    .replace(ORDER_REF, " [order] ")
    .replace(CVV, " [cvv] ")
    .replace(EXPIRY, " [expiry] ")
    .replace(CARD_CANDIDATE, (match) => (luhn(match.replace(/\D/g, "")) ? " [card] " : match))
    .replace(ADDRESS_UNIT, " [address] ")
    .replace(ADDRESS_GERMAN, " [address] ")
    .replace(ADDRESS_NUMBER_FIRST, (match, between: string) =>
      between.split(/\s+/).some((word) => word && isStopWord(word)) ? match : " [address] ",
    )
    .replace(ADDRESS_TYPE_FIRST, (match, particles: string, name: string) =>
      isStopWord(name) && !particles ? match : " [address] ",
    );
  for (const postcode of POSTCODES) scrubbed = scrubbed.replace(postcode, " [postcode] ");
  scrubbed = scrubbed.replace(LONG_NUMBER, (match) => (match.replace(/\D/g, "").length >= 4 ? " [number] " : match));
  return scrubNames(scrubbed)
    .replace(/\s+/g, " ")
    .replace(/ ([?!.,;:])/g, "$1")
    .trim()
    .toLowerCase()
    .slice(0, MAX_QUERY_LENGTH);
}
