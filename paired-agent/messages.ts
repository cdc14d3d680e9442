/**
 * The agent's user-facing strings, Turkish first. Keys are stable: the bot may show
 * the same keys from the report (`problems[].code`, `pinAdvice[]`) in its own words.
 */
export type Lang = 'tr' | 'en';

export const messages = {
  'error.no_reader': {
    tr: 'Kart okuyucu bulunamadı. Okuyucuyu USB girişine takın ve birkaç saniye sonra yeniden deneyin.',
    en: 'No card reader found. Plug the reader into a USB port and try again in a few seconds.',
  },
  'error.pcsc_unavailable': {
    tr: 'Akıllı kart hizmeti çalışmıyor (Windows: "Akıllı Kart" / SCardSvr, Linux: pcscd). Hizmeti başlatın ya da Bilgi İşlem Daire Başkanlığına başvurun.',
    en: 'The smart card service is not running (Windows: "Smart Card" / SCardSvr, Linux: pcscd). Start it or contact the IT department.',
  },
  'error.scardsvr_stopped': {
    tr: 'Windows Akıllı Kart hizmeti (SCardSvr) çalışmıyor. AKİS kart sürücüsü bu hizmet olmadan çökebildiği için yüklenmedi. Hizmeti başlatın (Hizmetler → "Akıllı Kart" → Başlat) ya da Bilgi İşlem Daire Başkanlığına başvurun.',
    en: 'The Windows Smart Card service (SCardSvr) is not running. The AKIS card driver was not loaded, because it can crash without this service. Start it (Services → "Smart Card" → Start) or contact the IT department.',
  },
  'error.addon_refused': {
    tr: 'eimza-agent\'in kart okuma bileşenlerinden biri diskte değiştirilmiş ya da başkası tarafından konmuş; güvenlik için yüklenmedi. Aşağıda adı geçen klasörü silip programı yeniden başlatın; sorun sürerse Bilgi İşlem Daire Başkanlığına başvurun.',
    en: 'One of eimza-agent\'s card reading components was changed on disk or planted by someone else; it was not loaded, for safety. Delete the folder named below and start the program again; if this happens again, contact the IT department.',
  },
  'error.no_card': {
    tr: 'Okuyucuda kart yok. E-imza kartınızı (SIM boyutlu) okuyucuya doğru yönde takın.',
    en: 'There is no card in the reader. Insert your e-signature card (SIM-sized) the right way round.',
  },
  'error.pkcs11_not_found': {
    tr: 'AKİS kart sürücüsü (PKCS#11 kütüphanesi) bulunamadı. Kamu SM sitesinden "AKİS Kart Sürücüsü"nü kurun ya da yolunu --lib ile verin.',
    en: 'The AKIS card driver (PKCS#11 library) was not found. Install the AKIS card driver from the Kamu SM site or give its path with --lib.',
  },
  'error.pkcs11_wrong_arch': {
    tr: 'AKİS kart sürücüsü bu bilgisayarın mimarisine uymuyor (32/64 bit ya da x86/ARM). Bilgisayarınıza uygun sürümü kurun.',
    en: 'The AKIS card driver does not match this computer\'s architecture (32/64-bit or x86/ARM). Install the matching version.',
  },
  'error.pkcs11_load_failed': {
    tr: 'AKİS kart sürücüsü yüklenemedi. Sürücüyü yeniden kurun; sorun sürerse Bilgi İşlem Daire Başkanlığına başvurun.',
    en: 'The AKIS card driver could not be loaded. Reinstall it; if the problem persists, contact the IT department.',
  },
  'error.card_not_akis': {
    tr: 'Okuyucudaki kart bir AKİS e-imza kartı gibi görünmüyor (kimlik kartı ya da başka bir kart olabilir). E-imza kartınızı takın.',
    en: 'The card in the reader does not look like an AKIS e-signature card (it may be an ID card or another card). Insert your e-signature card.',
  },
  'error.no_signing_certificate': {
    tr: 'Kartta imza sertifikası bulunamadı. Kart yeni ve henüz etkinleştirilmemiş olabilir; Bilgi İşlem Daire Başkanlığına başvurun.',
    en: 'No signing certificate was found on the card. The card may be new and not yet activated; contact the IT department.',
  },
  'error.certificate_not_kamusm': {
    tr: 'Karttaki imza sertifikası Kamu SM tarafından verilmemiş. Kurumunuzun verdiği e-imza kartını takın.',
    en: 'The signing certificate on the card was not issued by Kamu SM. Insert the e-signature card your institution gave you.',
  },
  'error.internal': {
    tr: 'Beklenmeyen bir hata oluştu. Bilgi İşlem Daire Başkanlığına başvurun.',
    en: 'An unexpected error occurred. Contact the IT department.',
  },
  'error.usage': {
    tr: 'Komut anlaşılamadı. Yardım için: eimza-agent --help',
    en: 'Command not understood. For help: eimza-agent --help',
  },
  'error.not_paired': {
    tr: 'Bu bilgisayar henüz eşleştirilmedi. Teams\'te "Bilgisayarımı eşleştir" deyin ve verilen kodla: eimza-agent pair <kod> --server <adres>',
    en: 'This computer is not paired yet. Say "Bilgisayarımı eşleştir" in Teams and run: eimza-agent pair <code> --server <url>',
  },
  'error.pairing_refused': {
    tr: 'Eşleştirme kodu kabul edilmedi (yanlış, süresi dolmuş ya da daha önce kullanılmış). Teams\'ten yeni bir kod isteyin.',
    en: 'The pairing code was refused (wrong, expired or already used). Ask for a new code in Teams.',
  },
  'error.server_unreachable': {
    tr: 'Bot sunucusuna ulaşılamadı. İnternet bağlantınızı ve sunucu adresini kontrol edin.',
    en: 'Could not reach the bot server. Check your network connection and the server address.',
  },
  'pin.count_low': {
    tr: 'PIN en az bir kez yanlış girilmiş; kalan deneme hakkı azaldı.',
    en: 'The PIN was entered wrongly at least once; fewer tries are left.',
  },
  'pin.final_try': {
    tr: 'PIN için SON deneme hakkı kaldı. Bir yanlış giriş daha kartı kilitler.',
    en: 'Only ONE PIN try is left. One more wrong entry locks the card.',
  },
  'pin.locked': {
    tr: 'PIN kilitli. Kart bu haliyle imza atamaz.',
    en: 'The PIN is locked. The card cannot sign as it is.',
  },
  'pin.unknown': {
    tr: 'Kart, PIN deneme durumu hakkında bilgi vermiyor. Bu, PIN\'in sağlam olduğu anlamına gelmez.',
    en: 'The card gives no information about PIN tries. This does not mean the PIN is fine.',
  },
  'advice.do_not_guess': {
    tr: 'PIN\'i tahmin etmeyin; emin değilseniz denemeyi bırakın.',
    en: 'Do not guess the PIN; if you are not sure, stop trying.',
  },
  'advice.three_wrong_lock': {
    tr: 'Üç yanlış PIN girişi e-imzanızı kilitler.',
    en: 'Three wrong PIN entries lock your e-signature.',
  },
  'advice.old_pin_not_on_new_card': {
    tr: 'Eski kartınızın PIN\'ini yeni kartta denemeyin.',
    en: 'Do not try your old card\'s PIN on the new card.',
  },
  'advice.unlock_via_kamusm': {
    tr: 'Kilidi Kamu SM Online İşlemler üzerinden açın: NES İşlemleri → Bireysel İşlemler → Başvuru İşlemleri → PIN Oluşturma → Kilit Çözme. Bu işlem yeni bir PIN oluşturur.',
    en: 'Unlock through Kamu SM Online İşlemler: NES İşlemleri → Bireysel İşlemler → Başvuru İşlemleri → PIN Oluşturma → Kilit Çözme. This creates a new PIN.',
  },
  'advice.never_use_puk': {
    tr: 'Kilidi açmak için PUK KULLANMAYIN: "Akis Kart İzleme Aracı"nda üç hatalı PUK denemesi kartı kullanılamaz hale getirir ve ücretli yenileme gerekir.',
    en: 'Do NOT use the PUK to unlock: three failed PUK tries in the "Akis Kart İzleme Aracı" make the card unusable and a paid renewal is needed.',
  },
  'cli.help': {
    tr: [
      'eimza-agent: e-imza kartınızı okuyan yerel yardımcı (PIN sormaz, PIN denemez).',
      '',
      'Kullanım:',
      '  eimza-agent status [--json] [--lib <yol>] [--lang tr|en]   Kartı şimdi okur ve raporu yazar',
      '  eimza-agent pair <kod> --server <adres>                    Bu bilgisayarı Teams sohbetinizle eşleştirir',
      '  eimza-agent run                                            Bağlı kalır, bota kart durumunu bildirir',
      '  eimza-agent unpair                                         Eşleştirmeyi bu bilgisayardan siler',
      '  eimza-agent --help                                         Bu yardım',
      '',
      'Ortam: EIMZA_PKCS11_LIB (kart sürücüsü yolu), EIMZA_AGENT_LANG (tr|en), XDG_CONFIG_HOME.',
      'Çıkış kodları: 0 tamam, 1 beklenmeyen hata, 2 hatalı komut, 3 akıllı kart hizmeti yok,',
      '  4 okuyucu yok, 5 kart yok, 6 sürücü yok, 7 sürücü mimarisi uymuyor/yüklenemedi,',
      '  8 AKİS kartı değil / imza sertifikası yok, 9 sertifika Kamu SM\'den değil,',
      '  10 eşleştirilmemiş, 11 eşleştirme reddedildi, 12 sunucuya ulaşılamadı, 13 bileşen doğrulanamadı.',
    ].join('\n'),
    en: [
      'eimza-agent: local helper that reads your e-signature card (never asks for or tries a PIN).',
      '',
      'Usage:',
      '  eimza-agent status [--json] [--lib <path>] [--lang tr|en]  Read the card now and print the report',
      '  eimza-agent pair <code> --server <url>                     Pair this computer with your Teams chat',
      '  eimza-agent run                                            Stay connected and answer the bot',
      '  eimza-agent unpair                                         Remove the pairing from this computer',
      '  eimza-agent --help                                         This help',
      '',
      'Environment: EIMZA_PKCS11_LIB (card driver path), EIMZA_AGENT_LANG (tr|en), XDG_CONFIG_HOME.',
      'Exit codes: 0 ok, 1 unexpected error, 2 usage error, 3 smart card service not running,',
      '  4 no reader, 5 no card, 6 card driver missing, 7 driver wrong architecture/failed to load,',
      '  8 not an AKIS card / no signing certificate, 9 certificate not from Kamu SM,',
      '  10 not paired, 11 pairing refused, 12 server unreachable, 13 component failed its check.',
    ].join('\n'),
  },
  'report.title': { tr: 'E-imza kartı durumu', en: 'E-signature card status' },
  'report.reader': { tr: 'Okuyucu', en: 'Reader' },
  'report.card': { tr: 'Kart', en: 'Card' },
  'report.card_present': { tr: 'takılı', en: 'present' },
  'report.card_absent': { tr: 'yok', en: 'absent' },
  'report.atr': { tr: 'ATR', en: 'ATR' },
  'report.akis_yes': { tr: 'AKİS kartı', en: 'AKIS card' },
  'report.akis_unknown': { tr: 'ATR\'den tanınmadı (sertifika belirler)', en: 'not recognised from the ATR (the certificate decides)' },
  'report.token': { tr: 'Kart etiketi', en: 'Token label' },
  'report.holder': { tr: 'Sertifika sahibi', en: 'Holder' },
  'report.tckn': { tr: 'T.C. Kimlik No', en: 'T.C. Kimlik No' },
  'report.issuer': { tr: 'Sertifikayı veren', en: 'Issuer' },
  'report.serial': { tr: 'Seri no', en: 'Serial' },
  'report.valid_from': { tr: 'Geçerlilik başlangıcı', en: 'Valid from' },
  'report.valid_until': { tr: 'Geçerlilik bitişi', en: 'Valid until' },
  'report.days_left': { tr: 'gün kaldı', en: 'days left' },
  'report.not_yet_valid': { tr: 'henüz geçerli değil', en: 'not yet valid' },
  'report.expired': { tr: 'süresi dolmuş', en: 'expired' },
  'report.pin_state': { tr: 'PIN durumu', en: 'PIN state' },
  'report.problems': { tr: 'Sorunlar', en: 'Problems' },
  'pair.done': { tr: 'Eşleştirme tamamlandı. Bağlı kalmak için: eimza-agent run', en: 'Paired. To stay connected: eimza-agent run' },
  'unpair.done': { tr: 'Eşleştirme bu bilgisayardan silindi.', en: 'The pairing was removed from this computer.' },
  'unpair.none': { tr: 'Bu bilgisayarda eşleştirme yok.', en: 'This computer is not paired.' },
  'run.connected': { tr: 'Bot sunucusuna bağlandı.', en: 'Connected to the bot server.' },
  'run.reconnecting': { tr: 'Bağlantı koptu, yeniden bağlanılıyor...', en: 'Connection lost, reconnecting...' },
  'run.replaced': { tr: 'Bu bilgisayar için başka bir eimza-agent bağlandı; bu kopya duruyor.', en: 'Another eimza-agent connected for this computer; this copy stops.' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof messages;

/** Returns the string for `key` in `lang` (Turkish by default). */
export function t(key: MessageKey, lang: Lang = 'tr'): string {
  return messages[key][lang];
}

/** Picks the language from an explicit choice or EIMZA_AGENT_LANG-like value; Turkish otherwise. */
export function pickLang(value: string | undefined): Lang {
  return value === 'en' ? 'en' : 'tr';
}
