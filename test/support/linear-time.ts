// Time bounds as ratios, never absolute times, and in CPU time (cpuMs), so a loaded machine
// that takes the processor away in the middle of a run does not count against it.
// A function runs on an adversarial input of 50,000 characters and on the same shape at
// 5,000: linear code takes ~10 times as long, quadratic code ~100 times. The smaller
// run's time is floored at a plain linear pass over the small input, so a function too
// fast to time well (a header check) is not judged on timer noise.

export const ADVERSARIAL_LENGTH = 50_000;
const SMALL_LENGTH = 5_000;

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

export const ADVERSARIAL_SHAPES = Object.keys(adversarialInputs(10));

/**
 * The CPU time this process has used, in ms: unlike the clock, it does not advance while
 * other work on a busy machine has the processor.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1_000;
}

async function bestOf(runs: number, fn: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i += 1) {
    const started = cpuMs();
    await fn();
    best = Math.min(best, cpuMs() - started);
  }
  return best;
}

function linearPass(text: string): number {
  let sum = 0;
  for (let i = 0; i < text.length; i += 1) sum = (sum + text.charCodeAt(i)) | 0;
  return sum;
}

/**
 * How many times longer fn takes on the 50,000-character input of `shape` than on the
 * 5,000-character one (best of several runs each; sync or async fn).
 */
export async function growthRatio(shape: string, fn: (text: string) => unknown): Promise<number> {
  const large = adversarialInputs(ADVERSARIAL_LENGTH)[shape]!;
  const small = adversarialInputs(SMALL_LENGTH)[shape]!;
  const floor = 20 * (await bestOf(20, () => linearPass(small)));
  const smallTime = await bestOf(5, () => fn(small));
  const largeTime = await bestOf(3, () => fn(large));
  return largeTime / Math.max(smallTime, floor);
}

/** Ten times the input: linear code measures ~10 (GC adds a little), quadratic ~100. */
export const MAX_GROWTH = 35;
