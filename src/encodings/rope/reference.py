# Independent float64 reference values for the RoPE rule tests (rules.test.ts), written from the formulas in
# Hugging Face transformers' src/transformers/modeling_rope_utils.py with numpy, not from the TypeScript.
# Run: python3 src/encodings/rope/reference.py   (numpy 2.x)
import math
import numpy as np

np.set_printoptions(precision=17)
PAIRS = [0, 1, 5, 20, 21, 30, 45, 46, 63]


def base_inv(dim, base):
    return 1.0 / (float(base) ** (np.arange(0, dim, 2, dtype=np.float64) / dim))


def show(name, inv, att, pairs=PAIRS):
    print(name, 'attention', repr(float(att)))
    for i in pairs:
        if i < len(inv):
            print('  ', i, repr(float(inv[i])))


show('default dim128 base1e4', base_inv(128, 10000), 1.0)
show('linear dim128 base1e4 factor4', base_inv(128, 10000) / 4, 1.0)
show('ntk dim64 base1e4 factor8', base_inv(64, 10000 * 8 ** (64 / 62)), 1.0, [0, 1, 10, 31])
L = max(8192, 2048)
show('dynamic dim64 base1e4 factor2 orig2048 pos8192',
     base_inv(64, 10000 * ((2 * L / 2048) - 1) ** (64 / 62)), 1.0, [0, 1, 10, 31])

# llama3: theta 500000, head_dim 128, factor 8, low 1, high 4, original 8192
inv = base_inv(128, 500000)
wl = 2 * math.pi / inv
lo_wl, hi_wl = 8192 / 1, 8192 / 4
kept = wl < hi_wl
divided = wl > lo_wl
medium = ~kept & ~divided
s = (8192 / wl - 1) / (4 - 1)
out = np.where(divided, inv / 8, inv)
out = np.where(medium, (1 - s) * out / 8 + s * out, out)
print('llama3 kept', kept.sum(), 'divided', divided.sum(), 'smoothed', medium.sum(),
      'first divided', np.argmax(divided), 'smoothed pairs', np.nonzero(medium)[0])
show('llama3 theta5e5 dim128 f8 1 4 8192', out, 1.0, [0, 28, 29, 31, 34, 35, 63])

# yarn: head_dim 128, theta 10000, factor 4, original 4096, beta 32/1
def corr(rot, dim, base, ctx):
    return dim * math.log(ctx / (rot * 2 * math.pi)) / (2 * math.log(base))

lo = max(math.floor(corr(32, 128, 10000, 4096)), 0)
hi = min(math.ceil(corr(1, 128, 10000, 4096)), 127)
print('yarn corr', corr(32, 128, 10000, 4096), corr(1, 128, 10000, 4096), 'bounds', lo, hi)
ramp = np.clip((np.arange(64, dtype=np.float64) - lo) / (hi - lo), 0, 1)
pos = 10000.0 ** (np.arange(0, 128, 2, dtype=np.float64) / 128)
e = 1 - ramp
yarn = (1 / (4 * pos)) * (1 - e) + (1 / pos) * e
show('yarn dim128 base1e4 f4 orig4096', yarn, 0.1 * math.log(4) + 1)

# longrope: dim 8, base 10000, original 4096, factor 32
long_f = np.array([1.5, 2, 3, 4]); short_f = np.array([1, 1.1, 1.2, 1.3])
att = math.sqrt(1 + math.log(32) / math.log(4096))
show('longrope long (pos 8192)', 1 / (long_f * 10000.0 ** (np.arange(0, 8, 2) / 8)), att, [0, 1, 2, 3])
show('longrope short (pos 1024)', 1 / (short_f * 10000.0 ** (np.arange(0, 8, 2) / 8)), att, [0, 1, 2, 3])

# RoPE scheme tables (rope.test.ts): cos(p·θ′_i)·a and sin(p·θ′_i)·a for the YaRN case above
a = 0.1 * math.log(4) + 1
for p in [1, 1000, 8191]:
    for i in [0, 21, 30, 63]:
        print('yarn table p', p, 'pair', i, 'cos·a', repr(math.cos(p * yarn[i]) * a), 'sin·a', repr(math.sin(p * yarn[i]) * a))

# Frequency table regions (frequencies.test.ts): YaRN above — ramp 0 kept, ramp 1 interpolated, else ramped
print('yarn regions kept', int((ramp == 0).sum()), 'interpolated', int((ramp == 1).sum()),
      'ramped', int(((ramp > 0) & (ramp < 1)).sum()), 'wavelength pair 63', repr(2 * math.pi / yarn[63]),
      'unscaled', repr(2 * math.pi / base_inv(128, 10000)[63]))

# Model presets (models/registry.test.ts): DeepSeek-V3 YaRN ramp over qk_rope_head_dim 64, base 10000, original 4096
print('deepseek-v3 ramp', max(math.floor(corr(32, 64, 10000, 4096)), 0), min(math.ceil(corr(1, 64, 10000, 4096)), 63))
# Llama 3.2 1B: llama3 rule at head_dim 64, θ 500000, factor 32, 1, 4, 8192 — kept / divided / smoothed counts
inv = base_inv(64, 500000); wl = 2 * math.pi / inv
print('llama-3.2-1b kept', int((wl < 2048).sum()), 'divided', int((wl > 8192).sum()),
      'smoothed', int(((wl >= 2048) & (wl <= 8192)).sum()))
