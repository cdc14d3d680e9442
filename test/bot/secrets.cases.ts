import type { SecretContext } from '../../bot/secrets';

/** Rows for secrets.test.ts: what a user types, what the bot last asked, what must be hidden. */
export interface SecretCase {
  text: string;
  /** What the bot last asked (default none); the corpus in data/secretCorpus.json has many more rows. */
  context?: SecretContext;
  kinds: string[];
  /** Substrings that must not survive masking. */
  hidden?: string[];
}

// 10000000146 and 12345678950 pass the T.C. Kimlik checksum; 12345678901 does not.
export const secretCases: SecretCase[] = [
  { text: 'pin 482913', kinds: ['pin'], hidden: ['482913'] },
  { text: 'PIN: 482913', kinds: ['pin'], hidden: ['482913'] },
  { text: 'şifrem 123456', kinds: ['pin'], hidden: ['123456'] },
  { text: 'ŞİFREM 123456 ama olmuyor', kinds: ['pin'], hidden: ['123456'] },
  { text: 'sifrem 123456', kinds: ['pin'], hidden: ['123456'] },
  { text: 'puk kodum 12345678', kinds: ['pin'], hidden: ['12345678'] },
  { text: "PIN'im 654321 kilitlendi", kinds: ['pin'], hidden: ['654321'] },
  { text: 'my pin is 482913', kinds: ['pin'], hidden: ['482913'] },
  { text: '482913', context: 'pin_question', kinds: ['pin'], hidden: ['482913'] },
  { text: '48 29 13', context: 'pin_question', kinds: ['pin'], hidden: ['48 29 13'] },
  { text: 'tc kimlik numaram 10000000146', kinds: ['tckn'], hidden: ['10000000146'] },
  { text: '12345678950', kinds: ['tckn'], hidden: ['12345678950'] },
  { text: 'güvenlik sözcüğüm elma123', kinds: ['securityWord'], hidden: ['elma123'] },
  // Ordinary numbers that must pass untouched.
  { text: '482913', kinds: [] },
  { text: 'son kullanma tarihi 21.11.2026', kinds: [] },
  { text: '21.11.2026', context: 'pin_question', kinds: [] },
  { text: '3 kere yanlış girdim', kinds: [] },
  { text: 'pin 3 kere yanlış girildi', kinds: [] },
  { text: 'dahili 4455 ten arayın', kinds: [] },
  { text: '444 5 576 aradım', kinds: [] },
  { text: '05321234567 numaram', kinds: [] },
  { text: '12345678901', kinds: [] },
  { text: 'şifremi 12.11.2025 tarihinde aldım', kinds: [] },
  { text: '2026', context: 'pin_question', kinds: [] },
  // Classes of secret an attacker or a careless user tries, written with other numbers than any review's.
  // T.C. numbers in groups, with dots, dashes, digit by digit.
  { text: 'kimliğim 100 000 001 46', kinds: ['tckn'], hidden: ['100', '000', '001', '46'] },
  { text: '123.456.789.50 benim', kinds: ['tckn'], hidden: ['123.456.789.50'] },
  { text: 'no: 1234-5678-950', kinds: ['tckn'], hidden: ['1234-5678-950'] },
  { text: '1 0 0 0 0 0 0 0 1 4 6', kinds: ['tckn'], hidden: ['1 0 0 0 0 0 0 0 1 4 6'] },
  // A code a few words after (or before) its name, a code split in two: hidden whole.
  { text: 'PUK kodum da şu: 13572468', kinds: ['pin'], hidden: ['13572468'] },
  { text: 'my PIN code is 735194', kinds: ['pin'], hidden: ['735194'] },
  { text: 'PIN number: 735194', kinds: ['pin'], hidden: ['735194'] },
  { text: '735194 benim pinim', kinds: ['pin'], hidden: ['735194'] },
  { text: 'şifre: 7351 94', kinds: ['pin'], hidden: ['7351', '94'] },
  { text: 'PIN: 7351-94', kinds: ['pin'], hidden: ['7351', '94'] },
  { text: 'the PUK is 1357 2468', kinds: ['pin'], hidden: ['1357', '2468'] },
  { text: 'pinimi 3 kez yanlış girdim, doğrusu 735194 olmalıydı', kinds: ['pin'], hidden: ['735194'] },
  { text: 'Sanırım 735194', context: 'pin_question', kinds: ['pin'], hidden: ['735194'] },
  // Dates (every shape the date prompt accepts), years, counts, phones, other codes: left alone.
  { text: '21 11 2026', context: 'date_prompt', kinds: [] },
  { text: '21 11 26', context: 'date_prompt', kinds: [] },
  { text: '21-11-2026', context: 'date_prompt', kinds: [] },
  { text: '2026-11-21', context: 'date_prompt', kinds: [] },
  { text: '21 11 2026', kinds: [] },
  { text: 'kod 2026 yılında', kinds: [] },
  { text: 'şifremi 2024te aldım', kinds: [] },
  { text: 'pinimi 2025 martta aldım', kinds: [] },
  { text: 'pin kodum 21.11.2026 da kilitlendi', kinds: [] },
  { text: 'saat 09.30 da pin kilitlendi', kinds: [] },
  { text: 'pin için 250 TL mi ödeyeceğim', kinds: [] },
  { text: 'pin kodumu unuttum 444 5 576 yı aradım', kinds: [] },
  { text: 'dahili hattım 4471', context: 'pin_question', kinds: [] },
  { text: 'hata kodu 80070005', kinds: [] },
  { text: 'okul kodu 748392', kinds: [] },
  { text: 'yeni pin belirlerken 123456 gibi basit şifre olur mu', kinds: [] },
  // The güvenlik sözcüğü: its value is hidden, never its name or a question about it.
  { text: 'güvenlik sözcüğüm: elma42', kinds: ['securityWord'], hidden: ['elma42'] },
  { text: 'güvenlik kelimem karpuz', kinds: ['securityWord'], hidden: ['karpuz'] },
  { text: 'guvenlik sozcugumu limon7 yaptim', kinds: ['securityWord'], hidden: ['limon7'] },
  { text: 'güvenlik sözcüğümü ayva diye yazdım', kinds: ['securityWord'], hidden: ['ayva'] },
  { text: 'my security word is pelican', kinds: ['securityWord'], hidden: ['pelican'] },
  { text: 'güvenlik sözcüğümü unuttum', kinds: [] },
  { text: 'GÜVENLİK SÖZCÜĞÜMÜ UNUTTUM', kinds: [] },
  { text: 'guvenlik sozcugu nedir', kinds: [] },
  { text: 'güvenlik sözcüğümü hatırlamıyorum', kinds: [] },
  { text: 'güvenlik sözcüğü nereden değiştirilir', kinds: [] },
  { text: 'güvenlik sözcüğüm kabul edilmiyor', kinds: [] },
  { text: 'Güvenlik sözcüğünüzü hatırlıyor musunuz?', kinds: [] },
  { text: 'I forgot my security word', kinds: [] },
];
