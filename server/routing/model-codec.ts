/** Serialised linear model (shared by the classifier and difficulty artefacts). */
export interface LinearArtefact {
  featureBits: number;
  classes: number;
  dense: number;
  /** Quantised sparse weights: little-endian int16, base64; value = q * sparseScale. */
  sparse: string;
  sparseScale: number;
  denseWeights: number[];
  bias: number[];
}

export interface DecodedLinear {
  classes: number;
  buckets: number;
  dense: number;
  sparse: Float32Array;
  /** The same sparse weights as stored: int16 values, weight = q * sparseScale (set when decoded from an artefact). */
  sparseQ?: Int16Array;
  sparseScale?: number;
  denseW: Float32Array;
  bias: Float32Array;
}

const round = (x: number, d: number): number => {
  const f = 10 ** d;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no "-0" in the artefact
};

export function encodeLinear(w: DecodedLinear): LinearArtefact {
  let maxAbs = 0;
  for (let i = 0; i < w.sparse.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w.sparse[i]!));
  const scale = maxAbs > 0 ? Number((maxAbs / 32767).toPrecision(8)) : 1;
  const bytes = new Uint8Array(w.sparse.length * 2);
  for (let i = 0; i < w.sparse.length; i++) {
    const q = Math.max(-32767, Math.min(32767, Math.round(w.sparse[i]! / scale)));
    const u = q & 0xffff;
    bytes[2 * i] = u & 0xff;
    bytes[2 * i + 1] = u >>> 8;
  }
  let bin = "";
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    bin += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + CHUNK)));
  }
  return {
    featureBits: Math.round(Math.log2(w.buckets)),
    classes: w.classes,
    dense: w.dense,
    sparse: btoa(bin),
    sparseScale: scale,
    denseWeights: Array.from(w.denseW, (x) => round(x, 6)),
    bias: Array.from(w.bias, (x) => round(x, 6)),
  };
}

export function decodeLinear(a: LinearArtefact): DecodedLinear {
  const bin = atob(a.sparse);
  const n = bin.length >> 1;
  const sparse = new Float32Array(n);
  const sparseQ = new Int16Array(n);
  for (let i = 0; i < n; i++) {
    const u = bin.charCodeAt(2 * i) | (bin.charCodeAt(2 * i + 1) << 8);
    sparseQ[i] = (u << 16) >> 16;
    sparse[i] = sparseQ[i]! * a.sparseScale;
  }
  return {
    classes: a.classes,
    buckets: 1 << a.featureBits,
    dense: a.dense,
    sparse,
    sparseQ,
    sparseScale: a.sparseScale,
    denseW: Float32Array.from(a.denseWeights),
    bias: Float32Array.from(a.bias),
  };
}
