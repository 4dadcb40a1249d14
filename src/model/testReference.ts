// Test-only: the tiny transformer of model.ts written again as plain float64 JavaScript loops, straight from the
// papers' formulas (no tfjs, no shared helpers), so the gradient test can take finite differences of an
// independent forward pass. Same conventions as model.ts: weights [in, out], pre-LN, LN eps 1e-5, tanh GELU,
// causal softmax over keys j ≤ i; sinusoidal interleaved sin/cos with ω_i = 10000^(−2i/d); RoPE rotate-half
// with θ_i = 10000^(−2i/d_h); ALiBi slopes m_h = 2^(−8h/H), h = 1…H (H a power of two), bias −m_h·(i − j).
import type { Batch } from '../training/tasks.ts';
import type { ModelConfig } from './model.ts';

type Params = Map<string, ArrayLike<number>>;

function get(p: Params, name: string): ArrayLike<number> {
  const v = p.get(name);
  if (!v) throw new Error(`reference: no parameter ${name}`);
  return v;
}

/** y[n × out] = x[n × in] · W[in × out] (+ bias). */
function linear(
  x: Float64Array,
  n: number,
  inDim: number,
  W: ArrayLike<number>,
  out: number,
  bias?: ArrayLike<number>,
) {
  const y = new Float64Array(n * out);
  for (let r = 0; r < n; r++) {
    for (let o = 0; o < out; o++) {
      let s = bias ? bias[o] : 0;
      for (let i = 0; i < inDim; i++) s += x[r * inDim + i] * W[i * out + o];
      y[r * out + o] = s;
    }
  }
  return y;
}

function layerNorm(x: Float64Array, n: number, d: number, g: ArrayLike<number>, b: ArrayLike<number>) {
  const y = new Float64Array(n * d);
  for (let r = 0; r < n; r++) {
    let mu = 0;
    for (let c = 0; c < d; c++) mu += x[r * d + c] / d;
    let v = 0;
    for (let c = 0; c < d; c++) v += (x[r * d + c] - mu) ** 2 / d;
    for (let c = 0; c < d; c++) y[r * d + c] = ((x[r * d + c] - mu) / Math.sqrt(v + 1e-5)) * g[c] + b[c];
  }
  return y;
}

const gelu = (z: number) => 0.5 * z * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (z + 0.044715 * z ** 3)));

/** Masked mean next-token cross-entropy of the model on a batch, in float64. */
export function referenceLoss(cfg: ModelConfig, p: Params, batch: Batch): number {
  const { d, heads: H, layers, vocab: V, scheme } = cfg;
  const { B, T } = batch;
  const dh = d / H;
  let total = 0;
  let count = 0;
  for (let b = 0; b < B; b++) {
    let x = new Float64Array(T * d);
    const wte = get(p, 'wte.weight');
    for (let t = 0; t < T; t++) {
      const id = batch.inputs[b * T + t];
      for (let c = 0; c < d; c++) {
        let v = wte[id * d + c];
        if (scheme === 'learned') v += get(p, 'wpe.weight')[t * d + c];
        if (scheme === 'sinusoidal') {
          const w = Math.pow(10000, (-2 * Math.floor(c / 2)) / d);
          v += c % 2 === 0 ? Math.sin(t * w) : Math.cos(t * w);
        }
        x[t * d + c] = v;
      }
    }
    for (let l = 0; l < layers; l++) {
      const h = `h.${l}`;
      const a = layerNorm(x, T, d, get(p, `${h}.ln_1.weight`), get(p, `${h}.ln_1.bias`));
      const qkv = linear(a, T, d, get(p, `${h}.attn.c_attn.weight`), 3 * d);
      const y = new Float64Array(T * d);
      for (let hd = 0; hd < H; hd++) {
        const vec = (part: number, t: number) => {
          const out = new Float64Array(dh);
          for (let c = 0; c < dh; c++) out[c] = qkv[t * 3 * d + part * d + hd * dh + c];
          if (scheme === 'rope' && part < 2) {
            const r = new Float64Array(dh);
            for (let i = 0; i < dh / 2; i++) {
              const ang = t * Math.pow(10000, (-2 * i) / dh);
              r[i] = out[i] * Math.cos(ang) - out[i + dh / 2] * Math.sin(ang);
              r[i + dh / 2] = out[i] * Math.sin(ang) + out[i + dh / 2] * Math.cos(ang);
            }
            return r;
          }
          return out;
        };
        const slope = 2 ** ((-8 * (hd + 1)) / H);
        for (let i = 0; i < T; i++) {
          const q = vec(0, i);
          const s = new Float64Array(i + 1);
          for (let j = 0; j <= i; j++) {
            const k = vec(1, j);
            let dot = 0;
            for (let c = 0; c < dh; c++) dot += q[c] * k[c];
            s[j] = dot / Math.sqrt(dh) - (scheme === 'alibi' ? slope * (i - j) : 0);
          }
          const mx = Math.max(...s);
          let z = 0;
          for (let j = 0; j <= i; j++) z += Math.exp(s[j] - mx);
          for (let j = 0; j <= i; j++) {
            const w = Math.exp(s[j] - mx) / z;
            const v = vec(2, j);
            for (let c = 0; c < dh; c++) y[i * d + hd * dh + c] += w * v[c];
          }
        }
      }
      const o = linear(y, T, d, get(p, `${h}.attn.c_proj.weight`), d);
      x = x.map((v, i) => v + o[i]);
      const m = layerNorm(x, T, d, get(p, `${h}.ln_2.weight`), get(p, `${h}.ln_2.bias`));
      const hid = linear(m, T, d, get(p, `${h}.mlp.c_fc.weight`), 4 * d, get(p, `${h}.mlp.c_fc.bias`)).map(
        gelu,
      );
      const f = linear(hid, T, 4 * d, get(p, `${h}.mlp.c_proj.weight`), d, get(p, `${h}.mlp.c_proj.bias`));
      x = x.map((v, i) => v + f[i]);
    }
    const xf = layerNorm(x, T, d, get(p, 'ln_f.weight'), get(p, 'ln_f.bias'));
    const logits = linear(xf, T, d, get(p, 'head.weight'), V);
    for (let t = 0; t < T; t++) {
      const w = batch.mask[b * T + t];
      if (w === 0) continue;
      const row = logits.subarray(t * V, (t + 1) * V);
      const mx = Math.max(...row);
      let z = 0;
      for (const v of row) z += Math.exp(v - mx);
      total += w * -(row[batch.targets[b * T + t]] - mx - Math.log(z));
      count += w;
    }
  }
  return total / Math.max(count, 1);
}
