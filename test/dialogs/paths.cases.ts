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
const PIN_BLOCK = 'PIN ve PUK blokesi (kart tamamen kullanılamıyor)';
const SUSPEND_PATH = 'Kamu SM Online İşlemler → NES İşlemleri → Bireysel İşlemler → Sertifikamı İptal Et → Askıya Alma';
/** What the user must read about the new card (R3-R5), and the R3 sentence alone. */
const R3 = 'Eski e-imzanızın süresi dolmadan yeni kartınızı kullanmayın';
const R4 = "Eski kartınızın PIN'ini yeni kartta denemeyin";
const R5 = "yeni kartınızı yeni PIN'iyle kullanın";
const R3_R5 = [R3, R4, R5];
/** A rule code shown to users ("(F1)"): never. */
export const RULE_CODE = /\((F|R|L|K)\d\)/;
const ROLE_QUESTION = 'İdari göreviniz var mı?';
const PIN_LOCK_QUESTION = 'yalnızca PIN 3 kez yanlış girildiği için mi kilitlendi?';
const F1 = 'önce sertifika iptal edilir';
const F3 = 'İdari görevi biten ya da idari görevi olmayan personelin yenileme ücretini kişi öder';
const startRenewal: Turn[] = [
  { do: { press: 'Yenileme' }, see: ['E-imzanızı neden yeniliyorsunuz?'] },
  { do: { press: 'Süresi doluyor / doldu' }, see: ['son geçerlilik tarihi nedir?'] },
];

export const renewalCases: PathCase[] = [
  {
    name: 'R1 is a target, not a gate: 120 days out (beyond the 90-day window) says the target date and offers a reminder',
    turns: [
      ...startRenewal,
      { do: { date: 120 }, see: ['Yenileme için biraz erken', 'bir ay önce yapılır', '21.03.2027 (120 gün kaldı)', 'Önerilen başvuru tarihi', '21.02.2027', '21.12.2026 tarihinden itibaren', 'Zamanı gelince hatırlat'], notSee: ['kaydettim', 'en fazla', 'açılış', RULE_CODE] },
      { do: { press: 'Zamanı gelince hatırlat' }, see: ['Not aldım: 19.02.2027 tarihinde size hatırlatacağım.'] },
    ],
  },
  {
    name: 'R1: 45 days before expiry is inside the window: the request is recorded, on time, with the target date',
    turns: [
      ...startRenewal,
      { do: { date: 45 }, see: [ROLE_QUESTION, 'müdür yardımcısı'], notSee: ['erken', 'kaydettim'] },
      { do: { press: 'İdari görevim var' }, see: ['Yenileme talebinizi kaydettim', 'Zamanında başvurdunuz', 'bir ay önce yapılır', '05.12.2026', 'Kurum öder', ...R3_R5], notSee: [RULE_CODE, 'idari görevi olan personelde', 'idi;', 'iptal edilir'] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: false, expiryInDays: 45, role: 'administrative' },
  },
  {
    name: 'R1: 31 days before expiry is on time (was "too early, come back tomorrow")',
    turns: [...startRenewal, { do: { date: 31 }, see: [ROLE_QUESTION], notSee: ['erken'] }, { do: { press: 'İdari görevim yok' }, see: ['Zamanında başvurdunuz', '22.11.2026'] }],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 31, role: 'noAdministrative' },
  },
  {
    name: 'R1 is a calendar month: 30 days before a 21.12 expiry is the target day itself; an administrator at expiry is paid by the institution (F2)',
    turns: [
      ...startRenewal,
      { do: { date: 30 }, see: [ROLE_QUESTION], notSee: ['erken', 'ıslak imzalı'] },
      { do: { press: 'İdari görevim var' }, see: ['Yenileme talebinizi kaydettim', '21.12.2026 (30 gün kaldı)', 'Zamanında başvurdunuz', '21.11.2026', 'Kurum öder', 'olağan yenileme ücretini kurum karşılar', 'Bilgi İşlem Daire Başkanlığı', ...R3_R5], notSee: [RULE_CODE, F3] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: false, expiryInDays: 30, role: 'administrative' },
  },
  {
    name: 'R1 said on the in-window path after the target: 1 day before expiry; no administrative duty pays (F3)',
    turns: [
      ...startRenewal,
      { do: { date: 1 }, see: [ROLE_QUESTION] },
      { do: { press: 'İdari görevim yok' }, see: ['22.11.2026 (1 gün kaldı)', 'bir ay önce yapılır', '22.10.2026 idi', 'Siz ödersiniz', F3, ...R3_R5], notSee: [RULE_CODE, 'Zamanında', 'kurum karşılar'] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 1, role: 'noAdministrative' },
  },
  {
    name: 'renewal on the expiry day: still in the window, not late',
    turns: [
      ...startRenewal,
      { do: { date: 0 }, see: [ROLE_QUESTION], notSee: ['ıslak imzalı', 'süresi dolmuş'] },
      { do: { press: 'İdari görevim bitti' }, see: ['21.11.2026 (bugün son gün)', 'Siz ödersiniz'], notSee: [RULE_CODE] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 0, role: 'administrativeEnded' },
  },
  {
    name: 'renewal 3 days after expiry: late path, wet-signed form (R2) said once; no R3 (the old one has expired)',
    turns: [
      ...startRenewal,
      { do: { date: -3 }, see: ['E-imzanızın süresi dolmuş', 'ıslak imzalı form gerekir', '18.11.2026 (3 gün önce doldu)', 'elle imzalayın', ROLE_QUESTION] },
      { do: { press: 'İdari görevim var' }, see: ['Yenileme talebinizi kaydettim', 'Kurum öder', R4, R5], notSee: ['elle imzalayın', R3, RULE_CODE] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: true, expiryInDays: -3, role: 'administrative' },
  },
  {
    name: 'renewal across a month end: 31.01 to 02.03.2027 is 30 days, and the target is 02.02.2027',
    today: '2027-01-31',
    turns: [...startRenewal, { do: { date: 30 }, see: [ROLE_QUESTION] }, { do: { press: 'İdari görevim yok' }, see: ['02.03.2027 (30 gün kaldı)', '02.02.2027', 'Zamanında'] }],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 30, role: 'noAdministrative' },
  },
  {
    name: 'renewal with a typed date (no diacritics, dots)',
    turns: [...startRenewal, { do: { say: '21.12.2026' }, see: [ROLE_QUESTION] }, { do: { say: 'idari gorevim var' }, see: ['Kurum öder'] }],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: false, expiryInDays: 30, role: 'administrative' },
  },
  {
    name: 'renewal with a nonsense date asks again',
    turns: [...startRenewal, { do: { say: '45.13.2026' }, see: ['21.11.2026', 'son geçerlilik tarihi nedir?'], notSee: ['göreviniz'] }],
  },
  {
    name: 'C1: a PIN only locked by 3 wrong tries goes to the free unlock with the PUK warning, and nothing is recorded',
    turns: [
      { do: { press: 'Yenileme' } },
      { do: { press: PIN_BLOCK }, see: [PIN_LOCK_QUESTION, 'ücretsiz', 'Kilit Çözme', 'Evet, yalnızca PIN kilitlendi', 'Emin değilim'], notSee: ['Siz ödersiniz', 'kaydettim', ROLE_QUESTION] },
      { do: { press: 'Evet, yalnızca PIN kilitlendi' }, see: ['Kilitlenen PIN\'i açma', 'kilit çözmek için **kullanılmaz**', UNLOCK_PATH], notSee: ['Siz ödersiniz', 'kaydettim', R3] },
    ],
  },
  {
    name: 'C1: "not sure" is unlocked first too (it is free); typed "emin degilim" works',
    turns: [{ do: { press: 'Yenileme' } }, { do: { press: PIN_BLOCK } }, { do: { say: 'emin degilim' }, see: ['kilit çözmek için **kullanılmaz**', UNLOCK_PATH], notSee: ['Siz ödersiniz'] }],
  },
  {
    name: 'C1 + F1: a real PIN and PUK block of an administrator: revoked first, the person pays, only F1, no R3',
    turns: [
      { do: { press: 'Yenileme' } },
      { do: { press: PIN_BLOCK }, see: [PIN_LOCK_QUESTION] },
      { do: { press: 'Hayır, PUK denemeleri de bitti' }, see: [ROLE_QUESTION], notSee: ['kaydettim', 'son geçerlilik tarihi nedir?'] },
      { do: { press: 'İdari görevim var' }, see: ['Yenileme talebinizi kaydettim', 'Siz ödersiniz', 'Mevcut sertifika\nÖnce iptal edilir', F1, R4, "“Yeni kartın PIN'i” bölümünde"], notSee: [F3, R3, R5, RULE_CODE] },
    ],
    recorded: { reason: 'pinPukBlock', payer: 'person', late: false, role: 'administrative' },
  },
  {
    name: 'F3 + D3: a user-caused fault without an administrative duty: only F3, no revocation sentence, no R3',
    turns: [
      { do: { press: 'Yenileme' } },
      { do: { press: 'Kartım benden kaynaklı bir nedenle arızalandı' }, see: [ROLE_QUESTION], notSee: [PIN_LOCK_QUESTION] },
      { do: { press: 'İdari görevim yok' }, see: ['Siz ödersiniz', F3, R4], notSee: [F1, 'iptal edilir', R3, RULE_CODE] },
    ],
    recorded: { reason: 'userFault', payer: 'person', late: false, role: 'noAdministrative' },
  },
  {
    name: 'renewal because the card was lost goes to the lost-card path',
    turns: [{ do: { press: 'Yenileme' } }, { do: { press: 'Kayıp ya da çalıntı' }, see: ['Önce sertifikanızı askıya alın', SUSPEND_PATH] }],
  },
];

const next: Turn = { do: { press: 'Tamam, sonraki adım' } };

export const newCardPinCases: PathCase[] = [
  {
    name: 'new card PIN: all 8 steps in order; step 1 frames it (on expiry); step 8 has the PUK warning (D2) and the PIN page notes',
    turns: [
      { do: { press: "Yeni kartın PIN'i" }, see: ['Adım 1/8', 'süresi dolduğunda', 'kart okuyucuya doğru yönde takın', 'Tamam, sonraki adım', 'Takıldım'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 2/8', 'www.kamusm.gov.tr'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 3/8', 'Online İşlemler” → “Nitelikli Elektronik Sertifika İşlemleri'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 4/8', 'Şifreli Giriş'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 5/8', 'Güvenlik Sözcüğü', 'Resimdeki Yazı', 'bana değil'], notSee: ["Giriş'e"] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 6/8', 'SMS Onay'], notSee: ["Ekranı'nda"] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 7/8', 'PIN/PUK Bilgisi'] },
      { do: { press: 'Tamam, sonraki adım' }, see: ['Adım 8/8', '6 haneli', 'imza şifreniz', "PIN'inizi kimseyle paylaşmayın", 'PUK kodu kilit çözmek için **kullanılmaz**', 'kalıcı olarak silinir', UNLOCK_PATH, 'Kamu SM sitesinin ana menüsündeki “E-Onay”', "Tamam, PIN'imi aldım"], notSee: [RULE_CODE] },
      { do: { say: 'tamam' }, see: ["Yeni kartınızın PIN'i artık sizde", 'süresi dolmadan yeni kartınızı kullanmayın'] },
    ],
  },
  {
    name: 'new card PIN: stuck at login gives the Şifreli Giriş help (security word, not PIN), not E-İmzalı Giriş',
    turns: [
      { do: { press: "Yeni kartın PIN'i" } }, next, next, { ...next, see: ['Adım 4/8'] },
      { do: { press: 'Takıldım' }, see: ['“Şifreli Giriş” seçeneğini seçin', 'yalnızca kullanıma açılmış', 'PIN değil, güvenlik sözcüğü', 'Adım 4/8'], notSee: ['Yetkiliye bağlan', '444 5 576'] },
    ],
  },
  {
    name: 'new card PIN: stuck at the security word explains it and the e-mail reset; stuck twice offers a person',
    turns: [
      { do: { press: "Yeni kartın PIN'i" } }, ...Array.from({ length: 4 }, () => next),
      { do: { press: 'Takıldım' }, see: ['başvuru formunu doldururken kendi belirlediğiniz kod', 'PIN değildir', 'Güvenlik sözcüğünüzü hatırlamıyorsanız', 'E-posta', 'Adım 5/8'] },
      { do: { press: 'Takıldım' }, see: ['Yetkiliye bağlan', 'yardım masasındaki bir yetkiliye'] },
    ],
  },
  {
    name: 'new card PIN: stuck at SMS says to call Kamu SM when the number is not mine',
    turns: [
      { do: { press: "Yeni kartın PIN'i" } }, ...Array.from({ length: 5 }, () => next),
      { do: { press: 'Takıldım' }, see: ['size ait değilse', '444 5 576', 'Adım 6/8'] },
    ],
  },
  {
    name: 'D9/D19: stuck at step 2 gives that step\'s own help (the address), no call centre; the count starts again at each step',
    turns: [
      { do: { press: "Yeni kartın PIN'i" } }, { do: { press: 'Takıldım' } }, { do: { press: 'Takıldım' }, see: ['Yetkiliye bağlan'] }, next,
      { do: { press: 'Takıldım' }, see: ['www.kamusm.gov.tr', 'Adım 2/8'], notSee: ['444 5 576', 'Yetkiliye bağlan'] },
    ],
  },
];

export const unlockAndLostCases: PathCase[] = [
  {
    name: 'unlock: 3 wrong PINs lock, the exact Kilit Çözme path said once, the PUK warning up front',
    turns: [
      { do: { press: 'Kilit çözme' }, see: ['PUK kodu kilit çözmek için **kullanılmaz**', 'Akis Kart İzleme Aracı', 'ücret karşılığında', '3 kez yanlış', UNLOCK_PATH, 'yeni bir PIN oluşturur', 'Şifreli Giriş'], notSee: ['KULLANILMAZ', "Giriş'e tıklayın"] },
      { do: { press: "Yeni PIN'i aldım" }, see: ['kilidi açıldı', 'paylaşmayın'] },
    ],
  },
  {
    name: 'unlock: stuck offers the help and a person',
    turns: [{ do: { press: 'Kilit çözme' } }, { do: { press: 'Takıldım' }, see: ['Güvenlik sözcüğünüzü hatırlamıyorsanız', 'Güvenlik Sözcüğümü Unuttum', '444 5 576', 'Yetkiliye bağlan'] }],
  },
  {
    name: 'lost card: suspend first with the exact path and the phone line; the role is asked; an administrator is revoked first (F1) and pays',
    turns: [
      { do: { press: 'Kayıp/Çalıntı kart' }, see: ['Önce sertifikanızı askıya alın', 'hemen kullanıma kapatın', SUSPEND_PATH, '444 5 576', 'Askıya aldım', 'Yapamadım'] },
      { do: { press: 'Askıya aldım' }, see: [ROLE_QUESTION], notSee: ['talebinizi oluşturdum'] },
      { do: { press: 'İdari görevim var' }, see: ['Yeni kart için yenileme talebinizi oluşturdum', 'Siz ödersiniz', 'Mevcut sertifika\nÖnce iptal edilir', F1], notSee: [F3, RULE_CODE] },
    ],
    recorded: { reason: 'lostOrStolen', payer: 'person', late: false, role: 'administrative' },
  },
  {
    name: 'lost card: "Yapamadım" gives the phone and a person, then asks again',
    turns: [
      { do: { press: 'Kayıp/Çalıntı kart' } },
      { do: { press: 'Yapamadım' }, see: ['444 5 576', 'Yetkiliye bağlan', 'Askıya aldım', '“Askıya aldım” düğmesine basın'], notSee: ['talebinizi oluşturdum', 'karttan bana haber'] },
      { do: { say: 'askıya aldım' }, see: [ROLE_QUESTION] },
      { do: { say: 'idari görevim yok' }, see: ['talebinizi oluşturdum', F3], notSee: [F1, 'iptal edilir'] },
    ],
    recorded: { reason: 'lostOrStolen', payer: 'person', late: false, role: 'noAdministrative' },
  },
];

export const questionCases: PathCase[] = [
  { name: 'F4: leaving the institution', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Kurumdan ayrılırsam ya da idari görevim biterse e-imzam ne olur?' }, see: ['süresi bitene kadar'], notSee: [RULE_CODE] }] },
  { name: 'what the güvenlik sözcüğü is', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Güvenlik sözcüğü nedir?' }, see: ['kendi belirlediğiniz kod', 'PIN değildir', 'Güvenlik Sözcüğümü Unuttum'] }] },
  { name: 'R4: the old PIN on the new card', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: "Eski PIN'imi yeni kartta kullanabilir miyim?" }, see: ['Hayır', '3 kez yanlış'] }] },
  { name: 'R3: when to start using the new card', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Yeni kartı ne zaman kullanmaya başlarım?' }, see: [R3, R5] }] },
  { name: 'L3: the PUK question is on the list', turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'PUK kodu nedir, ne işe yarar?' }, see: ['kilit çözmek için **kullanılmaz**', 'PIN/PUK Bilgisi'] }] },
  {
    name: 'C1 from "who pays": a PIN-only lock is sent to the free unlock, never to "Siz ödersiniz"',
    turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Ücreti kim öder?' } }, { do: { press: PIN_BLOCK }, see: [PIN_LOCK_QUESTION], notSee: ['Siz ödersiniz'] }, { do: { press: 'Evet, yalnızca PIN kilitlendi' }, see: [UNLOCK_PATH], notSee: ['Siz ödersiniz'] }],
  },
];

/** English rows: the same findings, the English table. */
export const englishCases: PathCase[] = [
  {
    name: 'en C1: a PIN-only lock goes to the unlock path, nothing recorded',
    turns: [{ do: { press: 'Renewal' } }, { do: { press: 'PIN and PUK block (the card cannot be used at all)' }, see: ['only because the PIN was entered wrongly 3 times'], notSee: ['You pay'] }, { do: { press: 'Yes, only the PIN is locked' }, see: ['The PUK is **not** used to unlock', UNLOCK_PATH], notSee: ['You pay'] }],
  },
  {
    name: 'en R1: 45 days out is recorded on time; plural-correct days; no rule codes',
    turns: [
      { do: { press: 'Renewal' } }, { do: { press: 'It is expiring / expired' } },
      { do: { date: 45 }, see: ['Do you have an administrative duty?'] },
      { do: { press: 'I have an administrative duty' }, see: ['You applied in good time', 'one month before', '05.12.2026', 'Your request will be seen by the IT Department', 'Do not use your new card before'], notSee: [RULE_CODE, 'at most', 'will see your request'] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: false, expiryInDays: 45, role: 'administrative' },
  },
  {
    name: 'en R1: 1 day before expiry says "1 day left", not "1 days"',
    turns: [{ do: { press: 'Renewal' } }, { do: { press: 'It is expiring / expired' } }, { do: { date: 1 } }, { do: { press: 'I have no administrative duty' }, see: ['(1 day left)', 'that date was 22.10.2026'], notSee: ['1 days'] }],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 1, role: 'noAdministrative' },
  },
  {
    name: 'en step 8 shows the PUK warning',
    turns: [{ do: { press: "New card's PIN" } }, ...Array.from({ length: 7 }, (): Turn => ({ do: { press: 'OK, next step' } })).slice(0, 6), { do: { press: 'OK, next step' }, see: ['Step 8/8', 'the PUK on this page is **not** used to unlock', 'Kamu SM site\'s main menu'] }],
  },
];

/** Who pays, by hand from S003 (F1-F3), for every role x reason pair: the one rule that applies. */
export const feeTable: { role: string; roleLabel: string; reason: string; reasonLabel: string; payer: string; source: string; revokeFirst: boolean }[] = (() => {
  const roles = [['administrative', 'İdari görevim var'], ['administrativeEnded', 'İdari görevim bitti'], ['noAdministrative', 'İdari görevim yok']];
  const reasons = [['normalExpiry', 'Süresi doluyor / doldu'], ['lostOrStolen', 'Kayıp ya da çalıntı'], ['userFault', 'Kartım benden kaynaklı bir nedenle arızalandı'], ['pinPukBlock', PIN_BLOCK], ['identityUpdate', 'Kimlik bilgim değişti']];
  return roles.flatMap(([role, roleLabel]) => reasons.map(([reason, reasonLabel]) => {
    const administrator = role === 'administrative';
    const institution = administrator && reason === 'normalExpiry';
    const source = !administrator ? 'F3' : institution ? 'F2' : 'F1';
    return { role, roleLabel, reason, reasonLabel, payer: institution ? 'Kurum öder' : 'Siz ödersiniz', source, revokeFirst: source === 'F1' };
  }));
})();
