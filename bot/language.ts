import { tokenize } from './nlu/normalize';
import type { Locale } from '../cards/i18n';

// Folded (no diacritics) common words; a message is judged by which list it hits more. The
// commands both languages type ("menu", "help") decide nothing: they would flip the language mid-path.
const TURKISH = new Set([
  'kart', 'kartim', 'kartimi', 'kartin', 'imza', 'eimza', 'eimzam', 'sifre', 'sifrem', 'sifremi', 'yeni', 'yenileme', 'yenile',
  'kayip', 'kaybettim', 'calindi', 'kilit', 'kilitlendi', 'cozme', 'merhaba', 'selam', 'nasil', 'nedir', 'ne', 'yardim', 'ucret',
  'ucreti', 'kim', 'oder', 'oduyor', 'bir', 've', 'ile', 'icin', 'mi', 'mu', 'var', 'yok', 'evet', 'hayir', 'tamam', 'bilgisayarimi',
  'istiyorum', 'olmuyor', 'gun', 'suresi', 'doldu', 'doluyor', 'takildim', 'iptal', 'kurumdan', 'ayriliyorum',
]);
const ENGLISH = new Set([
  'the', 'my', 'i', 'is', 'it', 'how', 'what', 'when', 'who', 'do', 'does', 'can', 'card', 'lost', 'stolen', 'locked', 'unlock',
  'renew', 'renewal', 'new', 'hello', 'hi', 'pays', 'pay', 'fee', 'fees', 'expire', 'expires', 'yes', 'no', 'please',
  'a', 'to', 'of', 'and', 'for', 'with', 'person', 'talk', 'security', 'word', 'cancel', 'stuck',
]);

/**
 * The language a message is written in, when it says: Turkish letters, or more common Turkish
 * than English words. Undefined for a button press, a number or a tie. Staff often run Teams in
 * English and still write Turkish: what they write wins over the client's setting.
 */
export function detectLanguage(text: string | undefined): Locale | undefined {
  if (!text?.trim()) return undefined;
  if (/[çğıöşüİĞŞÇÖÜ]/.test(text)) return 'tr';
  const words = tokenize(text);
  const turkish = words.filter((word) => TURKISH.has(word)).length;
  const english = words.filter((word) => ENGLISH.has(word)).length;
  if (turkish === english) return undefined;
  return turkish > english ? 'tr' : 'en';
}
