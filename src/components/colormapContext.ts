import { createContext } from 'react';
import type { Colormap } from '../plots/scales.ts';

/** The user's colour-map choice, read by every heatmap, legend and scatter plot under the provider. */
export const ColormapContext = createContext<Colormap>('auto');
