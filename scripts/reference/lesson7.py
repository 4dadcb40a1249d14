# Numbers quoted in lesson step 7 (src/lessons/step7.ts): RoPE at n = 128 rotated dims, base 10000, L = 2048, factor 4.
# Run: python3 scripts/reference/lesson7.py
import numpy as np, math
n=128; base=10000.0; L=2048; s=4.0
i=np.arange(n//2); f=1/base**(2*i/n); lam=2*math.pi/f
print('pairs with < 1 turn in L:', i[lam>L][0], '...', i[-1], 'count', (lam>L).sum())
print('fastest turns in L', L/lam[0], 'slowest', L/lam[-1])
# llama3, low 1 high 4
kept=(lam < L/4).sum(); interp=(lam > L/1).sum(); print('llama3 kept', kept, 'interp', interp, 'smoothed', n//2-kept-interp)
# yarn beta_fast 32, beta_slow 1
corr=lambda r: n*math.log(L/(r*2*math.pi))/(2*math.log(base))
print('yarn low', max(math.floor(corr(32)),0), 'high', min(math.ceil(corr(1)),n-1), 'a', 0.1*math.log(s)+1)
# ntk: base' = base * s^(n/(n-2))
b2=base*s**(n/(n-2)); print('ntk base', b2, 'slowest pair divided by', f[-1]/(1/b2**(2*63/n)))
