// Arrays as heatmaps: negative values blue, positive red, strength by magnitude, over any
// theme's background. Small arrays are a grid of cells with their numbers; large ones a canvas.
// Either is one tab stop: arrow keys move a cursor and the readout names the element.

import { h } from '../dom';
import { fmtNumber } from '../format';

const CELL_GRID_LIMIT = 400;

function rowsCols(shape: readonly number[]): [number, number] {
  if (shape.length === 0) return [1, 1];
  if (shape.length === 1) return [1, shape[0]];
  const cols = shape[shape.length - 1];
  return [shape.slice(0, -1).reduce((a, b) => a * b, 1), cols];
}

function colour(x: number, scale: number): string {
  const a = scale > 0 ? Math.min(Math.abs(x) / scale, 1) : 0;
  const alpha = (0.08 + 0.82 * a).toFixed(3);
  return x >= 0 ? `rgba(229, 83, 75, ${alpha})` : `rgba(55, 148, 255, ${alpha})`;
}

function indexText(shape: readonly number[], flat: number): string {
  const idx: number[] = [];
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    idx.unshift(rest % shape[d]);
    rest = Math.floor(rest / shape[d]);
  }
  return idx.join(', ');
}

export function heatmap(data: readonly number[], shape: readonly number[], label: string, readoutTemplate: (index: string, value: string) => string): HTMLElement {
  const [rows, cols] = rowsCols(shape);
  let scale = 0;
  for (const x of data) if (Number.isFinite(x)) scale = Math.max(scale, Math.abs(x));
  const readout = h('div', { class: 'heatmap-readout', 'aria-live': 'polite' });
  const wrap = h('div', { class: 'heatmap', tabindex: 0, role: 'group', 'aria-label': label });
  let cursor = -1;
  const show = (i: number) => {
    if (i < 0 || i >= data.length) return;
    readout.textContent = readoutTemplate(indexText(shape.length ? shape : [1], i), fmtNumber(data[i]));
  };

  let move: (i: number) => void;
  if (data.length <= CELL_GRID_LIMIT) {
    const grid = h('div', { class: `heatmap-grid${cols > 12 ? ' dense' : ''}` });
    grid.style.gridTemplateColumns = `repeat(${cols}, auto)`;
    const cells: HTMLElement[] = [];
    data.forEach((x, i) => {
      const cell = h('div', { class: 'cell', 'data-index': i, title: `[${indexText(shape.length ? shape : [1], i)}] = ${fmtNumber(x)}` }, cols <= 12 ? fmtNumber(Number(x.toPrecision(4))) : '');
      cell.style.backgroundColor = colour(x, scale);
      cells.push(cell);
      grid.appendChild(cell);
    });
    grid.addEventListener('mouseover', (ev) => {
      const i = Number((ev.target as HTMLElement).closest('.cell')?.getAttribute('data-index') ?? -1);
      if (i >= 0) show(i);
    });
    move = (i) => {
      cells[cursor]?.classList.remove('cursor');
      cursor = i;
      cells[i]?.classList.add('cursor');
      show(i);
    };
    wrap.appendChild(grid);
  } else {
    const px = Math.max(2, Math.min(14, Math.floor(560 / cols)));
    const canvas = h('canvas', { class: 'heatmap-canvas', width: cols * px, height: rows * px });
    const draw = () => {
      const c = canvas.getContext('2d');
      if (!c) return;
      c.clearRect(0, 0, canvas.width, canvas.height);
      data.forEach((x, i) => {
        c.fillStyle = colour(x, scale);
        c.fillRect((i % cols) * px, Math.floor(i / cols) * px, px, px);
      });
      if (cursor >= 0) {
        c.strokeStyle = getComputedStyle(wrap).color;
        c.lineWidth = 1.5;
        c.strokeRect((cursor % cols) * px + 0.75, Math.floor(cursor / cols) * px + 0.75, px - 1.5, px - 1.5);
      }
    };
    draw();
    canvas.addEventListener('mousemove', (ev) => {
      const r = canvas.getBoundingClientRect();
      const col = Math.floor(((ev.clientX - r.left) / r.width) * cols);
      const row = Math.floor(((ev.clientY - r.top) / r.height) * rows);
      show(row * cols + col);
    });
    move = (i) => {
      cursor = i;
      draw();
      show(i);
    };
    wrap.appendChild(canvas);
  }
  wrap.addEventListener('focus', () => {
    if (cursor < 0) move(0);
  });
  wrap.addEventListener('keydown', (ev) => {
    const at = Math.max(cursor, 0);
    const r = Math.floor(at / cols);
    const c = at % cols;
    const steps: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const d = steps[ev.key];
    if (!d) return;
    ev.preventDefault();
    const nr = Math.min(Math.max(r + d[0], 0), rows - 1);
    const nc = Math.min(Math.max(c + d[1], 0), cols - 1);
    move(nr * cols + nc);
  });
  wrap.appendChild(readout);
  return wrap;
}
