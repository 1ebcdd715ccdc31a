/**
 * The only module that touches the committed model artefacts. They are imported statically
 * (bundled by Next.js and tsx alike) and decoded once, on first use.
 */
import classifierJson from "./model/classifier.json";
import difficultyJson from "./model/difficulty.json";
import { decodeLinear, type DecodedLinear, type LinearArtefact } from "./model-codec";

export interface ClassifierModel {
  labels: string[];
  temperature: number;
  weights: DecodedLinear;
  version: number;
  sha256: string;
}

export interface DifficultyModel {
  weights: DecodedLinear;
  quantiles: number[];
  gapCurve: [number, number][];
  version: number;
}

let classifier: ClassifierModel | null = null;
let difficulty: DifficultyModel | null = null;

type ClassifierJson = LinearArtefact & { labels: string[]; temperature: number; version: number; trainingData: { sha256: string } };
type DifficultyJson = LinearArtefact & { quantiles: number[]; gapCurve: number[][]; version: number };

/** Decode a classifier artefact (e.g. a tenant's retrained model) into its runtime form. */
export function decodeClassifier(json: ClassifierJson): ClassifierModel {
  return {
    labels: json.labels,
    temperature: json.temperature,
    weights: decodeLinear(json),
    version: json.version,
    sha256: json.trainingData.sha256,
  };
}

export function getClassifierModel(): ClassifierModel {
  if (!classifier) classifier = decodeClassifier(classifierJson as unknown as ClassifierJson);
  return classifier;
}

export function getDifficultyModel(): DifficultyModel {
  if (!difficulty) {
    const json = difficultyJson as unknown as DifficultyJson;
    difficulty = {
      weights: decodeLinear(json),
      quantiles: json.quantiles,
      gapCurve: json.gapCurve.map((p) => [p[0]!, p[1]!] as [number, number]),
      version: json.version,
    };
  }
  return difficulty;
}
