// A count beside a link ("Chat 2 unread"): the number shows, " unread" is for screen readers, so
// the link's accessible name starts with its visible text.
export function CountBadge({ count, label = 'unread' }: { count: number; label?: string }) {
  if (count <= 0) return null;
  return (
    <span className="count-badge">
      {count > 99 ? '99+' : count}
      <span className="visually-hidden"> {label}</span>
    </span>
  );
}
