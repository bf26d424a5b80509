/** True when a build output or the stamp of a finished build is missing, or a source is newer. */
export function buildIsStale(root: string): boolean;
