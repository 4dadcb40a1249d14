// Baseline 1: the tutorial D3 heatmap: one SVG <rect> per cell, placed by band scales and filled by a
// sequential RdBu scale, joined from an array of {row, col, value} objects. Each draw builds a fresh <svg>.
import { interpolateRdBu, scaleBand, scaleSequential, select } from 'd3';

interface Cell {
  row: number;
  col: number;
  value: number;
}

export function drawSvgBaseline(
  el: HTMLElement,
  m: { shape: [number, number]; data: Float32Array },
  domain: [number, number],
): void {
  const [rows, cols] = m.shape;
  const width = el.clientWidth || 1100;
  const height = 340;
  const cells: Cell[] = [];
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < cols; col++) cells.push({ row, col, value: m.data[row * cols + col] });
  const x = scaleBand<number>()
    .domain(Array.from({ length: cols }, (_, i) => i))
    .range([0, width]);
  const y = scaleBand<number>()
    .domain(Array.from({ length: rows }, (_, i) => i))
    .range([0, height]);
  const colour = scaleSequential((t: number) => interpolateRdBu(1 - t)).domain(domain);
  const svg = select(el).append('svg').attr('width', width).attr('height', height);
  svg
    .selectAll('rect')
    .data(cells)
    .join('rect')
    .attr('x', (d) => x(d.col) ?? 0)
    .attr('y', (d) => y(d.row) ?? 0)
    .attr('width', x.bandwidth())
    .attr('height', y.bandwidth())
    .attr('fill', (d) => colour(d.value));
}
