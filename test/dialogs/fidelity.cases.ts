import type { IntentResult } from '../../bot/nlu';
import type { PathCase, Turn } from './paths.cases';

/**
 * The second fidelity review: one block of rows per finding, with examples other than the review's
 * (other ways to say a PIN is blocked, window edges, month ends, every non-ordinary reason, both
 * languages). Each row is a conversation (see paths.cases.ts); `intent` fixes what the recognizer
 * returns, so typed rows test the dialog routing alone.
 */
export interface FidelityCase extends PathCase {
  locale?: 'tr' | 'en';
  intent?: IntentResult;
}

const UNLOCK_PATH = 'Kamu SM Online İşlemler → Giriş → NES İşlemleri → Bireysel İşlemler → Başvuru İşlemleri → PIN Oluşturma → Kilit Çözme';
const PIN_BLOCK = 'PIN ve PUK blokesi (kart tamamen kullanılamıyor)';
const PIN_BLOCK_EN = 'PIN and PUK block (the card cannot be used at all)';
const PUK_WARNING = 'PUK kodu kilit çözmek için **kullanılmaz**';
const PUK_WARNING_EN = 'The PUK is **not** used to unlock';
const PIN_LOCK_QUESTION = 'yalnızca PIN 3 kez yanlış girildiği için mi kilitlendi?';
const ROLE_QUESTION = 'İdari göreviniz var mı?';
const ROLE_QUESTION_EN = 'Do you have an administrative duty?';
const R3 = 'Eski e-imzanızın süresi dolmadan yeni kartınızı kullanmayın';
const R3_EN = 'Do not use your new card before your old e-signature expires';
const R4 = "Eski kartınızın PIN'ini yeni kartta denemeyin";
const R4_EN = "Never try your old card's PIN on the new card";
const ONLY_ESIGN = 'yalnızca e-imza';
const ONLY_ESIGN_EN = 'I can only help with e-signature matters';

const intent = (name: IntentResult['intent'], score = 0.9): IntentResult => ({ intent: name, score, alternatives: [{ intent: name, score }] });
const renewalDate = (locale: 'tr' | 'en' = 'tr'): Turn[] => locale === 'tr'
  ? [{ do: { press: 'Yenileme' } }, { do: { press: 'Süresi doluyor / doldu' } }]
  : [{ do: { press: 'Renewal' } }, { do: { press: 'It is expiring / expired' } }];

/** 1. A locked PIN, said in other words, never reaches a paid renewal without the unlock question. */
export const pinBlockedCases: FidelityCase[] = [
  ...['şifrem bloke oldu', 'pin kilitli', 'PIN BLOKE OLDU', 'PINIM KILITLENDI'].map((typed): FidelityCase => ({
    name: `1: "${typed}" (recognised as unlock) gets the free Kilit Çözme with the PUK warning, never "Siz ödersiniz"`,
    intent: intent('unlock'),
    turns: [{ do: { say: typed }, see: [UNLOCK_PATH, PUK_WARNING, '3 kez yanlış'], notSee: ['Siz ödersiniz', 'kaydettim', ROLE_QUESTION] }],
  })),
  {
    name: '1: "pin bloke oldu ücretini kim öder" (fees): the block is asked about before any payer; an unsure user is unlocked for free',
    intent: intent('fees'),
    turns: [
      { do: { say: 'pin bloke oldu ucretini kim oder' }, see: ['Yenileme nedeniniz hangisi?', PIN_BLOCK], notSee: ['Siz ödersiniz'] },
      { do: { press: PIN_BLOCK }, see: [PIN_LOCK_QUESTION, 'ücretsiz'], notSee: ['Siz ödersiniz', ROLE_QUESTION] },
      { do: { say: 'EMIN DEGILIM' }, see: [UNLOCK_PATH, PUK_WARNING], notSee: ['Siz ödersiniz'] },
    ],
  },
  {
    name: '1: renewal for a PIN and PUK block answered "bilmiyorum" is unlocked, nothing recorded',
    turns: [{ do: { press: 'Yenileme' } }, { do: { press: PIN_BLOCK }, see: [PIN_LOCK_QUESTION] }, { do: { say: 'bilmiyorum' }, see: [UNLOCK_PATH, PUK_WARNING], notSee: ['kaydettim', 'Siz ödersiniz'] }],
  },
  {
    name: '1: the relabelled reason is what every reason list shows (renewal and who pays), never the bare "PIN-PUK blokesi"',
    turns: [{ do: { press: 'Yenileme' }, see: [PIN_BLOCK], notSee: [/PIN-PUK blokesi(?! )/] }, { do: { say: 'menü' } }, { do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Ücreti kim öder?' }, see: [PIN_BLOCK] }],
  },
  {
    name: '1 en: "my pin is blocked" (unlock) reads the unlock path and the PUK warning, not "You pay"',
    locale: 'en',
    intent: intent('unlock'),
    turns: [{ do: { say: 'my pin is blocked' }, see: [UNLOCK_PATH, PUK_WARNING_EN], notSee: ['You pay', 'I recorded'] }],
  },
  {
    name: '1 en: a PIN and PUK block answered "not sure" goes to the unlock path; "No, the PUK tries are used up too" asks the role',
    locale: 'en',
    turns: [
      { do: { press: 'Renewal' } },
      { do: { press: PIN_BLOCK_EN }, see: ['only because the PIN was entered wrongly 3 times', 'for free'], notSee: ['You pay', ROLE_QUESTION_EN] },
      { do: { say: 'not sure' }, see: [UNLOCK_PATH, PUK_WARNING_EN], notSee: ['You pay'] },
    ],
  },
];

/** 2. R1 is a target inside a window (policy: 90 days), at the window's edges and at month ends. */
const onTimeAt = (days: number, target: string, today?: string): FidelityCase => ({
  name: `2: ${days} days before expiry${today ? ` (today ${today})` : ''} is recorded on time; target ${target}`,
  today,
  turns: [...renewalDate(), { do: { date: days }, see: [ROLE_QUESTION], notSee: ['erken', 'ıslak imzalı'] }, { do: { press: 'İdari görevim yok' }, see: ['Yenileme talebinizi kaydettim', 'Zamanında başvurdunuz', 'bir ay önce yapılır', `Sizin için bu tarih ${target}.`], notSee: [' idi;', 'geciktirmeyin'] }],
  recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: days, role: 'noAdministrative' },
});
const pastTargetAt = (days: number, target: string, today?: string): FidelityCase => ({
  name: `2: ${days} days before expiry${today ? ` (today ${today})` : ''} is recorded; the target ${target} has passed and R1 is said`,
  today,
  turns: [...renewalDate(), { do: { date: days }, see: [ROLE_QUESTION], notSee: ['erken', 'ıslak imzalı'] }, { do: { press: 'İdari görevim yok' }, see: ['Yenileme talebinizi kaydettim', 'bir ay önce yapılır', `${target} idi`], notSee: ['Zamanında'] }],
  recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: days, role: 'noAdministrative' },
});

export const windowCases: FidelityCase[] = [
  {
    name: '2: 91 days before expiry is one day beyond the 90-day window: target said, request possible from tomorrow, reminder offered',
    turns: [...renewalDate(), { do: { date: 91 }, see: ['Yenileme için biraz erken', 'bir ay önce yapılır', '20.01.2027', '22.11.2026 tarihinden itibaren', 'Zamanı gelince hatırlat'], notSee: ['kaydettim', 'en fazla', 'açılış'] }, { do: { say: 'gerek yok' }, see: ['22.11.2026 tarihinden itibaren'] }],
  },
  onTimeAt(90, '19.01.2027'),
  onTimeAt(89, '18.01.2027'),
  onTimeAt(32, '23.11.2026'),
  pastTargetAt(29, '20.11.2026'),
  // 31 March: one calendar month before is 28 February (31 days), not 1 March.
  onTimeAt(31, '28.02.2027', '2027-02-28'),
  pastTargetAt(30, '28.02.2027', '2027-03-01'),
  // 29 February 2028 (leap year): the target is 29 January.
  onTimeAt(31, '29.01.2028', '2028-01-29'),
  pastTargetAt(30, '29.01.2028', '2028-01-30'),
  // 31 May: the target is 30 April.
  onTimeAt(31, '30.04.2027', '2027-04-30'),
  pastTargetAt(30, '30.04.2027', '2027-05-01'),
  {
    name: '2 en: 91 days out is a little early (window), 90 days is recorded in good time',
    locale: 'en',
    turns: [...renewalDate('en'), { do: { date: 91 }, see: ['It is a little early to renew', 'one month before', '20.01.2027', 'from 22.11.2026 on'], notSee: ['I recorded', 'at most'] }],
  },
  {
    name: '2 en: 29 days out: recorded, the target (20.11.2026) has passed, R1 said',
    locale: 'en',
    turns: [...renewalDate('en'), { do: { date: 29 }, see: [ROLE_QUESTION_EN] }, { do: { press: 'I have no administrative duty' }, see: ['I recorded your renewal request', 'one month before', 'that date was 20.11.2026', '(29 days left)'], notSee: ['in good time', '29 day left'] }],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 29, role: 'noAdministrative' },
  },
];

/** 4 and 6. R3 only for an ordinary renewal; every other reason gets R4 and the rule for its role. */
const replacedReasons: [string, string, string][] = [
  ['userFault', 'Kartım benden kaynaklı bir nedenle arızalandı', 'My card stopped working through my own fault'],
  ['pinPukBlock', PIN_BLOCK, PIN_BLOCK_EN],
  ['identityUpdate', 'Kimlik bilgim değişti', 'My identity details changed'],
];
export const noR3Cases: FidelityCase[] = [
  ...replacedReasons.flatMap(([reason, label, labelEn]): FidelityCase[] => [
    {
      name: `4+6: ${reason}, administrative duty: revoked first, the person pays, R4, no R3; the PIN steps after it say no R3 either`,
      turns: [
        { do: { press: 'Yenileme' } },
        { do: { press: label }, see: reason === 'pinPukBlock' ? [PIN_LOCK_QUESTION] : [ROLE_QUESTION] },
        ...(reason === 'pinPukBlock' ? [{ do: { press: 'Hayır, PUK denemeleri de bitti' }, see: [ROLE_QUESTION] }] : []),
        { do: { press: 'İdari görevim var' }, see: ['Siz ödersiniz', 'önce sertifika iptal edilir', R4], notSee: [R3, 'Kurum öder', 'personelin yenileme ücretini kişi öder'] },
        { do: { press: "Yeni kartın PIN'i" }, see: ['Adım 1/8'], notSee: ['süresi dolduğunda'] },
        ...Array.from({ length: 7 }, (): Turn => ({ do: { press: 'Tamam, sonraki adım' } })),
        { do: { press: "Tamam, PIN'imi aldım" }, see: ["Yeni kartınızın PIN'i artık sizde"], notSee: [R3, 'Olağan bir yenilemeyse'] },
      ],
      recorded: { reason, payer: 'person', late: false, role: 'administrative' },
    },
    {
      name: `4+6 en: ${reason}, no administrative duty: the person pays, no revocation sentence, no R3`,
      locale: 'en',
      turns: [
        { do: { press: 'Renewal' } },
        { do: { press: labelEn } },
        ...(reason === 'pinPukBlock' ? [{ do: { press: 'No, the PUK tries are used up too' } }] : []),
        { do: { press: 'I have no administrative duty' }, see: ['You pay', R4_EN], notSee: [R3_EN, 'revoked first, then', 'The institution pays'] },
      ],
      recorded: { reason, payer: 'person', late: false, role: 'noAdministrative' },
    },
  ]),
  {
    name: '4: a lost card (duty ended) gets no R3 after its renewal request',
    turns: [{ do: { press: 'Kayıp/Çalıntı kart' } }, { do: { press: 'Askıya aldım' }, see: [ROLE_QUESTION] }, { do: { press: 'İdari görevim bitti' }, see: ['Siz ödersiniz', R4], notSee: [R3, 'iptal edilir'] }],
    recorded: { reason: 'lostOrStolen', payer: 'person', late: false, role: 'administrativeEnded' },
  },
  {
    name: '4: an ordinary renewal before expiry still says R3, and the PIN steps after it say R3 plainly',
    turns: [
      ...renewalDate(), { do: { date: 20 } }, { do: { press: 'İdari görevim var' }, see: [R3, R4] },
      { do: { press: "Yeni kartın PIN'i" }, see: ['Adım 1/8', 'süresi dolduğunda'] },
      ...Array.from({ length: 7 }, (): Turn => ({ do: { press: 'Tamam, sonraki adım' } })),
      { do: { press: "Tamam, PIN'imi aldım" }, see: [R3], notSee: ['Olağan bir yenilemeyse'] },
    ],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: false, expiryInDays: 20, role: 'administrative' },
  },
];

/** 3. The PUK warning on the PIN page (step 8), in both languages; 5. typed questions. */
export const typedCases: FidelityCase[] = [
  ...['şifremi unuttum', 'SIFREMI HATIRLAMIYORUM', 'imza sifrem kilitlendi', 'sifrem bloke'].map((typed): FidelityCase => ({
    name: `5: "${typed}" the recognizer cannot place is about the signing şifre: a clarifying question, never "only e-imza"`,
    intent: intent('none'),
    turns: [{ do: { say: typed }, see: ['hangi konuda yardım istersiniz?', 'Kilit çözme'], notSee: [ONLY_ESIGN] }],
  })),
  {
    name: '5 en: "forgot my signing password" the recognizer cannot place: a clarifying question, never "only e-signature"',
    locale: 'en',
    intent: intent('none'),
    turns: [{ do: { say: 'forgot my signing password' }, see: ['Which of these is your PIN, card or e-signature question about?'], notSee: [ONLY_ESIGN_EN] }],
  },
  ...['Kamu SM sitesine giremiyorum', 'SMS KODU GELMIYOR', 'kilidim acilmiyor', 'akis hatasi aliyorum', 'okuyucu tanimiyor'].map((typed): FidelityCase => ({
    name: `5: "${typed}" names the domain (Kamu SM, the SMS code, a lock, AKIS, the reader): a clarifying question, never "only e-imza"`,
    intent: intent('none'),
    turns: [{ do: { say: typed }, see: ['hangi konuda yardım istersiniz?'], notSee: [ONLY_ESIGN] }],
  })),
  {
    name: '5 en: "my card reader is not detected" is asked about, not turned away',
    locale: 'en',
    intent: intent('none'),
    turns: [{ do: { say: 'my reader is not detected' }, see: ['Which of these is your PIN, card or e-signature question about?'], notSee: [ONLY_ESIGN_EN] }],
  },
  {
    name: '5: a message naming another system stays out of scope',
    intent: intent('none'),
    turns: [{ do: { say: 'e-okul şifremi unuttum' }, see: [ONLY_ESIGN] }],
  },
];


/** 8. The secret guard masks a value, never the words that name it. */
export const securityWordQuestions: { typed: string; locale: 'tr' | 'en' }[] = [
  { typed: 'guvenlik sozcugumu hatirlamiyorum', locale: 'tr' },
  { typed: 'GÜVENLİK SÖZCÜĞÜM NEYDİ', locale: 'tr' },
  { typed: 'güvenlik sözcüğü nereden değiştirilir', locale: 'tr' },
  { typed: 'guvenlik sozcugunu unuttum ne yapmaliyim', locale: 'tr' },
  { typed: 'where do I change my security word', locale: 'en' },
];
export const securityWordValues: { typed: string; value: string; locale: 'tr' | 'en' }[] = [
  { typed: 'guvenlik sozcugum = Kedi2020', value: 'Kedi2020', locale: 'tr' },
  { typed: 'GÜVENLİK SÖZCÜĞÜM: MAVI77', value: 'MAVI77', locale: 'tr' },
  { typed: 'my security word is tulip77', value: 'tulip77', locale: 'en' },
];
export const SECRET_WARNING = { tr: 'Bu bilgiyi gizledim', en: 'I hid it' };

/** 4 + 5. "When can I use the new card?" says R3 and, in the same answer, whom it is not for. */
export const whenNewCardCases: FidelityCase[] = [
  {
    name: '4+5: typed "yeni karti simdi kullanabilir miyim" (topic new_card_when): R3, and that a revoked certificate is not waited for',
    intent: { ...intent('new_card_pin'), topic: 'new_card_when' },
    turns: [{ do: { say: 'yeni karti simdi kullanabilir miyim' }, see: [R3, 'Bu kural olağan yenileme içindir', 'önce iptal edilir'], notSee: ['Adım 1/8'] }],
  },
  {
    name: '4+5 en: "can I start using the new card today" (topic new_card_when): R3 with its scope',
    locale: 'en',
    intent: { ...intent('new_card_pin'), topic: 'new_card_when' },
    turns: [{ do: { say: 'can I start using the new card today' }, see: [R3_EN, 'This rule is for an ordinary renewal', 'revoked first'], notSee: ['Step 1/8'] }],
  },
];


/** 3. Step 8, the page that shows the PUK, warns about it: reached by typing, in both languages. */
export const stepEightCases: FidelityCase[] = [
  {
    name: '3: typed "TAMAM" seven times reaches step 8, which warns that the PUK on the page does not unlock',
    turns: [
      { do: { press: "Yeni kartın PIN'i" } },
      ...Array.from({ length: 6 }, (): Turn => ({ do: { say: 'TAMAM' } })),
      { do: { say: 'devam' }, see: ['Adım 8/8', 'Dikkat: Bu sayfadaki PUK kodu kilit çözmek için **kullanılmaz**', 'ücret karşılığında', "PIN'inizi kimseyle paylaşmayın"], notSee: ['Adım 7/8\n'] },
      { do: { say: 'takildim' }, see: ['“PUK” satırındaki sayı PIN değildir'] },
    ],
  },
  {
    name: '3 en: typed "next" reaches step 8 with the PUK warning',
    locale: 'en',
    turns: [
      { do: { press: "New card's PIN" } },
      ...Array.from({ length: 6 }, (): Turn => ({ do: { say: 'next' } })),
      { do: { say: 'OK' }, see: ['Step 8/8', 'Careful: the PUK on this page is **not** used to unlock', 'renewed for a fee'] },
      { do: { say: 'stuck' }, see: ['the number on the “PUK” row is not your PIN'] },
    ],
  },
];


/** 1 + 6. Typed answers to the reason and role questions, as staff type them (policy synonyms). */
export const typedAnswerCases: FidelityCase[] = [
  ...([['SADECE PIN KILITLENDI', 'unlock'], ['hayır, puk da bitti', 'role'], ['bilemiyorum', 'unlock']] as const).map(([typed, then]): FidelityCase => ({
    name: `1: "${typed}" answers the only-the-PIN question (${then === 'unlock' ? 'free Kilit Çözme' : 'a real block: the role is asked'})`,
    turns: [{ do: { press: 'Yenileme' } }, { do: { press: PIN_BLOCK }, see: [PIN_LOCK_QUESTION] }, { do: { say: typed }, see: then === 'unlock' ? [UNLOCK_PATH, PUK_WARNING] : [ROLE_QUESTION], notSee: ['düğmelerden birine basın', 'Siz ödersiniz'] }],
  })),
  {
    name: '1 en: "only the PIN" typed answers the only-the-PIN question: the unlock path',
    locale: 'en',
    turns: [{ do: { press: 'Renewal' } }, { do: { press: PIN_BLOCK_EN } }, { do: { say: 'only the PIN' }, see: [UNLOCK_PATH, PUK_WARNING_EN], notSee: ['You pay'] }],
  },
  {
    name: '2: the expiry typed with the month by name, in capitals ("31 MART 2027"): 31 days, on time, target 28.02.2027',
    today: '2027-02-28',
    turns: [{ do: { press: 'Yenileme' } }, { do: { say: 'suresi doluyor' } }, { do: { say: '31 MART 2027' }, see: [ROLE_QUESTION], notSee: ['erken'] }, { do: { say: 'yok' }, see: ['31.03.2027 (31 gün kaldı)', 'Zamanında başvurdunuz', '28.02.2027'] }],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 31, role: 'noAdministrative' },
  },
  {
    name: '2: "29 şubat 28" (leap day, two-digit year) 31 days out: target 29.01.2028',
    today: '2028-01-29',
    turns: [{ do: { press: 'Yenileme' } }, { do: { say: 'doluyor' } }, { do: { say: '29 şubat 28' }, see: [ROLE_QUESTION] }, { do: { say: 'var' }, see: ['29.02.2028 (31 gün kaldı)', '29.01.2028', 'Kurum öder'] }],
    recorded: { reason: 'normalExpiry', payer: 'institution', late: false, expiryInDays: 31, role: 'administrative' },
  },
  {
    name: '2: "31 nisan 2027" is not a date: asked again',
    turns: [{ do: { press: 'Yenileme' } }, { do: { say: 'doldu' } }, { do: { say: '31 nisan 2027' }, see: ['son geçerlilik tarihi nedir?'], notSee: [ROLE_QUESTION] }],
  },
  {
    name: '2 en: "May 31, 2027" typed on 30.04.2027: on time, the target is 30.04.2027',
    locale: 'en',
    today: '2027-04-30',
    turns: [{ do: { press: 'Renewal' } }, { do: { say: 'expiring' } }, { do: { say: 'May 31, 2027' }, see: [ROLE_QUESTION_EN] }, { do: { say: 'no' }, see: ['31.05.2027 (31 days left)', 'You applied in good time', '30.04.2027'] }],
    recorded: { reason: 'normalExpiry', payer: 'person', late: false, expiryInDays: 31, role: 'noAdministrative' },
  },
  {
    name: '1: "PIN BLOKE" typed as the renewal reason asks whether only the PIN is locked; "evet" unlocks for free',
    turns: [{ do: { press: 'Yenileme' } }, { do: { say: 'PIN BLOKE' }, see: [PIN_LOCK_QUESTION], notSee: ['Siz ödersiniz', ROLE_QUESTION] }, { do: { say: 'evet' }, see: [UNLOCK_PATH, PUK_WARNING], notSee: ['kaydettim'] }],
  },
  {
    name: '1: "kilitlendi" typed as the reason in who pays asks the PIN question first',
    turns: [{ do: { press: 'Ücretler ve sorular' } }, { do: { press: 'Ücreti kim öder?' } }, { do: { say: 'kilitlendi' }, see: [PIN_LOCK_QUESTION], notSee: ['Siz ödersiniz'] }],
  },
  ...([['evet', 'İdari görevim var', 'Kurum öder'], ['VAR', 'İdari görevim var', 'Kurum öder'], ['hayır', 'İdari görevim yok', 'Siz ödersiniz'], ['yok', 'İdari görevim yok', 'Siz ödersiniz'], ['bitti', 'İdari görevim bitti', 'Siz ödersiniz']] as const).map(([typed, role, payer]): FidelityCase => ({
    name: `6: "${typed}" answers "İdari göreviniz var mı?" (${role}) on an ordinary renewal`,
    turns: [{ do: { press: 'Yenileme' } }, { do: { say: 'SURESI DOLUYOR' }, see: ['son geçerlilik tarihi nedir?'] }, { do: { date: 20 }, see: [ROLE_QUESTION] }, { do: { say: typed }, see: ['Yenileme talebinizi kaydettim', role, payer], notSee: ['düğmelerden birine basın'] }],
    recorded: { reason: 'normalExpiry', payer: payer === 'Kurum öder' ? 'institution' : 'person', late: false, expiryInDays: 20, role: role === 'İdari görevim var' ? 'administrative' : role === 'İdari görevim bitti' ? 'administrativeEnded' : 'noAdministrative' },
  })),
  {
    name: '6: "kayip" typed as the renewal reason goes to the lost-card path; "hayir" as the role: F3 only',
    turns: [{ do: { press: 'Yenileme' } }, { do: { say: 'kayip' }, see: ['Önce sertifikanızı askıya alın'] }, { do: { say: 'askiya aldim' }, see: [ROLE_QUESTION] }, { do: { say: 'hayir' }, see: ['Siz ödersiniz', 'İdari görevi biten ya da idari görevi olmayan personelin'], notSee: ['önce sertifika iptal edilir'] }],
    recorded: { reason: 'lostOrStolen', payer: 'person', late: false, role: 'noAdministrative' },
  },
  {
    name: '6 en: "broken" as the reason, "yes" as the role: revoked first, the person pays',
    locale: 'en',
    turns: [{ do: { press: 'Renewal' } }, { do: { say: 'broken' }, see: [ROLE_QUESTION_EN] }, { do: { say: 'yes' }, see: ['You pay', 'revoked first, then'], notSee: [R3_EN, 'Please press'] }],
    recorded: { reason: 'userFault', payer: 'person', late: false, role: 'administrative' },
  },
  {
    name: '1 en: "locked" as the reason asks the PIN question; "no" as the role question is understood after "No, the PUK tries are used up too"',
    locale: 'en',
    turns: [{ do: { press: 'Renewal' } }, { do: { say: 'locked' }, see: ['only because the PIN was entered wrongly 3 times'], notSee: ['You pay'] }, { do: { press: 'No, the PUK tries are used up too' }, see: [ROLE_QUESTION_EN] }, { do: { say: 'no' }, see: ['You pay'] }],
    recorded: { reason: 'pinPukBlock', payer: 'person', late: false, role: 'noAdministrative' },
  },
];

export const fidelityTables: [string, FidelityCase[]][] = [
  ['1. a locked PIN is unlocked, never sold a renewal', pinBlockedCases],
  ['2. R1 is a target inside the window', windowCases],
  ['3. step 8 warns about the PUK', stepEightCases],
  ['4 + 6. only the rules that apply', noR3Cases],
  ['5. typed questions', typedCases],
  ['1 + 6. typed answers to the reason and role questions', typedAnswerCases],
  ['4 + 5. when to use the new card', whenNewCardCases],
];
