// A person's (or an organisation's) face: their picture, or their initials on a colour that is
// always the same for them, so that a list of names without pictures still tells people apart.
import { useState } from 'react';

const COLOURS = ['#13483e', '#5e2862', '#7a3417', '#1f3f6e', '#3d4a0b', '#6e2037', '#1f434d', '#553a1a'];

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]![0], words[words.length - 1]![0]] : [words[0]?.[0]];
  return letters.join('').toUpperCase() || '?';
}

function colourOf(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

export interface AvatarProps {
  /** Keeps the colour stable (a user or organisation id). */
  id: string;
  name: string;
  url: string | null | undefined;
  size?: 'sm' | 'md' | 'lg';
}

/** Decorative beside a visible name (alt is empty); the name itself is what is read out. */
export function Avatar({ id, name, url, size = 'sm' }: AvatarProps) {
  const [broken, setBroken] = useState(false);
  if (url && !broken) return <img className={`avatar avatar-${size}`} src={url} alt="" onError={() => setBroken(true)} />;
  return (
    <span className={`avatar avatar-${size}`} style={{ backgroundColor: colourOf(id), color: '#fff' }} aria-hidden="true">
      {initials(name)}
    </span>
  );
}
