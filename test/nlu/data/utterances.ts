import type { Intent } from '../../../bot/nlu';

export type Variant = 'turkish' | 'no-diacritics' | 'upper-case' | 'typo' | 'english';

export interface UtteranceRow {
  text: string;
  intent: Intent;
  variant: Variant;
}

/**
 * Held-out rows for the recognizer spec: written apart from train.json and dev.json
 * (corpus.test.ts checks that none of them is a training sentence once normalised).
 */
export const UTTERANCE_ROWS: readonly UtteranceRow[] = [
  { intent: 'renewal', variant: 'turkish', text: 'e-imzamın süresi gelecek ay bitiyor, yenileme yapmak istiyorum' },
  { intent: 'renewal', variant: 'no-diacritics', text: 'e imzami yenilemek icin basvuru yapmak istiyorum' },
  { intent: 'renewal', variant: 'upper-case', text: 'E-İMZAMIN YENİLENMESİ İÇİN BAŞVURU' },
  { intent: 'renewal', variant: 'typo', text: 'e imza yenileme basvrusu' },
  { intent: 'renewal', variant: 'english', text: 'I want to renew my e-signature' },

  { intent: 'new_card_pin', variant: 'turkish', text: 'yeni gelen e-imza kartımın şifresini nasıl öğreneceğim' },
  { intent: 'new_card_pin', variant: 'no-diacritics', text: 'yeni kartimin pin kodu nedir' },
  { intent: 'new_card_pin', variant: 'upper-case', text: 'YENİ KARTIMIN ŞİFRESİ NEDİR' },
  { intent: 'new_card_pin', variant: 'typo', text: 'yeni kartın şifrsi ne' },
  { intent: 'new_card_pin', variant: 'english', text: "what's the PIN of the new card" },

  { intent: 'unlock', variant: 'turkish', text: 'e-imza şifremi yanlış girdim kilitlendi' },
  { intent: 'unlock', variant: 'no-diacritics', text: 'e imzam kilitlendi ne yapmaliyim' },
  { intent: 'unlock', variant: 'upper-case', text: 'E İMZAM KİLİTLENDİ' },
  { intent: 'unlock', variant: 'typo', text: 'e imzam kilitlnedi' },
  { intent: 'unlock', variant: 'english', text: 'my e-signature is locked' },

  { intent: 'lost_card', variant: 'turkish', text: 'e-imza kartımı kaybettim ne yapmam gerekiyor' },
  { intent: 'lost_card', variant: 'no-diacritics', text: 'e imza kartim calindi' },
  { intent: 'lost_card', variant: 'upper-case', text: 'KARTIMI KAYBETTİM' },
  { intent: 'lost_card', variant: 'typo', text: 'e imza kartımı kaybetitm' },
  { intent: 'lost_card', variant: 'english', text: 'someone stole my e-signature card' },

  { intent: 'fees', variant: 'turkish', text: 'e-imza yenileme ücretini kim karşılıyor' },
  { intent: 'fees', variant: 'no-diacritics', text: 'yenileme ucretini ben mi odeyecegim' },
  { intent: 'fees', variant: 'upper-case', text: 'E-İMZA ÜCRETİNİ KİM ÖDÜYOR' },
  { intent: 'fees', variant: 'typo', text: 'e imza ücertini kim ödüyor' },
  { intent: 'fees', variant: 'english', text: 'do I pay for the e-signature renewal' },

  { intent: 'leaving', variant: 'turkish', text: 'emekli olduktan sonra e-imzamı kullanabilir miyim' },
  { intent: 'leaving', variant: 'no-diacritics', text: 'kurumdan ayrildim e imzam gecerli mi' },
  { intent: 'leaving', variant: 'upper-case', text: 'İDARİ GÖREVİM BİTTİ E-İMZAM NE OLACAK' },
  { intent: 'leaving', variant: 'typo', text: 'emekli oldm e imzam ne olcak' },
  { intent: 'leaving', variant: 'english', text: 'I left the institution, can I keep my e-signature' },

  { intent: 'security_word', variant: 'turkish', text: 'güvenlik sözcüğümü hatırlayamıyorum' },
  { intent: 'security_word', variant: 'no-diacritics', text: 'guvenlik sozcugum neydi' },
  { intent: 'security_word', variant: 'upper-case', text: 'GÜVENLİK SÖZCÜĞÜMÜ UNUTTUM NE YAPAYIM' },
  { intent: 'security_word', variant: 'typo', text: 'guvenlik sözcügümü unutdum' },
  { intent: 'security_word', variant: 'english', text: 'I do not remember my security word' },

  { intent: 'card_status', variant: 'turkish', text: 'takılı e-imzanın bitiş tarihi ne' },
  { intent: 'card_status', variant: 'no-diacritics', text: 'kac pin deneme hakkim var' },
  { intent: 'card_status', variant: 'upper-case', text: 'KARTIMIN BİTİŞ TARİHİ NE ZAMAN' },
  { intent: 'card_status', variant: 'typo', text: 'kaç deneme hakkm kaldı' },
  { intent: 'card_status', variant: 'english', text: 'when does the card in my reader expire' },

  { intent: 'agent_pairing', variant: 'turkish', text: 'bilgisayarımı eşleştirmem gerekiyor' },
  { intent: 'agent_pairing', variant: 'no-diacritics', text: 'ajani nasil kuracagim' },
  { intent: 'agent_pairing', variant: 'upper-case', text: 'BİLGİSAYARIMI EŞLEŞTİRMEK İSTİYORUM' },
  { intent: 'agent_pairing', variant: 'typo', text: 'bilgisayarımı eşleşitr' },
  { intent: 'agent_pairing', variant: 'english', text: 'pair this computer with the bot' },

  { intent: 'human', variant: 'turkish', text: 'bir yetkiliyle görüşebilir miyim' },
  { intent: 'human', variant: 'no-diacritics', text: 'yetkili biriyle gorusmek istiyorum lutfen' },
  { intent: 'human', variant: 'upper-case', text: 'YETKİLİ BİRİNE BAĞLAN' },
  { intent: 'human', variant: 'typo', text: 'yetkiliye baglnmak istiyorum' },
  { intent: 'human', variant: 'english', text: 'let me talk to a real person' },

  { intent: 'help', variant: 'turkish', text: 'neler yapabildiğini söyler misin' },
  { intent: 'help', variant: 'no-diacritics', text: 'yardim lazim ne yapabiliyorsun' },
  { intent: 'help', variant: 'upper-case', text: 'YARDIMINA İHTİYACIM VAR, NELER YAPABİLİYORSUN' },
  { intent: 'help', variant: 'typo', text: 'neler yapabilirisn' },
  { intent: 'help', variant: 'english', text: 'what can you help me with' },

  { intent: 'none', variant: 'turkish', text: 'mebbis şifremi unuttum' },
  { intent: 'none', variant: 'no-diacritics', text: 'mebbis sifremi nasil degistiririm' },
  { intent: 'none', variant: 'upper-case', text: 'MEBBİS ŞİFREMİ UNUTTUM' },
  { intent: 'none', variant: 'turkish', text: 'wifi şifresi ne' },
  { intent: 'none', variant: 'turkish', text: 'maaşım yatmadı' },
  { intent: 'none', variant: 'turkish', text: "e-okul'a giremiyorum" },
  { intent: 'none', variant: 'turkish', text: 'outlook şifremi sıfırla' },
  { intent: 'none', variant: 'turkish', text: 'yazıcı kağıt almıyor' },
  { intent: 'none', variant: 'typo', text: 'eokul sifremi unutum' },
  { intent: 'none', variant: 'english', text: 'I forgot my outlook password' },
];
