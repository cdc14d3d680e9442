export interface NormalizerRow {
  input: string;
  /** normalizeText(input) */
  normalized: string;
  /** tokenize(input) */
  tokens: string[];
}

export const NORMALIZER_ROWS: readonly NormalizerRow[] = [
  { input: 'İ', normalized: 'i', tokens: ['i'] },
  { input: 'I', normalized: 'i', tokens: ['i'] },
  { input: 'ı', normalized: 'i', tokens: ['i'] },
  { input: 'i', normalized: 'i', tokens: ['i'] },
  { input: 'KİLİTLENDİ', normalized: 'kilitlendi', tokens: ['kilitlendi'] },
  { input: 'KILITLENDI', normalized: 'kilitlendi', tokens: ['kilitlendi'] },
  { input: 'kılıtlendı', normalized: 'kilitlendi', tokens: ['kilitlendi'] },
  { input: 'IŞIK', normalized: 'isik', tokens: ['isik'] },
  { input: 'I\u0307STANBUL', normalized: 'istanbul', tokens: ['istanbul'] }, // İ typed as I + combining dot
  { input: 'şğçöü ŞĞÇÖÜ', normalized: 'sgcou sgcou', tokens: ['sgcou', 'sgcou'] },
  { input: 'güvenlik sözcüğü', normalized: 'guvenlik sozcugu', tokens: ['guvenlik', 'sozcugu'] },
  { input: 'GÜVENLİK SÖZCÜĞÜ', normalized: 'guvenlik sozcugu', tokens: ['guvenlik', 'sozcugu'] },
  { input: 'E İMZAM KİLİTLENDİ', normalized: 'e imzam kilitlendi', tokens: ['eimzam', 'kilitlendi'] },
  { input: 'e-imza', normalized: 'e-imza', tokens: ['eimza'] },
  { input: 'eimza', normalized: 'eimza', tokens: ['eimza'] },
  { input: "e-okul'a giremiyorum", normalized: "e-okul'a giremiyorum", tokens: ['eokul', 'giremiyorum'] },
  { input: 'Kamu SM’ye PIN/PUK', normalized: 'kamu sm’ye pin/puk', tokens: ['kamu', 'sm', 'pin', 'puk'] },
  { input: 'wi-fi şifresi?', normalized: 'wi-fi sifresi?', tokens: ['wifi', 'sifresi'] },
  { input: '  3 kez   yanlış!! ', normalized: '  3 kez   yanlis!! ', tokens: ['3', 'kez', 'yanlis'] },
  { input: 'hâlâ', normalized: 'hala', tokens: ['hala'] },
];
