// tsx bench/profile-summary.ts <file.cpuprofile> [top]: self time by package and by function.
import { renderProfile, summariseProfile } from './lib/profile.js';

const [file, top] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: tsx bench/profile-summary.ts <file.cpuprofile> [top]\n');
  process.exit(2);
}
process.stdout.write(
  `${renderProfile(file, summariseProfile(file, undefined, Number(top ?? 25)))}\n`,
);
