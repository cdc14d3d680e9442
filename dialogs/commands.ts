import { normalizeText } from '../bot/nlu/normalize';

/** The words that work at every step of every path, whatever the dialog is waiting for. */
export type GlobalCommand = 'cancel' | 'menu' | 'help' | 'human';

const COMMAND_WORDS: Record<GlobalCommand, string[]> = {
  cancel: ['iptal', 'iptal et', 'vazgec', 'vazgectim', 'dur', 'cik', 'cancel', 'stop', 'quit'],
  // A bare greeting is answered with the menu, too.
  menu: ['menu', 'ana menu', 'menuye don', 'basa don', 'bastan basla', 'main menu', 'start over', 'merhaba', 'selam', 'selamlar', 'gunaydin', 'iyi gunler', 'hello', 'hi'],
  help: ['yardim', 'yardim et', 'yardim lazim', 'ne yapabilirsin', 'help', '?'],
  human: [
    'yetkiliye baglan', 'yetkili', 'yetkiliyle gorusmek istiyorum', 'insana baglan', 'canli destek',
    'bilgi islem ile gorusmek istiyorum', 'operator', 'talk to a person', 'human', 'agent',
  ],
};

const LOOKUP = new Map<string, GlobalCommand>(
  Object.entries(COMMAND_WORDS).flatMap(([command, words]) => words.map((word) => [word, command as GlobalCommand])),
);

/** The command a whole message stands for ("İPTAL", "menü!", "Yardım"), or undefined. */
export function matchGlobalCommand(text: string | undefined): GlobalCommand | undefined {
  if (!text) return undefined;
  const cleaned = normalizeText(text).replace(/<at>.*?<\/at>/g, '').replace(/[^\p{L}\p{N}?\s]/gu, ' ').replace(/\s+/g, ' ').trim();
  return LOOKUP.get(cleaned);
}
