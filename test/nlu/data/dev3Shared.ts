/**
 * Sentences that train.json already held when dev3.json (issue 16's first hold-out, written by someone
 * who never saw train.json) was first run: short, common phrasings both writers wrote. They stay in
 * both; bench:nlu reports dev3 with and without them. Any other dev3 sentence in train.json is a leak.
 */
export const DEV3_WRITTEN_BY_BOTH: readonly string[] = [
  'e-imzami uzatmak istiyorum',
  'yeni kartin sifresi eskisiyle ayni mi',
  'e-imza kartımı kaybettim',
  'I lost my e-signature card',
  'E-imza ucretsiz mi?',
  'emekli oluyorum, e-imzam ne olacak?',
  'tayin sonrasi e-imza',
  'güvenlik sözcüğümü unuttum',
  'guvenlik sozcugu nedir',
  'Güvenlik sözcüğü ile PIN aynı şey mi?',
  'sertifikamin bitis tarihi ne zaman',
  'kart durumu',
  'yardımcı programı nasıl kurarım',
  'eslestirme kodu nerede',
  'yetkiliye baglan',
  'BENİ ARAYIN ACİL',
  'yardim',
  'menü',
  'ne yapabiliyorsun?',
  'what can you do?',
  'internet çok yavaş',
  'toplantı saat kaçta',
];
