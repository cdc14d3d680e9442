const DIACRITICS: Record<string, string> = { ı: 'i', ş: 's', ğ: 'g', ç: 'c', ö: 'o', ü: 'u', â: 'a', î: 'i', û: 'u' };

/**
 * Lower-cases the Turkish way (İ→i, I→ı) and then drops the diacritics, so "KİLİT ÇÖZME",
 * "kilit cozme" and "Kilit Çözme" all become "kilit cozme".
 */
export function foldTurkish(text: string): string {
  return text
    .toLocaleLowerCase('tr-TR')
    .replace(/[ışğçöüâîû]/g, (letter) => DIACRITICS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}
