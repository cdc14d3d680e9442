// NLP.js 4.x ships without type declarations; these cover only what bot/nlu and bench/nlu use.

declare module '@nlpjs/neural' {
  export interface NeuralNetworkSettings {
    iterations?: number;
    errorThresh?: number;
    deltaErrorThresh?: number;
    learningRate?: number;
    momentum?: number;
    alpha?: number;
    log?: boolean | ((status: unknown, time: number) => void);
  }
  export type FeatureBag = Record<string, number>;
  export interface TrainingRow {
    input: FeatureBag;
    output: Record<string, number>;
  }
  /** A trained network as NLP.js saves it: one weight per feature, then the bias, per output. */
  export interface NeuralNetworkJson {
    settings: NeuralNetworkSettings;
    features: string[];
    intents: string[];
    perceptrons: number[][];
  }
  export class NeuralNetwork {
    constructor(settings?: NeuralNetworkSettings);
    train(corpus: TrainingRow[]): unknown;
    toJSON(): NeuralNetworkJson;
    fromJSON(json: NeuralNetworkJson): void;
    /** Activation per output name (ReLU-style, 0 when not activated); undefined before training. */
    run(input: FeatureBag): Record<string, number> | undefined;
  }
}

declare module '@nlpjs/basic' {
  export interface NlpProcessResult {
    intent: string;
    score: number;
    classifications: { intent: string; score: number }[];
  }
  /** NLP.js's full pipeline (normaliser, tokenizer, stemmer, NLU); bench/nlu.ts uses it as a baseline. */
  export class Nlp {
    constructor(settings?: Record<string, unknown>);
    use(plugin: unknown): void;
    addDocument(locale: string, utterance: string, intent: string): void;
    train(): Promise<unknown>;
    process(locale: string, utterance: string): Promise<NlpProcessResult>;
  }
}

declare module '@nlpjs/lang-tr' {
  export const LangTr: unknown;
  export class StemmerTr {
    stemWord(word: string): string;
  }
}
