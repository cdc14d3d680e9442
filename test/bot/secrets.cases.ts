/** Rows for secrets.test.ts: what a user types, whether the bot just talked about PINs, what must be hidden. */
export interface SecretCase {
  text: string;
  pinContext?: boolean;
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
  { text: '482913', pinContext: true, kinds: ['pin'], hidden: ['482913'] },
  { text: '48 29 13', pinContext: true, kinds: ['pin'], hidden: ['48 29 13'] },
  { text: 'tc kimlik numaram 10000000146', kinds: ['tckn'], hidden: ['10000000146'] },
  { text: '12345678950', kinds: ['tckn'], hidden: ['12345678950'] },
  { text: 'güvenlik sözcüğüm elma123', kinds: ['securityWord'], hidden: ['elma123'] },
  // Ordinary numbers that must pass untouched.
  { text: '482913', kinds: [] },
  { text: 'son kullanma tarihi 21.11.2026', kinds: [] },
  { text: '21.11.2026', pinContext: true, kinds: [] },
  { text: '3 kere yanlış girdim', kinds: [] },
  { text: 'pin 3 kere yanlış girildi', kinds: [] },
  { text: 'dahili 4455 ten arayın', kinds: [] },
  { text: '444 5 576 aradım', kinds: [] },
  { text: '05321234567 numaram', kinds: [] },
  { text: '12345678901', kinds: [] },
  { text: 'şifremi 12.11.2025 tarihinde aldım', kinds: [] },
  { text: '2026', pinContext: true, kinds: [] },
];
