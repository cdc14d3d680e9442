/** Inflected forms that must reach the same stem as their root (folded input). */
export const SAME_STEM_ROWS: readonly (readonly string[])[] = [
  ['kart', 'karti', 'kartimi', 'kartimin', 'kartini'],
  ['sifre', 'sifremi', 'sifresi', 'sifresini'],
  ['unuttum', 'unutum', 'unuttun'],
  ['eslestir', 'eslestirmek', 'eslestirir'],
  ['yenile', 'yenilemek', 'yenileme'],
  ['ucret', 'ucreti', 'ucretini'],
];

/** Pairs that must stay apart. */
export const DIFFERENT_STEM_ROWS: readonly (readonly [string, string])[] = [
  ['yeni', 'yenilemek'],
  ['kart', 'kar'],
];
