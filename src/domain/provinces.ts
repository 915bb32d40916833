// The 31 provinces of Iran. Volunteers and statistics are organised by province, so the codes
// are stored and must never change; the names are for display.

export type ProvinceLocale = "fa" | "en" | "sq";

export interface Province {
  code: string;
  names: Readonly<Record<ProvinceLocale, string>>;
}

// Albanian names follow Albanian spelling (xh = j, ç = ch, j = y) and were not reviewed by a
// native speaker.
const PROVINCES = [
  { code: "alborz", names: { fa: "البرز", en: "Alborz", sq: "Alborz" } },
  { code: "ardabil", names: { fa: "اردبیل", en: "Ardabil", sq: "Ardabil" } },
  { code: "bushehr", names: { fa: "بوشهر", en: "Bushehr", sq: "Bushehr" } },
  {
    code: "chaharmahal_bakhtiari",
    names: { fa: "چهارمحال و بختیاری", en: "Chaharmahal and Bakhtiari", sq: "Çaharmahal dhe Bakhtiari" },
  },
  { code: "east_azerbaijan", names: { fa: "آذربایجان شرقی", en: "East Azerbaijan", sq: "Azerbajxhani Lindor" } },
  { code: "fars", names: { fa: "فارس", en: "Fars", sq: "Fars" } },
  { code: "gilan", names: { fa: "گیلان", en: "Gilan", sq: "Gilan" } },
  { code: "golestan", names: { fa: "گلستان", en: "Golestan", sq: "Golestan" } },
  { code: "hamadan", names: { fa: "همدان", en: "Hamadan", sq: "Hamadan" } },
  { code: "hormozgan", names: { fa: "هرمزگان", en: "Hormozgan", sq: "Hormozgan" } },
  { code: "ilam", names: { fa: "ایلام", en: "Ilam", sq: "Ilam" } },
  { code: "isfahan", names: { fa: "اصفهان", en: "Isfahan", sq: "Isfahan" } },
  { code: "kerman", names: { fa: "کرمان", en: "Kerman", sq: "Kerman" } },
  { code: "kermanshah", names: { fa: "کرمانشاه", en: "Kermanshah", sq: "Kermanshah" } },
  { code: "khorasan_razavi", names: { fa: "خراسان رضوی", en: "Razavi Khorasan", sq: "Khorasani Razavi" } },
  { code: "khuzestan", names: { fa: "خوزستان", en: "Khuzestan", sq: "Khuzestan" } },
  {
    code: "kohgiluyeh_boyer_ahmad",
    names: { fa: "کهگیلویه و بویراحمد", en: "Kohgiluyeh and Boyer-Ahmad", sq: "Kohgilujeh dhe Bojer-Ahmad" },
  },
  { code: "kurdistan", names: { fa: "کردستان", en: "Kurdistan", sq: "Kurdistan" } },
  { code: "lorestan", names: { fa: "لرستان", en: "Lorestan", sq: "Lorestan" } },
  { code: "markazi", names: { fa: "مرکزی", en: "Markazi", sq: "Markazi" } },
  { code: "mazandaran", names: { fa: "مازندران", en: "Mazandaran", sq: "Mazandaran" } },
  { code: "north_khorasan", names: { fa: "خراسان شمالی", en: "North Khorasan", sq: "Khorasani Verior" } },
  { code: "qazvin", names: { fa: "قزوین", en: "Qazvin", sq: "Kazvin" } },
  { code: "qom", names: { fa: "قم", en: "Qom", sq: "Kom" } },
  { code: "semnan", names: { fa: "سمنان", en: "Semnan", sq: "Semnan" } },
  {
    code: "sistan_baluchestan",
    names: { fa: "سیستان و بلوچستان", en: "Sistan and Baluchestan", sq: "Sistan dhe Beluçistan" },
  },
  { code: "south_khorasan", names: { fa: "خراسان جنوبی", en: "South Khorasan", sq: "Khorasani Jugor" } },
  { code: "tehran", names: { fa: "تهران", en: "Tehran", sq: "Teheran" } },
  {
    code: "west_azerbaijan",
    names: { fa: "آذربایجان غربی", en: "West Azerbaijan", sq: "Azerbajxhani Perëndimor" },
  },
  { code: "yazd", names: { fa: "یزد", en: "Yazd", sq: "Jazd" } },
  { code: "zanjan", names: { fa: "زنجان", en: "Zanjan", sq: "Zanxhan" } },
] as const satisfies readonly Province[];

export type ProvinceCode = (typeof PROVINCES)[number]["code"];

const BY_CODE: ReadonlyMap<string, Province> = new Map(PROVINCES.map((p) => [p.code, p]));

/** All provinces, ordered by code (callers sort by localised name for display). */
export function listProvinces(): readonly Province[] {
  return PROVINCES;
}

export function isProvinceCode(s: string): s is ProvinceCode {
  return BY_CODE.has(s);
}

/**
 * The province's name in a locale ("fa-IR" counts as "fa"); English for other locales.
 * An unknown code (stale data) is shown as it is rather than breaking the message.
 */
export function provinceName(code: string, locale: string): string {
  const province = BY_CODE.get(code);
  if (!province) return code;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return base === "fa" || base === "sq" ? province.names[base] : province.names.en;
}
