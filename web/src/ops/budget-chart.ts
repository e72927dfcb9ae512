import { AXIS_STEPS, axisMax, CHART_SPAN_MS, type BudgetSample } from './budget-samples';

const HEIGHT = 220;
const PAD = { top: 14, right: 16, bottom: 26, left: 40 };

/** Reads the theme's colours from CSS custom properties on the canvas, so the chart follows the stylesheet. */
function colour(canvas: HTMLCanvasElement, name: string): string {
  return getComputedStyle(canvas).getPropertyValue(name).trim() || '#888';
}

/**
 * Draws budget use (area) against the limit (dashed line) over the last five minutes, sharp on high-density
 * screens. Drawn by hand on a canvas: no chart library, nothing loaded from elsewhere.
 */
export function drawBudgetChart(canvas: HTMLCanvasElement, samples: readonly BudgetSample[]): void {
  const width = canvas.clientWidth;
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(HEIGHT * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(HEIGHT * ratio);
    canvas.style.height = `${HEIGHT}px`;
  }
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, HEIGHT);

  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const top = axisMax(samples);
  const end = samples.at(-1)?.at ?? 0;
  const x = (at: number) => PAD.left + plotW * (1 - (end - at) / CHART_SPAN_MS);
  const y = (value: number) => PAD.top + plotH * (1 - value / top);

  context.font = '11px system-ui, sans-serif';
  context.lineWidth = 1;
  context.strokeStyle = colour(canvas, '--chart-grid');
  context.fillStyle = colour(canvas, '--chart-text');
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (let i = 0; i <= AXIS_STEPS; i++) {
    const value = (top / AXIS_STEPS) * i;
    const lineY = Math.round(y(value)) + 0.5;
    context.beginPath();
    context.moveTo(PAD.left, lineY);
    context.lineTo(PAD.left + plotW, lineY);
    context.stroke();
    context.fillText(String(Math.round(value)), PAD.left - 8, lineY);
  }
  context.textAlign = 'center';
  context.textBaseline = 'top';
  for (let minutes = 5; minutes >= 0; minutes--) {
    context.fillText(
      minutes === 0 ? 'now' : `−${minutes} min`,
      x(end - minutes * 60_000),
      HEIGHT - PAD.bottom + 8,
    );
  }
  if (samples.length === 0) return;

  const used = colour(canvas, '--chart-used');
  const gradient = context.createLinearGradient(0, PAD.top, 0, PAD.top + plotH);
  gradient.addColorStop(0, colour(canvas, '--chart-fill'));
  gradient.addColorStop(1, 'rgba(0, 0, 0, 0)');
  context.beginPath();
  context.moveTo(x(samples[0]?.at ?? end), y(0));
  for (const sample of samples) context.lineTo(x(sample.at), y(sample.used));
  context.lineTo(x(end), y(0));
  context.closePath();
  context.fillStyle = gradient;
  context.fill();

  context.beginPath();
  samples.forEach((sample, index) =>
    index === 0 ? context.moveTo(x(sample.at), y(sample.used)) : context.lineTo(x(sample.at), y(sample.used)),
  );
  context.strokeStyle = used;
  context.lineWidth = 2;
  context.lineJoin = 'round';
  context.stroke();

  context.beginPath();
  samples.forEach((sample, index) =>
    index === 0
      ? context.moveTo(x(sample.at), y(sample.limit))
      : context.lineTo(x(sample.at), y(sample.limit)),
  );
  context.setLineDash([6, 4]);
  context.strokeStyle = colour(canvas, '--chart-limit');
  context.lineWidth = 1.5;
  context.stroke();
  context.setLineDash([]);

  const last = samples.at(-1) as BudgetSample;
  context.beginPath();
  context.arc(x(last.at), y(last.used), 4, 0, Math.PI * 2);
  context.fillStyle = used;
  context.fill();
}
