// Counts in the reader's digits: Persian digits and separators for fa ("۱۲٬۳۴۵").

export type NumberFormat = (n: number) => string;

export function numberFormat(locale: string): NumberFormat {
  const intl = new Intl.NumberFormat(locale === "fa" ? "fa-IR" : locale);
  return (n) => intl.format(n);
}
