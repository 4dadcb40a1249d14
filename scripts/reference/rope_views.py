# Float64 reference values for src/encodings/ropeViews.test.ts (run: python3 scripts/reference/rope_views.py).
import numpy as np, math
# YaRN, head_dim 128, base 10000, factor 4, original 4096, beta_fast 32, beta_slow 1 (HF _compute_yarn_parameters)
dim=128; base=10000.0; factor=4.0; L=4096
f = 1.0/base**(np.arange(0,dim,2,dtype=np.float64)/dim)
def corr(r): return dim*math.log(L/(r*2*math.pi))/(2*math.log(base))
low=max(math.floor(corr(32)),0); high=min(math.ceil(corr(1)),dim-1)
ramp=np.clip((np.arange(dim//2)-low)/(high-low),0,1)
fs = f/factor*ramp + f*(1-ramp)
a = 0.1*math.log(factor)+1
print('low high a', low, high, repr(a))
for D in [0,1,100,4095,8191]:
    print('qk', D, repr(2*np.cos(D*f).sum()), repr(2*a*a*np.cos(D*fs).sum()))
N=8192
for i in [0,20,40,63]:
    print('angle', i, repr((L-1)*f[i]), repr((N-1)*fs[i]), 'turns', repr(L/(2*math.pi/f[i])))
print('short pairs (wavelength > L):', [int(i) for i in np.nonzero(2*math.pi/f > L)[0]][:3], int((2*math.pi/f > L).sum()))
# far offsets, plain base 10000 dim 64
f64 = 1.0/10000.0**(np.arange(0,64,2,dtype=np.float64)/64)
for D in [2**20+3, 2**30+12345]:
    print('far', D, repr(np.cos(D*f64).sum()))
