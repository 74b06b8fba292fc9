/** Heading slugs as Streamlit 1.67 spells them (learned from its output, character by
 * character): letters of Latin, Greek, Cyrillic, Armenian, Georgian and Arabic scripts are
 * spelled in ASCII, accents dropped, words split at camelCase and joined by dashes; text left
 * with no ASCII letter or digit (Chinese, Japanese, Hebrew, emoji only...) gets its xxHash32. */

// Each entry is one character followed by its spelling, "|" between entries. Characters that
// only lose their accents (é, ñ...) are not listed: decomposing them does that.
const SPELLINGS =
  "¢c|¥Y|ÄAe|ÆAE|ÐD|ÖOe|ØO|ÜUe|ÞTH|ßss|äae|æae|ðd|öoe|øo|üue|þth|ĐD|đd|ĦH|ħh|ıi|ĲIJ|ĳij|ŁL|łl|ŒOE|" +
  "œoe|ƏA|ΆA|ΈE|ΉI|ΊI|ΌO|ΎY|ΏO|ΐi|ΑA|ΒB|ΓG|ΔD|ΕE|ΖZ|ΗI|ΘTH|ΙI|ΚK|ΛL|ΜM|ΝN|ΞKS|ΟO|ΠP|ΡR|ΣS|ΤT|ΥY|ΦF|" +
  "ΧX|ΨPS|ΩO|ΪI|ΫY|άa|έe|ήi|ίi|ΰy|αa|βv|γg|δd|εe|ζz|ηi|θth|ιi|κk|λl|μm|νn|ξks|οo|πp|ρr|ςs|σs|τt|υy|" +
  "φf|χx|ψps|ωo|ϊi|ϋy|όo|ύy|ώo|ЁYo|ЄYe|ІI|ЇYi|ЉLj|ЊNj|ЌKj|АA|БB|ВV|ГG|ДD|ЕE|ЖZh|ЗZ|ИI|ЙY|КK|ЛL|МM|" +
  "НN|ОO|ПP|РR|СS|ТT|УU|ФF|ХKh|ЦTs|ЧCh|ШSh|ЩSch|ЫY|ЭE|ЮYu|ЯYa|аa|бb|вv|гg|дd|еe|жzh|зz|иi|йy|кk|лl|" +
  "мm|нn|оo|пp|рr|сs|тt|уu|фf|хkh|цts|чch|шsh|щsch|ыy|эe|юyu|яya|ёyo|єye|іi|їyi|љlj|њnj|ќkj|ҐG|ґg|" +
  "ԱA|ԲB|ԳG|ԴD|ԵYe|ԶZ|ԷE|ԸY|ԹT|ԺZh|ԻI|ԼL|ԽKh|ԾTs|ԿK|ՀH|ՁDz|ՂGh|ՃTch|ՄM|ՅY|ՆN|ՇSh|ՈVo|ՉCh|ՊP|ՋJ|ՌR|" +
  "ՍS|ՎV|ՏT|ՐR|ՑC|ՓP|ՔQ|ՕO|ՖF|աa|բb|գg|դd|եye|զz|էe|ըy|թt|ժzh|իi|լl|խkh|ծts|կk|հh|ձdz|ղgh|ճtch|մm|" +
  "յy|նn|շsh|ոvo|չch|պp|ջj|ռr|սs|վv|տt|րr|ցc|փp|քq|օo|ֆf|ևyev|ءe|آa|أa|ؤw|إa|ئy|اa|بb|ةt|تt|ثth|جj|" +
  "حh|خkh|دd|ذdh|رr|زz|سs|شsh|صs|ضd|طt|ظz|عe|غgh|فf|قq|كk|لl|مm|نn|هh|وw|ىa|يy|ُu|٠0|١1|٢2|٣3|٤4|" +
  "٥5|٦6|٧7|٨8|٩9|ٹt|ټp|پp|ځz|څc|چch|ڈd|ډd|ڑr|ړr|ږg|ژzh|ښx|کk|ګg|گg|ںn|ڼn|ھh|ۀe|ہh|یy|ۍai|ېe|ےe|۰0|" +
  "۱1|۲2|۳3|۴4|۵5|۶6|۷7|۸8|۹9|აa|ბb|გg|დd|ეe|ვv|ზz|თt|იi|კk|ლl|მm|ნn|ოo|პp|ჟzh|რr|სs|ტt|უu|ფph|ქq|" +
  "ღgh|ყk|შsh|ჩch|ცts|ძdz|წts|ჭtch|ხkh|ჯj|ჰh|ẞSs|άa|έe|ήi|ίi|όo|ύy|ώo|ΆA|ιi|ΈE|ΉI|ΐi|ΊI|ΰy|ΎY|ΌO|" +
  "ΏO|₠CE|₡C|₢Cr|₣F|₥m|₦N|₧Pt|₨Rs|₩W|₫s|€E|₭K|₮T|₯Dp|₰S|₱P|₲G|₳A|₴S|₵C|₶tt|₷S|₸T|₹R|₺L|₽P|₿B|ΩO|①1|" +
  "②2|③3|④4|⑤5|⑥6|⑦7|⑧8|⑨9|⑩10|⑪11|⑫12|⑬13|⑭14|⑮15|⑯16|⑰17|⑱18|⑲19|⑳20|⑴1|⑵2|⑶3|⑷4|⑸5|⑹6|⑺7|⑻8|⑼9|" +
  "⑽10|⑾11|⑿12|⒀13|⒁14|⒂15|⒃16|⒄17|⒅18|⒆19|⒇20|⒈1.|⒉2.|⒊3.|⒋4.|⒌5.|⒍6.|⒎7.|⒏8.|⒐9.|⒑10.|⒒11.|⒓12.|" +
  "⒔13.|⒕14.|⒖15.|⒗16.|⒘17.|⒙18.|⒚19.|⒛20.|⒜ a |⒝ b |⒞ c |⒟ d |⒠ e |⒡ f |⒢ g |⒣ h |⒤ i |⒥ j |⒦ k |" +
  "⒧ l |⒨ m |⒩ n |⒪ o |⒫ p |⒬ q |⒭ r |⒮ s |⒯ t |⒰ u |⒱ v |⒲ w |⒳ x |⒴ y |⒵ z |Ⓐ a |Ⓑ b |Ⓒ c |Ⓓ d |" +
  "Ⓔ e |Ⓕ f |Ⓖ g |Ⓗ h |Ⓘ i |Ⓙ j |Ⓚ k |Ⓛ l |Ⓝ n |Ⓞ o |Ⓟ p |Ⓠ q |Ⓡ r |Ⓢ s |Ⓣ t |Ⓤ u |Ⓥ v |Ⓦ w |Ⓧ x |" +
  "Ⓨ y |Ⓩ z |ⓐ a |ⓑ b |ⓒ c |ⓓ d |ⓔ e |ⓕ f |ⓖ g |ⓗ h |ⓘ i |ⓙ j |ⓚ k |ⓛ l |ⓜ m |ⓝ n |ⓞ o |ⓟ p |ⓠ q |" +
  "ⓡ r |ⓢ s |ⓣ t |ⓤ u |ⓥ v |ⓦ w |ⓧ x |ⓨ y |ⓩ z |⓪0|⓫11|⓬12|⓭13|⓮14|⓯15|⓰16|⓱17|⓲18|⓳19|⓴20|⓵1|⓶2|" +
  "⓷3|⓸4|⓹5|⓺6|⓻7|⓼8|⓽9|⓾10|⓿0|♥ love |& and |əa|🦄 unicorn |Ъ|Ь|ъ|ь";

const SPELLED = new Map<string, string>(
  [..."& and |♥ love |🦄 unicorn ".split("|"), ...SPELLINGS.split("|")].map((entry) => {
    const key = String.fromCodePoint(entry.codePointAt(0) ?? 0);
    return [key, entry.slice(key.length)] as const;
  }),
);

function spell(text: string): string {
  let out = "";
  for (const c of text) out += SPELLED.get(c) ?? c;
  return out;
}

/** A heading's id: its text in lower-case ASCII words joined by dashes ("Crème brûlée" is
 * `creme-brulee`, "fooBar" `foo-bar`, "C++ & C#" `c-and-c`); text with no such letters gets a
 * hash of itself ("中文标题" is `35164214`), as Streamlit does. */
export function slugify(text: string): string {
  const words = spell(text.normalize())
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .normalize()
    .replace(/\p{Dash_Punctuation}/gu, "-")
    // Words inside camelCase and acronyms: fooBar, HTTPServer, ID42.
    .replace(/([A-Z]{2})(\d+)/g, "$1 $2")
    .replace(/([a-z\d])([A-Z])/g, "$1 $2")
    .replace(/([A-Z])([A-Z](?!s(?![a-z]))[a-z\d]+)/g, "$1 $2")
    .toLowerCase()
    // "it's" is one word
    .replace(/([a-z\d])['\u2019]([ts])(?![a-z\d])/g, "$1$2");
  const slug = words.replace(/[^a-z\d]+/g, "-").replace(/^-+|-+$/g, "");
  return slug || (text ? xxHash32(text, 0xabcd).toString(16) : "");
}

const PRIME1 = 0x9e3779b1;
const PRIME2 = 0x85ebca77;
const PRIME3 = 0xc2b2ae3d;
const PRIME4 = 0x27d4eb2f;
const PRIME5 = 0x165667b1;

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r));
const round = (acc: number, lane: number): number => Math.imul(rotl((acc + Math.imul(lane, PRIME2)) | 0, 13), PRIME1);

/** The 32-bit xxHash of a string's UTF-8 bytes (the algorithm as its specification states it). */
export function xxHash32(text: string, seed: number): number {
  const bytes = new TextEncoder().encode(text);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  let i = 0;
  let h: number;
  if (n >= 16) {
    let v1 = (seed + PRIME1 + PRIME2) | 0;
    let v2 = (seed + PRIME2) | 0;
    let v3 = seed | 0;
    let v4 = (seed - PRIME1) | 0;
    for (; i + 16 <= n; i += 16) {
      v1 = round(v1, view.getUint32(i, true));
      v2 = round(v2, view.getUint32(i + 4, true));
      v3 = round(v3, view.getUint32(i + 8, true));
      v4 = round(v4, view.getUint32(i + 12, true));
    }
    h = (rotl(v1, 1) + rotl(v2, 7) + rotl(v3, 12) + rotl(v4, 18)) | 0;
  } else {
    h = (seed + PRIME5) | 0;
  }
  h = (h + n) | 0;
  for (; i + 4 <= n; i += 4) h = Math.imul(rotl((h + Math.imul(view.getUint32(i, true), PRIME3)) | 0, 17), PRIME4);
  for (; i < n; i++) h = Math.imul(rotl((h + Math.imul(bytes[i] ?? 0, PRIME5)) | 0, 11), PRIME1);
  h = Math.imul(h ^ (h >>> 15), PRIME2);
  h = Math.imul(h ^ (h >>> 13), PRIME3);
  return (h ^ (h >>> 16)) >>> 0;
}
