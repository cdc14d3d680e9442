/**
 * Rows for paths.test.ts. Each row is a conversation: what the user does at each turn and what
 * they must read (or must not read) in the bot's replies to that turn.
 */
export type UserAction =
  | { say: string }
  | { press: string }
  | { date: number }; // days from "today"

export interface Turn {
  do: UserAction;
  see?: (string | RegExp)[];
  notSee?: (string | RegExp)[];
}

export interface PathCase {
  name: string;
  today?: string;
  turns: Turn[];
  /** The renewal request the help desk must find afterwards (undefined: none recorded). */
  recorded?: { reason: string; payer: 'person' | 'institution'; late: boolean; expiryInDays?: number; role?: string };
}

const UNLOCK_PATH = 'Kamu SM Online İşlemler → Giriş → NES İşlemleri → Bireysel İşlemler → Başvuru İşlemleri → PIN Oluşturma → Kilit Çözme';
const SUSPEND_PATH = 'Kamu SM Online İşlemler → NES İşlemleri → Bireysel İşlemler → Sertifikamı İptal Et → Askıya Alma';
const R3_R5 = ['Eski e-imzanızın süresi dolmadan yeni kartı kullanmayın', "Eski kartınızın PIN'ini yeni kartta denemeyin", "yeni kartın PIN'iyle kullanın"];
const startRenewal: Turn[] = [
  { do: { press: 'Yenileme' }, see: ['E-imzanızı neden yeniliyorsunuz?'] },
  { do: { press: 'Süresi doluyor / doldu' }, see: ['son geçerlilik tarihi nedir?'] },
];

export const renewalCases: PathCase[] = [
  {
    name: 'renewal 45 days before expiry: too early, says when to apply, offers a reminder',
    turns: [
      ...startRenewal,
      { do: { date: 45 }, see: ['Yenileme için henüz erken', '05.01.2027 (45 gün kaldı)', '06.12.2026', 'Zamanı gelince hatırlat'], notSee: ['kaydettim'] },
      { do: { press: 'Zamanı gelince hatırlat' }, see: ['Not aldım: 06.12.2026 tarihinde size hatırlatacağım.'] },
    ],
  },
  {
    name: 'renewal 31 days before expiry is still too early (window is 30 days)',
    turns: [...startRenewal, { do: { date: 31 }, see: ['henüz erken', '22.11.2026'] }],
  },
  {
    name: 'renewal exactly 30 days before expiry: apply now; an administrator at expiry is paid by the institution (F2)',
    turns: [
      ...startRenewal,
      { do: { date: 30 }, see: ['Kurumdaki göreviniz hangisi?'], notSee: ['henüz erken', 'ıslak imzalı'] },
      { do: { press: 'İdari görevim var' }, see: ['Yenileme talebinizi kaydettim', '21.12.2026 (30 gün kaldı)', 'Kurum öder', '(F2)', 'Bilgi İşlem Daire Başkanlığı', ...R3_R5] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: false, expiryInDays: 30, role: 'administrative' },
  },
  {
    name: 'renewal 1 day before expiry: apply now; no administrative duty pays (F3)',
    turns: [
      ...startRenewal,
      { do: { date: 1 }, see: ['Kurumdaki göreviniz hangisi?'] },
      { do: { press: 'İdari görevim yok' }, see: ['22.11.2026 (1 gün kaldı)', 'Siz ödersiniz', '(F3)', ...R3_R5] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 1, role: 'noAdministrative' },
  },
  {
    name: 'renewal on the expiry day: still in the window, not late',
    turns: [
      ...startRenewal,
      { do: { date: 0 }, see: ['Kurumdaki göreviniz hangisi?'], notSee: ['ıslak imzalı', 'süresi dolmuş'] },
      { do: { press: 'İdari görevim bitti' }, see: ['21.11.2026 (bugün son gün)', 'Siz ödersiniz', '(F3)'] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 0, role: 'administrativeEnded' },
  },
  {
    name: 'renewal 3 days after expiry: late path, wet-signed form (R2)',
    turns: [
      ...startRenewal,
      { do: { date: -3 }, see: ['E-imzanızın süresi dolmuş', 'ıslak imzalı form gerekir', '18.11.2026 (3 gün önce doldu)', 'elle imzalayın', 'Kurumdaki göreviniz hangisi?'] },
      { do: { press: 'İdari görevim var' }, see: ['Yenileme talebinizi kaydettim', 'Kurum öder', 'elle imzalayın', ...R3_R5] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: true, expiryInDays: -3, role: 'administrative' },
  },
  {
    name: 'renewal across a month end: 31.01 to 02.03.2027 is exactly 30 days',
    today: '2027-01-31',
    turns: [...startRenewal, { do: { date: 30 }, see: ['Kurumdaki göreviniz hangisi?'] }, { do: { press: 'İdari görevim yok' }, see: ['02.03.2027 (30 gün kaldı)'] }],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 30, role: 'noAdministrative' },
  },
  {
    name: 'renewal with a typed date (no diacritics, dots)',
    turns: [...startRenewal, { do: { say: '21.12.2026' }, see: ['Kurumdaki göreviniz hangisi?'] }, { do: { say: 'idari gorevim var' }, see: ['Kurum öder'] }],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: false, expiryInDays: 30, role: 'administrative' },
  },
  {
    name: 'renewal with a nonsense date asks again',
    turns: [...startRenewal, { do: { say: '45.13.2026' }, see: ['21.11.2026', 'son geçerlilik tarihi nedir?'], notSee: ['göreviniz'] }],
  },
  {
    name: 'renewal for a PIN-PUK block: the person pays whatever the role (F1, F3), so no role or date is asked',
    turns: [
      { do: { press: 'Yenileme' } },
      { do: { press: 'PIN-PUK blokesi' }, see: ['Yenileme talebinizi kaydettim', 'Siz ödersiniz', '(F1)', '(F3)', 'sertifika önce iptal edilir'], notSee: ['son geçerlilik tarihi nedir?', 'Kurumdaki göreviniz hangisi?'] },
    ],
    recorded: { reason: 'pinPukBlock', payer: 'person', late: false },
  },
  {
    name: 'renewal because the card was lost goes to the lost-card path',
    turns: [{ do: { press: 'Yenileme' } }, { do: { press: 'Kayıp ya da çalıntı' }, see: ['Önce sertifikanızı askıya alın', SUSPEND_PATH] }],
  },
];

export const newCardPinCases: PathCase[] = [
  {
    name: 'new card PIN: all 8 steps in order, then the PIN advice',
    turns: [
      { do: { press: "Yeni kartın PIN'i" }, see: ['Adım 1/8', 'kart okuyucuya doğru yönde takın', 'Tamam, sonraki adım', 'Takıldım'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 2/8', 'www.kamusm.gov.tr'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 3/8', 'Online İşlemler → Nitelikli Elektronik Sertifika İşlemleri'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 4/8', 'Şifreli Giriş'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 5/8', 'Güvenlik Sözcüğü', 'Resimdeki Yazı', 'bana değil'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 6/8', 'SMS Onay'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 7/8', 'PIN/PUK Bilgisi'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 8/8', '6 haneli', "PIN'inizi kimseyle paylaşmayın", '"Sil" düğmesine basmanız önerilir', UNLOCK_PATH, 'E-Onay', "Tamam, PIN'imi aldım"] },
      { do: { say: 'tamam' }, see: ["Yeni kartınızın PIN'i artık sizde", 'süresi dolmadan yeni kartı kullanmayın'] },
    ],
  },
  {
    name: 'new card PIN: stuck at login gives the Şifreli Giriş help, not E-İmzalı Giriş',
    turns: [
      { do: { press: "Yeni kartın PIN'i" } }, { do: { press: 'Tamam, sonraki adım' } }, { do: { press: 'Tamam, sonraki adım' } }, { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 4/8'] },
      { do: { press: 'Takıldım' }, see: ["Şifreli Giriş'i seçin", 'E-İmzalı Giriş yalnızca kullanıma açılmış', 'Adım 4/8'], notSee: ['Yetkiliye bağlan'] },
    ],
  },
  {
    name: 'new card PIN: stuck at the security word explains it and the e-mail reset; stuck twice offers a person',
    turns: [
      { do: { press: "Yeni kartın PIN'i" } }, ...Array.from({ length: 4 }, (): Turn => ({ do: { press: 'Tamam, sonraki adım' } })),
      { do: { press: 'Takıldım' }, see: ['başvuru formunu doldururken kendi belirlediğiniz kod', 'PIN değildir', 'Güvenlik Sözcüğümü Unuttum', 'E-posta', 'Adım 5/8'] },
      { do: { press: 'Takıldım' }, see: ['Yetkiliye bağlan', "Bilgi İşlem'deki bir yetkiliye"] },
    ],
  },
  {
    name: 'new card PIN: stuck at SMS says to call Kamu SM when the number is not mine',
    turns: [
      { do: { press: "Yeni kartın PIN'i" } }, ...Array.from({ length: 5 }, (): Turn => ({ do: { press: 'Tamam, sonraki adım' } })),
      { do: { press: 'Takıldım' }, see: ['size ait değilse', '444 5 576', 'Adım 6/8'] },
    ],
  },
];

export const unlockAndLostCases: PathCase[] = [
  {
    name: 'unlock: 3 wrong PINs lock, the exact Kilit Çözme path, the PUK warning up front',
    turns: [
      { do: { press: 'Kilit çözme' }, see: ['PUK kodu kilit çözmek için KULLANILMAZ', 'Akis Kart İzleme Aracı', 'ücretli yenileme', '3 kez yanlış', UNLOCK_PATH, 'yeni bir PIN oluşturur', 'Şifreli Giriş'] },
      { do: { press: "Yeni PIN'i aldım" }, see: ['kilidi açıldı', 'paylaşmayın'] },
    ],
  },
  {
    name: 'unlock: stuck offers the help and a person',
    turns: [{ do: { press: 'Kilit çözme' } }, { do: { press: 'Takıldım' }, see: ['Güvenlik Sözcüğümü Unuttum', '444 5 576', 'Yetkiliye bağlan'] }],
  },
  {
    name: 'lost card: suspend first with the exact path and the phone line, then a paid renewal is recorded',
    turns: [
      { do: { press: 'Kayıp/Çalıntı kart' }, see: ['Önce sertifikanızı askıya alın', 'hemen kullanıma kapatın', SUSPEND_PATH, '444 5 576', 'Askıya aldım', 'Yapamadım'] },
      { do: { press: 'Askıya aldım' }, see: ['Yeni kart için yenileme talebinizi oluşturdum', 'Siz ödersiniz', '(F1)', '(F3)'], notSee: ['Kurumdaki göreviniz hangisi?'] },
    ],
    recorded: { reason: 'lostOrStolen', payer: 'person', late: false },
  },
  {
    name: 'lost card: "Yapamadım" gives the phone and a person, then asks again',
    turns: [
      { do: { press: 'Kayıp/Çalıntı kart' } },
      { do: { press: 'Yapamadım' }, see: ['444 5 576', 'Yetkiliye bağlan', 'Askıya aldım'], notSee: ['talebinizi oluşturdum'] },
      { do: { say: 'askıya aldım' }, see: ['talebinizi oluşturdum'] },
    ],
    recorded: { reason: 'lostOrStolen', payer: 'person', late: false },
  },
];

export const questionCases: PathCase[] = [
  { name: 'F4: leaving the institution', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Kurumdan ayrılırsam ya da idari görevim biterse?' }, see: ['süresi bitene kadar', '(F4)'] }] },
  { name: 'what the güvenlik sözcüğü is', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Güvenlik sözcüğü nedir?' }, see: ['kendi belirlediğiniz kod', 'PIN değildir', 'Güvenlik Sözcüğümü Unuttum'] }] },
  { name: 'R4: the old PIN on the new card', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: "Eski PIN'imi yeni kartta kullanabilir miyim?" }, see: ['Hayır', '3 yanlış deneme'] }] },
  { name: 'R3: when to start using the new card', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Yeni kartı ne zaman kullanmaya başlarım?' }, see: ['süresi dolmadan yeni kartı kullanmayın'] }] },
];

/** Who pays, by hand from S003 (F1-F3), for every role x reason pair. */
export const feeTable: { role: string; roleLabel: string; reason: string; reasonLabel: string; payer: string; source: string }[] = (() => {
  const roles = [['administrative', 'İdari görevim var'], ['administrativeEnded', 'İdari görevim bitti'], ['noAdministrative', 'İdari görevim yok']];
  const reasons = [['normalExpiry', 'Süresi doluyor / doldu'], ['lostOrStolen', 'Kayıp ya da çalıntı'], ['userFault', 'Kartı ben bozdum (kullanıcı kaynaklı arıza)'], ['pinPukBlock', 'PIN-PUK blokesi'], ['identityUpdate', 'Kimlik bilgim değişti']];
  return roles.flatMap(([role, roleLabel]) => reasons.map(([reason, reasonLabel]) => {
    const administrator = role === 'administrative';
    const institution = administrator && reason === 'normalExpiry';
    return { role, roleLabel, reason, reasonLabel, payer: institution ? 'Kurum öder' : 'Siz ödersiniz', source: !administrator ? 'F3' : institution ? 'F2' : 'F1' };
  }));
})();
