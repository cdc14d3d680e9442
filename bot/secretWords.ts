/**
 * The words the secret scanner (bot/secrets.ts) reads a number or a value by, folded (lower case, no
 * diacritics: "şifre" → "sifre"). Data, not logic: add a word here when people name a number another way.
 */

/** Words that make the number after (or just before) them a PIN, PUK or password. Matched as word starts. */
export const SECRET_HEADS = ['pin', 'puk', 'sifre', 'parola', 'password', 'passcode', 'passwd', 'passw'];

/** Words that name a code only on their own ("kodum 482913"); after another head word they are part of it ("hata kodu", "pin kodu"). */
export const CODE_WORDS = ['kod', 'code'];

/** Words that give the number after them another meaning: phones, extensions, dates, references, errors, places. */
export const OTHER_HEADS = [
  'tel', 'telefon', 'phone', 'gsm', 'cep', 'mobil', 'mobile', 'dahili', 'ext', 'extension', 'faks', 'fax', 'hat',
  'hata', 'error', 'posta', 'postal', 'zip', 'alan', 'area',
  'oda', 'room', 'kat', 'floor', 'sayfa', 'page', 'madde', 'adim', 'step', 'sira', 'talep', 'ticket', 'bilet', 'kayit',
  'sicil', 'personel', 'fatura', 'invoice', 'iban', 'hesap', 'account', 'seri', 'serial', 'siparis', 'order', 'referans',
  'reference', 'ref', 'versiyon', 'version', 'surum', 'model', 'plaka', 'port', 'bina', 'blok', 'kapi', 'urun', 'product',
  'indirim', 'kupon', 'vergi', 'kargo', 'takip', 'tracking', 'dosya', 'file', 'evrak', 'belge', 'sayili', 'dilekce',
  'ilce', 'okul', 'kurum', 'birim', 'masa', 'ip', 'fiyat', 'ucret', 'price', 'cagri', 'callcenter', 'school', 'institution',
  'department', 'customer', 'employee', 'staff', 'student', 'barkod', 'barcode', 'police', 'sozlesme', 'contract', 'abone',
  'musteri', 'ogrenci', 'mebbis', 'meb', 'ornegin', 'mesela', 'example', 'versiyon', 'build', 'sinif', 'kampus',
];

/** Heads that name a number only when it has the shape they name: "doğum yılım 1985", but "yılımı değil 4668". */
export const TIME_HEADS = ['yil', 'sene', 'year', 'tarih', 'date', 'saat', 'time'];

/** Words that can stand before "kod"/"code" without naming another code: "my code", "yeni kodum". */
export const CODE_OWNERS = new Set([
  'my', 'the', 'your', 'a', 'this', 'that', 'new', 'old', 'benim', 'senin', 'yeni', 'eski', 'bu', 'su', 'o', 'gelen', 'is',
  'sms', 'onay', 'dogrulama', 'verification', 'access', 'erisim', 'giris', 'login', 'imza', 'eimza', 'kart', 'card', 'guvenlik',
  'security', 'gizli', 'secret', 'kisisel', 'personal', 'akis',
]);

/** Words for a T.C. number: 11 digits after them are taken for one even if they fail the checksum. */
export const TCKN_HEADS = ['tc', 'tckn', 'tcno', 'kimlik', 'identity', 'national'];

/** A number followed by one of these counts something or names a time: "3 kere", "1500 TL", "2024 yılında". */
export const UNIT_WORDS = [
  'kez', 'kere', 'defa', 'sefer', 'gun', 'hafta', 'ay', 'yil', 'sene', 'saat', 'dakika', 'dk', 'saniye', 'sn',
  'tl', 'lira', 'kurus', 'try', 'euro', 'avro', 'dolar', 'usd', 'adet', 'tane', 'kisi', 'hane', 'karakter', 'rakam',
  'sayfa', 'times', 'time', 'day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years', 'hour', 'hours',
  'minute', 'minutes', 'second', 'seconds', 'digit', 'digits', 'tries', 'attempt', 'attempts', 'kb', 'mb', 'gb', 'km',
  'numarali', 'nolu', 'sayili', 'tarih', 'itibaren', 'beri', 'model', 'yilinda', 'gunu', 'gibi', 'like',
  'ocak', 'subat', 'mart', 'nisan', 'mayis', 'haziran', 'temmuz', 'agustos', 'eylul', 'ekim', 'kasim', 'aralik',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];

/** A number followed by one of these is a phone number: "444 5 576'yı aradım". */
export const CALL_WORDS = ['ara', 'call', 'ring'];

/** Month names: a 4-digit number next to one is a year. */
export const MONTHS = UNIT_WORDS.slice(UNIT_WORDS.indexOf('ocak'));

/** Turkish suffixes glued to a number that make it a time, an order or a count: "2024'te", "3'üncü", "6 haneli". */
export const NUMBER_SUFFIX_NOT_CODE = /^(?:de|da|te|ta|den|dan|ten|tan|inci|nci|uncu|ncu|nd|th|st|rd|li|lu|lik|luk|lerde|larda|lerden|lardan)$/;

/** Words naming a güvenlik sözcüğü (first word, then a word start of the second). */
export const SECURITY_WORD_HEADS: [string, string[]][] = [
  ['guv', ['soz', 'kelime', 'sifre', 'parola']],
  ['security', ['word', 'phrase']],
  ['secret', ['word', 'phrase']],
  ['gizli', ['soz', 'kelime']],
];

/** Words that introduce a value: "güvenlik sözcüğüm şu: X", "my security word is X". */
export const VALUE_INTRODUCERS = new Set(['su', 'soyle', 'is', 'was', 'olarak', 'ise', 'de', 'da', 'hala', 'yine', 'artik', 'eskiden']);

/**
 * Words that follow the name of a güvenlik sözcüğü when someone talks about it rather than tells it
 * ("güvenlik sözcüğümü unuttum", "guvenlik sozcugu nedir"). A value is never one of these.
 */
export const NOT_A_VALUE = new Set([
  'ne', 'nedir', 'neydi', 'nedi', 'neymis', 'nerede', 'nerde', 'nereden', 'nasil', 'niye', 'neden', 'mi', 'mu', 'midir', 'misin',
  'yanlis', 'dogru', 'hatali', 'gecersiz', 'kabul', 'unuttum', 'unuttu', 'unutmusum', 'unuttuk', 'bilmiyorum', 'hatirlamiyorum',
  'hatirlayamiyorum', 'degisti', 'degismis', 'lazim', 'gerekli', 'gerek', 'gerekiyor', 'isteniyor', 'istiyor', 'soruluyor', 'soruyor',
  'icin', 'ile', 've', 'veya', 'ya', 'ki', 'bu', 'o', 'hakkinda', 'konusunda', 'sorunu', 'problemi', 'hatasi', 'ekrani', 'alani',
  'kutusu', 'sayfasi', 'kismi', 'kilitlendi', 'calismiyor', 'olmuyor', 'tutmuyor', 'uyusmuyor', 'eslesmiyor', 'yok', 'var', 'ayni',
  'farkli', 'nedir', 'gelmedi', 'gelmiyor', 'girilmiyor', 'giremiyorum', 'olarak', 'bir', 'nerden', 'kimde', 'kim', 'hangisi',
  'what', 'whats', 'wrong', 'forgot', 'forgotten', 'lost', 'not', 'how', 'where', 'reset', 'change', 'for', 'the', 'a', 'an',
  'does', 'do', 'doesnt', 'dont', 'working', 'invalid', 'incorrect', 'required', 'needed', 'mean', 'means', 'and', 'or', 'to',
  'of', 'in', 'on', 'with', 'my', 'your', 'is', 'was', 'are', 'be', 'it', 'that', 'this', 'same', 'different', 'expired', 'locked', 'accepted', 'ile',
  'sifirlama', 'sifirlamak', 'degistirme', 'degistirmek', 'olusturma', 'belirleme', 'belirlerken', 'girerken', 'yazarken',
  'girdim', 'yazdim', 'denedim', 'kullaniliyor', 'kullanilir', 'nerelerde', 'hani', 'peki', 'acaba', 'nasildi', 'diye',
  'dedi', 'diyor', 'istedi', 'istendi', 'soruldu', 'kac', 'kisa', 'uzun', 'haneli', 'karakterli', 'buyuk', 'kucuk', 'harf',
  'rakam', 'sadece', 'yalnizca', 'hep', 'her', 'hic', 'de', 'da', 'ise', 'olan', 'olmali', 'olabilir', 'icermeli',
]);

/** Endings of verbs and question words: a word ending so is talk about the güvenlik sözcüğü, not its value. */
export const VERB_ENDING = /(?:iyor|uyor|yorum|yordu|iyordu|medi|madi|mistir|misti|mislar|misler|dim|dum|tim|tum|diler|dular|ilir|ulur|nir|nur|ecek|acak|ebilir|abilir|emez|amaz|meli|mali|miyor|muyor|mez|maz|mek|mak|iniz|unuz|yim|yiz|mem|mam|sin|sun)$/;

/** Words that tell the word before them is the value: "kumsal diye yazdım", "ördek12 olarak belirledim". */
export const VALUE_MARKERS_AFTER = /^(?:diye|olarak|dedim|yazdim|yazmistim|yazmisim|yaptim|yapmistim|kullandim|kullaniyorum|sectim|secmistim|belirledim|belirlemistim|koydum|koymustum|kayitli|guncelledim|degistirdim)$/;

/** Words of doubt skipped before a value: "güvenlik sözcüğüm sanırım denizkızı". */
export const HEDGES = new Set(['sanirim', 'galiba', 'herhalde', 'bence', 'yani', 'belki', 'muhtemelen', 'think', 'probably', 'maybe']);

/** Capitalised words that are names of places and things the bot talks about, not values. */
export const KNOWN_NAMES = new Set([
  'kamu', 'sm', 'pin', 'puk', 'teams', 't', 'c', 'tc', 'bilgi', 'islem', 'e', 'imza', 'eimza', 'kimlik', 'turk', 'turkiye',
  'google', 'microsoft', 'online', 'nes', 'akis', 'sms', 'i', 'ben', 'bunu', 'ama', 'fakat', 've', 'the', 'my', 'is',
]);
