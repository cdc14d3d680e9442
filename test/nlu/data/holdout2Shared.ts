/**
 * Sentences that train.json already held when holdout2.json (issue 16's second hold-out, written from the
 * intent descriptions only) was first run (95.1 %): short, common phrasings both writers wrote. They stay
 * in both; bench:nlu reports holdout2 with and without them. Any other holdout2 sentence in train.json is a leak.
 */
export const HOLDOUT2_WRITTEN_BY_BOTH: readonly string[] = [
  'yenileme başvurusu yapmak istiyorum',
  'yeni kartın pin kodu',
  'e imza sifremi unuttum',
  'kilit çözme işlemi',
  'e-imza kilitlendi yardim',
  'e-imza kartımı kaybettim',
  'sertifikamı askıya almak istiyorum',
  'I lost my e-signature card',
  'kurum mu öder ben mi',
  'yenileme bedeli',
  'kayip kart ucreti ne kadar',
  'e-imza fiyatı',
  'emekli oluyorum e-imzam ne olacak',
  'güvenlik sözcüğümü unuttum',
  'guvenlik sozcugu nedir',
  'kart durumu',
  'yardımcı programı nasıl kurarım',
  'agent kurulumu',
  'yardimci program indir',
  'eşleştirmeyi iptal etmek istiyorum',
  'canlı destek',
  'operatore bagla',
  'yardım',
  'menü',
  'ne yapabiliyorsun',
  'YARDIM',
  'what can you do?',
  'help',
  'bilgisayarım çok yavaş',
  'tell me a joke',
  'e devlet sifresi nasil alinir',
];
