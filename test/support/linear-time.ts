// Time bounds as ratios, so a loaded machine slows both sides alike: a function on a
// 50,000-character input against a plain linear pass over 5,000 characters. A linear
// function lands within a few hundred times the pass; a quadratic one at ~50,000 times.

export const ADVERSARIAL_LENGTH = 50_000;
const BASELINE_LENGTH = 5_000;

/** Long runs that make backtracking patterns rescan: blanks, dots, dashes, letters and mixes. */
export function adversarialInputs(n = ADVERSARIAL_LENGTH): Record<string, string> {
  const run = (unit: string) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  return {
    spaces: run(' '),
    'spaces between letters': `a${run(' ').slice(2)}b`,
    'tabs and no-break spaces': `x${run('\t\u00a0 ').slice(2)}y`,
    dots: run('.'),
    dashes: run('-'),
    letters: run('a'),
    'words and spaces': run('Engineer '),
    'dates and dashes': run('x 2020 - '),
    'dots and letters': run('Word a. '),
    newlines: `a${run('\n').slice(2)}b`,
    'blank lines with spaces': run(' \n'),
    'carriage returns': run('\r'),
    mixed: run('a .-\t 1,;:\u00a0(x)\n'),
  };
}

function bestOf(runs: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    fn();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function linearPass(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i += 1) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

let baseline: number | undefined;

/** How many times longer fn(input) takes than a linear pass over 5,000 characters (best of runs). */
export function timeRatio(fn: () => unknown, runs = 3): number {
  const sample = 'a .-\t\n'.repeat(BASELINE_LENGTH / 5).slice(0, BASELINE_LENGTH);
  // A floor of 1 microsecond keeps a timer's resolution from inflating the ratio.
  baseline ??= Math.max(
    0.001,
    bestOf(50, () => linearPass(sample)),
  );
  return bestOf(runs, fn) / baseline;
}

/** The same for an async function (awaited; the await itself costs little next to the bound). */
export async function timeRatioAsync(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  timeRatio(() => undefined, 1); // sets the baseline
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    best = Math.min(best, performance.now() - started);
  }
  return best / baseline!;
}

/** Generous for linear code (which measures at 10-300), far below quadratic (~10^4-10^5). */
export const MAX_LINEAR_RATIO = 2_000;
