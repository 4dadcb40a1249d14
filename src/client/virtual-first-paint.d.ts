// Types of the build-time module provided by vite-first-paint.ts: the default run's tokens and its first three
// matrices, each matrix's Float32 data as base64 of its little-endian bytes.
declare module 'virtual:first-paint' {
  const firstPaint: {
    spec: import('../protocol/specs.ts').RunSpec;
    tokens: import('../protocol/messages.ts').Token[];
    vocabSize: number;
    total: number;
    matrices: {
      name: import('../protocol/views.ts').ViewName;
      title: string;
      shape: [number, number];
      rowLabels: string[];
      data: string;
    }[];
  };
  export default firstPaint;
}
