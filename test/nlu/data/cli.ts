import type { Intent, Topic } from '../../../bot/nlu';

/** Lines fed to the CLI in this order; the empty line must still give one output line. */
export const CLI_ROWS: readonly { text: string; intent: Intent; topic?: Topic }[] = [
  { text: 'E İMZAM KİLİTLENDİ', intent: 'unlock' },
  { text: 'mebbis şifremi unuttum', intent: 'none' },
  { text: '', intent: 'none' },
  { text: 'yeni kartın şifresi ne', intent: 'new_card_pin' },
  { text: 'ücreti kim ödüyor', intent: 'fees' },
  { text: '{"not": "json input"}', intent: 'none' },
  { text: 'bilgisayarımı eşleştir', intent: 'agent_pairing' },
  { text: 'puk kodunu girsem mi acaba', intent: 'unlock', topic: 'puk' },
  { text: 'mrb hocam', intent: 'help' },
];
