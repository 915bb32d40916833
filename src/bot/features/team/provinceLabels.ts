import { provinceName } from "../../../domain/provinces.js";

export async function provinceList(ctx: { i18n: { getLocale(): Promise<string> } }, codes: readonly string[]): Promise<string> {
  const locale = await ctx.i18n.getLocale();
  return codes.map((code) => provinceName(code, locale)).join(locale === "fa" ? "، " : ", ");
}
