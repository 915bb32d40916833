// Counts in the reader's digits: Persian digits and separators for fa ("۱۲٬۳۴۵").

export type NumberFormat = (n: number) => string;

export function numberFormat(locale: string): NumberFormat {
  const intl = new Intl.NumberFormat(locale === "fa" ? "fa-IR" : locale);
  return (n) => intl.format(n);
}

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";

/** A case reference ("1234-5678-9") in the reader's digits, as the chat writes it. */
export function referenceIn(locale: string, reference: string): string {
  return locale === "fa" ? reference.replace(/[0-9]/g, (d) => PERSIAN_DIGITS[Number(d)]!) : reference;
}
