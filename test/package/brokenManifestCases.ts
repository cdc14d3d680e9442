/**
 * Broken manifests the packager must reject, one row each: how the valid manifest is broken
 * and the schema message that must come back.
 */

/** A manifest as plain JSON data, so a row can change any part of it. */
export type ManifestJson = Record<string, unknown> & {
  name: { short: string; full?: string };
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
};

export interface BrokenManifestCase {
  /** What is wrong, as the test name. */
  name: string;
  /** Changes a copy of the valid manifest. */
  breakIt: (manifest: ManifestJson) => void;
  /** The schema (or package rule) message that must appear among the problems. */
  expectedProblem: string;
}

export const brokenManifestCases: readonly BrokenManifestCase[] = [
  {
    name: 'version is missing',
    breakIt: (m) => { delete m.version; },
    expectedProblem: "(root) must have required property 'version'",
  },
  {
    name: 'manifestVersion is not the schema version',
    breakIt: (m) => { m.manifestVersion = '1.99'; },
    expectedProblem: '/manifestVersion must be equal to constant ("1.29")',
  },
  {
    name: 'short name is longer than 30 characters',
    breakIt: (m) => { m.name.short = 'e-İmza Yardımcısı ve Sertifika Asistanı'; },
    expectedProblem: '/name/short must NOT have more than 30 characters',
  },
  {
    name: 'the app id is not a GUID',
    breakIt: (m) => { m.id = 'eimza-bot'; },
    expectedProblem: '/id must match pattern',
  },
  {
    name: 'the bot id is not a GUID',
    breakIt: (m) => { const bot = m.bots[0]; if (bot) bot.botId = '12345'; },
    expectedProblem: '/bots/0/botId must match pattern',
  },
  {
    name: 'a bot scope is unknown',
    breakIt: (m) => { const bot = m.bots[0]; if (bot) bot.scopes = ['personal', 'everyone']; },
    expectedProblem: '/bots/0/scopes/1 must be equal to one of the allowed values',
  },
  {
    name: 'accentColor is not a hex colour',
    breakIt: (m) => { m.accentColor = 'lacivert'; },
    expectedProblem: '/accentColor must match pattern "^#[0-9a-fA-F]{6}$"',
  },
  {
    name: 'the icons are missing',
    breakIt: (m) => { delete m.icons; },
    expectedProblem: "(root) must have required property 'icons'",
  },
  {
    name: 'an unknown top-level property is present',
    breakIt: (m) => { m.botName = 'eimza'; },
    expectedProblem: "(root) must NOT have additional properties ('botName')",
  },
  {
    name: 'a command list has more than 12 commands',
    breakIt: (m) => {
      const list = m.bots[0]?.commandLists[0];
      if (list) list.commands = Array.from({ length: 13 }, (_, i) => ({ title: `komut ${i}` }));
    },
    expectedProblem: '/bots/0/commandLists/0/commands must NOT have more than 12 items',
  },
  {
    name: 'a placeholder was left unfilled',
    breakIt: (m) => { m.developer = { ...(m.developer as object), websiteUrl: 'https://${{SOMETHING}}/' }; },
    expectedProblem: 'placeholder ${{SOMETHING}} was not filled',
  },
];
