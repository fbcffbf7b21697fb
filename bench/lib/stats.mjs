// Small statistics helpers. Benchmarks report the median (robust to the odd slow round on a shared machine)
// and the spread as min–max, so a reader sees both the typical figure and how noisy the run was.

/** @param {number[]} values */
export function median(values) {
  return quantile(values, 0.5);
}

/** Linear-interpolated quantile of `values` (q in [0, 1]). @param {number[]} values @param {number} q */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** @param {number[]} values */
export function summary(values) {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    q1: quantile(values, 0.25),
    q3: quantile(values, 0.75),
    n: values.length,
  };
}

/** "1.03× (1.01–1.06)" style: the median ratio and its min–max. @param {number[]} ratios */
export function ratioText(ratios) {
  const s = summary(ratios);
  return { ratio: s.median, spread: `${fmt(s.min)}–${fmt(s.max)}` };
}

/** @param {number} value @param {number} [digits] */
export function fmt(value, digits = 2) {
  if (!Number.isFinite(value)) return String(value);
  return value.toFixed(digits);
}

/** @param {number} bytes */
export function mib(bytes) {
  return bytes / 1024 / 1024;
}

/** High-resolution now in ms. */
export function now() {
  return Number(process.hrtime.bigint()) / 1e6;
}
