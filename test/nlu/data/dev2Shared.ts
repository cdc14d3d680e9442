/**
 * Sentences that train.json already held before dev2.json was written (issue 4's corpus) and that
 * dev2's writer, who never saw train.json, wrote too: short, common phrasings. They stay in both;
 * bench:nlu reports dev2 with and without them. Any other dev2 sentence in train.json is a leak.
 */
export const WRITTEN_BY_BOTH: readonly string[] = [
  'e imza sifremi unuttum',
  'kilit çözme nasıl yapılır',
  'e-imza kartımı kaybettim',
  'sertifikamı askıya almak istiyorum',
  'E-İMZA KARTIMI KAYBETTİM NE YAPMALIYIM',
  'I lost my e-signature card',
  'emekli oluyorum e-imzam ne olacak',
  'I am leaving the institution, what happens to my e-signature',
  'güvenlik sözcüğümü unuttum',
  'güvenlik sözcüğü nedir',
  'GUVENLIK SOZCUGU',
  'what is the security word',
  'eşleştirme kodu nerede',
  'pair my computer',
  'yetkiliye bağlan',
  'canlı destek',
  'human please',
  'yardım',
  'neler yapabilirsin',
  'ne yapabiliyorsun',
  'menü',
  'what can you do',
  'internet yok',
  'bilgisayarım çok yavaş',
  'projeksiyon cihazı bozuldu',
  'yemekhane menüsü',
];
