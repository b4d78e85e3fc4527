/** A handle people can type after @: lower-case letters, digits, - and _, starting with a letter. */
export const HANDLE_PATTERN = /^[a-z][a-z0-9_-]{2,29}$/;

export function handleBase(displayName: string): string {
  const base = displayName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  if (!base) return 'member';
  const letterFirst = /^[a-z]/.test(base) ? base : `m-${base}`;
  return letterFirst.length >= 3 ? letterFirst : `${letterFirst}-member`.slice(0, 24);
}
