import type { Intent, Topic } from '../../../bot/nlu';

/** The kinds of message issue 16 found the recognizer missing. */
export type Kind =
  | 'greeting'
  | 'capitals-urgency'
  | 'screen-quote'
  | 'kod-for-pin'
  | 'puk'
  | 'hedged'
  | 'long'
  | 'helper-program'
  | 'phone'
  | 'english'
  | 'mixed'
  // the second pass: kinds the first hold-out (now dev3.json) missed
  | 'english-turkish-keyword'
  | 'english-fee'
  | 'everyday-money-food'
  | 'admin-duty-ends'
  | 'one-time-code'
  | 'new-computer'
  | 'staff-to-write'
  | 'wishes'
  | 'renewal-new-card'
  | 'unlock-new-pin'
  // the third pass: kinds holdout2 and dev4 (two more writers) missed
  | 'renewal-timing'
  | 'pin-letter-missing'
  | 'english-unblock'
  | 'card-gone-or-broken'
  | 'who-pays'
  | 'status-check'
  | 'helper-moved'
  | 'bot-useless'
  | 'problem-solved'
  | 'leave-of-absence'
  | 'everyday-other-systems';

export interface KindRow {
  kind: Kind;
  text: string;
  intent: Intent;
}

/**
 * Held-out rows, one table per kind (written before the training rows for these kinds;
 * corpus.test.ts checks that none of them is a training sentence once normalised).
 */
export const KIND_ROWS: readonly KindRow[] = [
  { kind: 'greeting', intent: 'help', text: 'mrb' },
  { kind: 'greeting', intent: 'help', text: 'Merhabalar iyi günler' },
  { kind: 'greeting', intent: 'help', text: 'selamun aleykum' },
  { kind: 'greeting', intent: 'help', text: 'günaydın hocam' },
  { kind: 'greeting', intent: 'help', text: 'kolay gelsin' },
  { kind: 'greeting', intent: 'help', text: 'good morning' },
  { kind: 'greeting', intent: 'help', text: 'hey there' },
  { kind: 'greeting', intent: 'help', text: 'nasılsın bot' },

  { kind: 'capitals-urgency', intent: 'unlock', text: 'ACİL!!! E İMZA ŞİFREM KİLİTLENDİ İMZA ATAMIYORUM' },
  { kind: 'capitals-urgency', intent: 'lost_card', text: 'ACIL KARTIM CALINDI NE YAPMALIYIM' },
  { kind: 'capitals-urgency', intent: 'renewal', text: 'ÇOK ACİL E İMZAMIN SÜRESİ BİTTİ YENİLEMEM LAZIM' },
  { kind: 'capitals-urgency', intent: 'human', text: 'ACİLEN BİRİ BENİ ARASIN' },
  { kind: 'capitals-urgency', intent: 'new_card_pin', text: 'HEMEN YENİ KARTIN PİNİNİ ÖĞRENMEM LAZIM' },

  { kind: 'screen-quote', intent: 'unlock', text: '"PIN bloke" yazıyor ekranda' },
  { kind: 'screen-quote', intent: 'unlock', text: 'imza atarken "deneme hakkınız kalmadı" uyarısı çıktı' },
  { kind: 'screen-quote', intent: 'card_status', text: 'program "kart bulunamadı" diyor takılı halbuki' },
  { kind: 'screen-quote', intent: 'card_status', text: 'okuyucu takılı ama akis kart takılı değil diyor' },
  { kind: 'screen-quote', intent: 'unlock', text: 'hatalı pin girişi, kalan deneme 0 yazıyor' },

  { kind: 'kod-for-pin', intent: 'unlock', text: 'e imzanın kodunu unuttum' },
  { kind: 'kod-for-pin', intent: 'unlock', text: 'imza kodumu hatırlamıyorum' },
  { kind: 'kod-for-pin', intent: 'new_card_pin', text: 'yeni kartın kodu ne' },
  { kind: 'kod-for-pin', intent: 'unlock', text: 'kodu 3 kere yanlış yazdım kart kitlendi' },

  { kind: 'puk', intent: 'unlock', text: 'puk kodum ne' },
  { kind: 'puk', intent: 'unlock', text: 'PUK nereden öğrenilir' },
  { kind: 'puk', intent: 'unlock', text: 'puk girmem lazım mı' },
  { kind: 'puk', intent: 'unlock', text: 'what is the PUK for' },

  { kind: 'hedged', intent: 'unlock', text: 'galiba şifrem kilitlendi' },
  { kind: 'hedged', intent: 'unlock', text: 'sanki pinim bloke olmuş gibi' },
  { kind: 'hedged', intent: 'lost_card', text: 'e imzamı bir yerde kaybetmiş olabilirim' },
  { kind: 'hedged', intent: 'renewal', text: 'sanırım e imzamın süresi doldu ama emin değilim' },
  { kind: 'hedged', intent: 'unlock', text: 'I think my password is locked' },

  {
    kind: 'long',
    intent: 'unlock',
    text: 'Hocam merhaba, dün akşam evden imza atmaya çalıştım. Birkaç kez şifre yanlış dedi, şimdi hiç açılmıyor. Ne yapmam gerekiyor?',
  },
  {
    kind: 'long',
    intent: 'new_card_pin',
    text: 'iyi günler, bilgi işlemden yeni e imza kartım geldi bugün. eskisi de duruyor. yenisinin şifresini nereden alacağım acaba',
  },
  {
    kind: 'long',
    intent: 'fees',
    text: 'Merhaba. Ben okulda müdür yardımcısıyım, e-imzamın süresi doluyor. Yenileme parasını ben mi ödeyeceğim yoksa kurum mu?',
  },
  {
    kind: 'long',
    intent: 'lost_card',
    text: 'selam, hafta sonu cüzdanımı kaybettim, e imza kartım da içindeydi. başkası kullanır mı diye korkuyorum, ne yapayım',
  },

  { kind: 'helper-program', intent: 'agent_pairing', text: 'bot kart okuyucumu görmüyor' },
  { kind: 'helper-program', intent: 'agent_pairing', text: 'yardımcı programı kurdum eşleme kodunu nereye yazacağım' },
  { kind: 'helper-program', intent: 'agent_pairing', text: 'bana verilen 6 haneli kodu programa girdim olmadı' },
  { kind: 'helper-program', intent: 'agent_pairing', text: 'the bot cannot see my card reader' },

  { kind: 'phone', intent: 'human', text: 'bilgi işlemin telefon numarası kaç' },
  { kind: 'phone', intent: 'human', text: 'beni telefonla arayabilir misiniz' },
  { kind: 'phone', intent: 'human', text: 'yardım masasının numarası' },
  { kind: 'phone', intent: 'human', text: 'can someone call me' },

  { kind: 'english', intent: 'renewal', text: 'my certificate runs out next month, I need a new one' },
  { kind: 'english', intent: 'unlock', text: 'typed the wrong PIN too many times' },
  { kind: 'english', intent: 'fees', text: 'will the institution cover the cost' },
  { kind: 'english', intent: 'security_word', text: "can't remember the security phrase I chose" },
  { kind: 'english', intent: 'leaving', text: 'I am moving to a different school, does my e-signature stay valid' },
  { kind: 'english', intent: 'none', text: 'the projector in room 4 is broken' },

  { kind: 'mixed', intent: 'unlock', text: 'e-imza PIN blocked oldu' },
  { kind: 'mixed', intent: 'new_card_pin', text: 'new card geldi pin ne' },
  { kind: 'mixed', intent: 'card_status', text: 'sertifikamın expiry date ne zaman' },
  { kind: 'mixed', intent: 'human', text: 'bir support person ile konuşabilir miyim' },

  { kind: 'english-turkish-keyword', intent: 'lost_card', text: 'kartimi lost ettim, what now' },
  { kind: 'english-turkish-keyword', intent: 'lost_card', text: 'my e-imza kartı is missing since monday, help' },
  { kind: 'english-turkish-keyword', intent: 'unlock', text: 'sifrem blocked, what should I do' },
  { kind: 'english-fee', intent: 'fees', text: 'what is the fee for a replacement card' },
  { kind: 'english-fee', intent: 'fees', text: 'do I have to pay for a new card if mine was stolen' },
  { kind: 'english-fee', intent: 'fees', text: 'lost card, how much to replace it' },
  { kind: 'everyday-money-food', intent: 'none', text: 'kantinde poğaça kaç lira' },
  { kind: 'everyday-money-food', intent: 'none', text: 'bugün öğlen yemekte ne çıktı' },
  { kind: 'everyday-money-food', intent: 'none', text: 'klavyemin shift tuşu bozuk' },
  { kind: 'admin-duty-ends', intent: 'leaving', text: 'müdürlüğüm bitiyor, e-imzam ne olacak' },
  { kind: 'admin-duty-ends', intent: 'leaving', text: 'idari görevim sona erdi imza yetkim kalkar mı' },
  { kind: 'admin-duty-ends', intent: 'leaving', text: 'mudur yardimciligi gorevim bitti e imza iade mi' },
  { kind: 'one-time-code', intent: 'agent_pairing', text: 'programın gösterdiği tek kullanımlık kodu nereye gireyim' },
  { kind: 'one-time-code', intent: 'agent_pairing', text: 'tek seferlik kod istiyor bot, nereden bulurum' },
  { kind: 'one-time-code', intent: 'agent_pairing', text: 'where do I enter the one-time code of the helper' },
  { kind: 'new-computer', intent: 'card_status', text: 'bilgisayarım değişti, kartı takıyorum okumuyor' },
  { kind: 'new-computer', intent: 'card_status', text: 'yeni bilgisayarda okuyucu kartı görmüyor' },
  { kind: 'new-computer', intent: 'card_status', text: 'my new laptop does not see the card' },
  { kind: 'staff-to-write', intent: 'human', text: 'bilgi işlem personelinden biri bana yazsın' },
  { kind: 'staff-to-write', intent: 'human', text: 'bir çalışanınız benimle yazışabilir mi' },
  { kind: 'staff-to-write', intent: 'human', text: 'gorevli biri bana mesaj atabilir mi' },
  { kind: 'wishes', intent: 'help', text: 'hayırlı cumalar' },
  { kind: 'wishes', intent: 'help', text: 'iyi mesailer hocam' },
  { kind: 'wishes', intent: 'help', text: 'HAYIRLI ISLER' },
  { kind: 'renewal-new-card', intent: 'renewal', text: 'yenileme başvurusundan sonra yeni kart kaç günde gelir' },
  { kind: 'renewal-new-card', intent: 'renewal', text: 'sertifikam bitiyor yeni karta nasil basvururum' },
  { kind: 'renewal-new-card', intent: 'renewal', text: 'yeni kart için başvuru süreci ne kadar sürüyor, eskisi doluyor' },
  { kind: 'unlock-new-pin', intent: 'unlock', text: 'kilidi açtırırsam yeni pin mi koyacağım' },
  { kind: 'unlock-new-pin', intent: 'unlock', text: 'kilit açma yapıp yeni şifre belirlemek istiyorum' },
  { kind: 'unlock-new-pin', intent: 'unlock', text: 'kartimin kilidini actirmam lazim, yeni pin verebilir miyim' },
  { kind: 'renewal-timing', intent: 'renewal', text: 'sertifikayı bitmeden kaç gün önce yenilemeliyim' },
  { kind: 'renewal-timing', intent: 'renewal', text: 'yenileme her kaç senede bir yapılıyor' },
  { kind: 'renewal-timing', intent: 'renewal', text: 'e imza yenilemesini okul mu toplu yapacak ben mi başvurayım' },
  { kind: 'pin-letter-missing', intent: 'new_card_pin', text: 'kartın yanında şifre mektubu çıkmadı' },
  { kind: 'pin-letter-missing', intent: 'new_card_pin', text: 'yeni kart zarfında pin yazan kağıt yok' },
  { kind: 'pin-letter-missing', intent: 'new_card_pin', text: 'the envelope with my new card had no PIN in it' },
  { kind: 'english-unblock', intent: 'unlock', text: 'please unblock my e-imza' },
  { kind: 'english-unblock', intent: 'unlock', text: 'my signature PIN got blocked, how can I unblock it' },
  { kind: 'english-unblock', intent: 'unlock', text: 'need my e-signature card unlocked' },
  { kind: 'card-gone-or-broken', intent: 'lost_card', text: 'kartı okuyucuda bırakıp çıkmışım, döndüğümde kart yoktu' },
  { kind: 'card-gone-or-broken', intent: 'lost_card', text: 'okuyucuyla beraber e imza kartım da çalındı' },
  { kind: 'card-gone-or-broken', intent: 'lost_card', text: 'çalınan e-imzamın sertifikasını iptal ettirmeliyim' },
  { kind: 'card-gone-or-broken', intent: 'lost_card', text: 'kart pantolon cebinde yıkandı, artık okumuyor' },
  { kind: 'card-gone-or-broken', intent: 'lost_card', text: 'my e-signature card cracked in half' },
  { kind: 'who-pays', intent: 'fees', text: 'okul müdürünün e-imza parasını kurum mu veriyor' },
  { kind: 'who-pays', intent: 'fees', text: 'kendime özel e-imza almak istersem ücreti ne' },
  { kind: 'who-pays', intent: 'fees', text: 'kamu sm sitesinde ödeme adımı çıktı, ödemem mi gerekiyor' },
  { kind: 'status-check', intent: 'card_status', text: 'ACİL KARTIMI KONTROL EDER MİSİNİZ' },
  { kind: 'status-check', intent: 'card_status', text: 'kart kilitlenmeden kaç yanlış hakkım var görebilir miyim' },
  { kind: 'status-check', intent: 'card_status', text: 'sertifikamın süresi geçmiş olabilir mi, bakar mısın' },
  { kind: 'status-check', intent: 'card_status', text: 'e imzam hala çalışıyor mu, aylardır kullanmadım' },
  { kind: 'helper-moved', intent: 'agent_pairing', text: 'kurmamı söylediğiniz program hangisiydi, bulamıyorum' },
  { kind: 'helper-moved', intent: 'agent_pairing', text: 'yardımcı programı eski bilgisayardan yenisine nasıl aktarırım' },
  { kind: 'helper-moved', intent: 'agent_pairing', text: 'does the helper app work on windows 11' },
  { kind: 'bot-useless', intent: 'human', text: 'bot hiçbir şey anlamıyor, sorumlu bir kişiye aktarın' },
  { kind: 'bot-useless', intent: 'human', text: 'bu botla olmuyor, gerçek bir görevliye bağlar mısınız' },
  { kind: 'bot-useless', intent: 'human', text: 'escalate me to a human, the bot keeps looping' },
  { kind: 'problem-solved', intent: 'help', text: 'tamamdır çözüldü teşekkürler' },
  { kind: 'problem-solved', intent: 'help', text: 'sağolun sorun halloldu' },
  { kind: 'problem-solved', intent: 'help', text: 'thanks, it works now' },
  { kind: 'leave-of-absence', intent: 'leaving', text: 'doğum iznindeyken e-imzam iptal olur mu' },
  { kind: 'leave-of-absence', intent: 'leaving', text: 'askere gidiyorum, e imza kartımı ne yapayım' },
  { kind: 'leave-of-absence', intent: 'leaving', text: 'naklen başka ile gidiyorum, e-imzam orada da geçerli mi' },
  { kind: 'everyday-other-systems', intent: 'none', text: 'yarın yağmur var mı' },
  { kind: 'everyday-other-systems', intent: 'none', text: 'sterlin kaç lira oldu' },
  { kind: 'everyday-other-systems', intent: 'none', text: 'okulda internet çekmiyor kime söyleyeyim' },
  { kind: 'everyday-other-systems', intent: 'none', text: 'ebys de evrak nasıl aranır' },
  { kind: 'everyday-other-systems', intent: 'none', text: 'izin dilekçemi kime bırakayım' },
];

export interface TopicRow {
  text: string;
  intent: Intent;
  /** undefined: the message asks none of the topic questions. */
  topic: Topic | undefined;
}

/** Topic questions (issue 16), with the intent they belong to; and near misses that carry no topic. */
export const TOPIC_ROWS: readonly TopicRow[] = [
  { topic: 'old_pin_on_new_card', intent: 'new_card_pin', text: 'eski kartın pinini yeni kartta kullanabilir miyim' },
  { topic: 'old_pin_on_new_card', intent: 'new_card_pin', text: 'yeni karta eski sifremi girsem calisir mi' },
  { topic: 'old_pin_on_new_card', intent: 'new_card_pin', text: 'will my old PIN work on the new card' },
  { topic: 'new_card_when', intent: 'new_card_pin', text: 'yeni kartımı hemen kullanmaya başlayabilir miyim' },
  { topic: 'new_card_when', intent: 'new_card_pin', text: 'yeni e imzami ne zaman kullanabilirim' },
  { topic: 'new_card_when', intent: 'new_card_pin', text: 'can I start signing with the new card today' },
  { topic: 'puk', intent: 'unlock', text: 'PUK kodunu nereden bulabilirim' },
  { topic: 'puk', intent: 'unlock', text: 'kart izleme aracı puk soruyor' },
  { topic: 'puk', intent: 'unlock', text: 'puk yanlis girersem ne olur' },
  { topic: 'forgot_pin', intent: 'unlock', text: 'e-imzamın şifresini unuttum' },
  { topic: 'forgot_pin', intent: 'unlock', text: 'pin kodumu hatirlamiyorum' },
  { topic: 'forgot_pin', intent: 'unlock', text: 'imzanın kodu aklımda kalmamış' },
  { topic: 'forgot_pin', intent: 'unlock', text: 'I forgot my PIN' },
  { topic: 'sms_number', intent: 'new_card_pin', text: 'onay smsi benim olmayan bir numaraya gidiyor' },
  { topic: 'sms_number', intent: 'new_card_pin', text: 'kamu sm eski telefon numarama sms atıyor' },
  { topic: 'sms_number', intent: 'new_card_pin', text: 'the code is sent to a phone number that is not mine' },
  { topic: undefined, intent: 'new_card_pin', text: 'yeni kart için pin nedir acaba' },
  { topic: undefined, intent: 'renewal', text: 'e imzamı yenilemek istiyorum' },
  { topic: undefined, intent: 'unlock', text: 'pinim bloke oldu' },
  { topic: undefined, intent: 'security_word', text: 'güvenlik sözcüğümü hatırlayamadım' },
  { topic: undefined, intent: 'lost_card', text: 'kartımı kaybettim' },
];

/** Messages that name the domain: the bot may ask, never answer "I only help with e-imza". */
export const DOMAIN_MESSAGES: readonly string[] = [
  'pin',
  'PUK',
  'şifre',
  'sifre ekrani',
  'kart',
  'kartım',
  'kart şifresi',
  'sertifika',
  'sertifikam ne durumda acaba',
  'e imza',
  'E-İMZA İLE İLGİLİ BİR SORUM VAR',
  'eimza',
  'Kamu SM',
  'kamusm sitesi açılmıyor',
  'güvenlik sözcüğüm',
  'akis',
  'kodu nereye yazıyorum',
  'imza atamıyorum',
  'parola',
  'my certificate',
  'PUK kodum',
  'puk',
  'ıslak imza değil e-imza lazım',
];

/**
 * Out-of-scope messages with no domain word whose money or time words the model alone might take
 * for a path: the guard (pathWords.ts) keeps them from starting one.
 */
export const NO_PATH_WORD_MESSAGES: readonly string[] = [
  'dolar kaç lira',
  'pizza kaç para',
  'kira ne kadar',
  'simitçi kaçta geliyor',
  'how much is a sandwich',
];

/**
 * Out-of-scope messages that name another system and hold a path word ("bloke", "kod", "sms"): the guard
 * never lets another system's name start a path (staffRecognizer.ts).
 */
export const OTHER_SYSTEM_PATH_WORD_MESSAGES: readonly string[] = [
  'kredi kartım üç yanlış şifreden sonra bloke oldu',
  'e-okul giriş kodu sms ile gelmiyor',
  'sim kartim puk istiyor',
  'mebbis hesabım kilitlendi, yenisini nasıl açarım',
];

/** Messages that use a domain word for something else (corpus/domain.json notDomain): out of scope, never a path. */
export const SOMETHING_ELSE_MESSAGES: readonly string[] = [
  'ıslak imzalı dilekçeyi nereye teslim edeyim',
  'kurs sertifikam ne zaman gelir',
  'velinin imzası gereken formu kim dağıtıyor',
];

/** Messages with a path word but no domain word: the guard lets them start their path. */
export const PATH_WORD_MESSAGES: readonly { text: string; intent: Intent }[] = [
  { text: 'yenilemenin ücretini kim ödüyor', intent: 'fees' },
  { text: 'yetkili biriyle konuşmam gerek', intent: 'human' },
  { text: 'tayinim çıktı ne yapmalıyım', intent: 'leaving' },
];

/** Messages about another system's card, PIN or password: still out of scope. */
export const OTHER_SYSTEM_MESSAGES: readonly string[] = [
  'mebbis şifremi unuttum',
  'banka kartımın şifresi bloke oldu',
  'e-okul şifremi sıfırlamak istiyorum',
  'wifi şifresi ne',
  'outlook password reset',
];
